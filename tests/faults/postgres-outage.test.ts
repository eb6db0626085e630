import { describe, expect, it } from "vitest";
import { annotationIdOf, expectNothingLost, listenForAnnotations, postAnnotation, savingAgain, startTyping, useTwoInstances } from "./scene";

const OUTAGE_MS = 10_000;
const stage = useTwoInstances();

describe("Postgres away for 10 s under typing, two instances", () => {
  it("loses and duplicates nothing acknowledged, never tells anyone they lack access, answers 503, and is saving again within 5 s of its return", async () => {
    const { postgres: proxy, scene, writers } = await stage.start({ behindProxies: true });
    const postgres = proxy!;
    const { instances } = stage;
    const [a, b] = instances;
    const listener = listenForAnnotations(b, scene.document.id, scene.ownerToken);
    stage.clients.push(listener.client);

    const stop = startTyping(writers);
    await new Promise((r) => setTimeout(r, 2000));
    const cutAt = Date.now();
    await postgres.cut();
    await new Promise((r) => setTimeout(r, 2000));
    // An API write while the database is away: 503 with Retry-After, never a 500.
    const during = await postAnnotation(a, scene.document.id, scene.ownerToken, "Seeded once");
    const health = await fetch(`${b.baseUrl}/api/health`);
    await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - cutAt)));
    await postgres.restore();
    const restoredAt = Date.now();

    expect(during.status).toBe(503);
    expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ db: "unreachable" });

    const resumedMs = await savingAgain(writers, 5000);
    await new Promise((r) => setTimeout(r, 1000));
    stop();
    // An annotation made once the database is back reaches the other instance's readers.
    const created = await postAnnotation(a, scene.document.id, scene.ownerToken, "Seeded once");
    expect(created.status).toBe(201);
    const id = await annotationIdOf(created);

    const result = await expectNothingLost(instances, scene, writers);
    expect(listener.client.authFailure).toBeUndefined();
    await expect.poll(() => listener.events.some((e) => e.id === id), { timeout: 5000 }).toBe(true);

    for (const instance of instances) {
      const lines = instance.linesBetween(cutAt - 500, restoredAt + 5000);
      expect(lines.length, lines.join("\n")).toBeLessThan(50);
      expect(lines.join("\n")).not.toMatch(/uncaught|unhandled/i);
      // Nor, over the whole run, the floods of normal running: a store lock per save, pg's concurrent-query deprecation.
      expect(instance.lines.map((l) => l.text).join("\n")).not.toMatch(/Another instance is already storing|already executing a query|\[ioredis\]/);
      expect(instance.child.exitCode).toBeNull();
    }
    console.log(
      `postgres outage: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; saving again ${resumedMs} ms after the return; fresh clients agreed in ${result.tookMs} ms; log lines per instance: ${instances.map((i) => i.linesBetween(cutAt - 500, restoredAt + 5000).length).join(", ")}`,
    );
  }, 120_000);
});
