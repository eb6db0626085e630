import { afterAll, describe, expect, inject, it } from "vitest";
import type { Client } from "../integration/collab/harness";
import { startApp, type AppInstance } from "./app";
import { agreement, annotationIdOf, checkNoLossNoDuplicates, connectWriters, createScene, listenForAnnotations, postAnnotation, savingAgain, startTyping } from "./scene";
import { proxyFor, type TcpProxy } from "./tcp-proxy";

const OUTAGE_MS = 10_000;
const instances: AppInstance[] = [];
const clients: Client[] = [];
const proxies: TcpProxy[] = [];
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await Promise.all(instances.map((i) => i.stop()));
  await Promise.all(proxies.map((p) => p.stop()));
});

describe("Postgres away for 10 s under typing, two instances", () => {
  it("loses and duplicates nothing acknowledged, never tells anyone they lack access, answers 503, and is saving again within 5 s of its return", async () => {
    const databaseUrl = inject("databaseUrl");
    const postgres = await proxyFor(databaseUrl);
    const redis = await proxyFor(process.env.REDIS_URL!);
    proxies.push(postgres, redis);
    const env = { DATABASE_URL: postgres.url(databaseUrl), REDIS_URL: redis.url(process.env.REDIS_URL!), AUTH_SECRET: "fault-tests-secret-not-for-production", APP_URL: "http://127.0.0.1" };
    instances.push(...(await Promise.all([startApp(env), startApp(env)])));
    const [a, b] = instances;
    const scene = await createScene();
    const writers = await connectWriters(instances, scene.document.id, scene.editorTokens);
    clients.push(...writers.map((w) => w.client));
    const listener = listenForAnnotations(b, scene.document.id, scene.ownerToken);
    clients.push(listener.client);

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

    const wanted = writers.flatMap((w) => w.sent.map((s) => s.token));
    const { text, tookMs } = await agreement(instances, scene.document.id, scene.ownerToken, wanted, 5000);
    const result = checkNoLossNoDuplicates(text, writers);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.seeded).toBe(1);
    expect(writers.flatMap((w) => w.authFailures)).toEqual([]);
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
      `postgres outage: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; saving again ${resumedMs} ms after the return; fresh clients agreed in ${tookMs} ms; log lines per instance: ${instances.map((i) => i.linesBetween(cutAt - 500, restoredAt + 5000).length).join(", ")}`,
    );
  }, 120_000);
});
