import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { textOf, until } from "../integration/collab/harness";
import { agreement, annotationIdOf, expectNothingLost, listenForAnnotations, postAnnotation, savingAgain, startTyping, useTwoInstances } from "./scene";

const OUTAGE_MS = 15_000;
const stage = useTwoInstances();

describe("Redis away for 15 s, typing on both instances stops before it returns", () => {
  it("keeps instances together through storage, delivers every annotation event, and loses nothing", async () => {
    const { redis: proxy, scene, writers } = await stage.start({ behindProxies: true });
    const redis = proxy!;
    const { instances } = stage;
    const [a, b] = instances;
    const listener = listenForAnnotations(b, scene.document.id, scene.ownerToken);
    stage.clients.push(listener.client);

    const stop = startTyping(writers);
    await new Promise((r) => setTimeout(r, 2000));
    const cutAt = Date.now();
    await redis.cut();
    // Annotations made on A while Redis is away must reach B's readers. They are posted beside the
    // typing, so a slow machine delays neither the end of the typing nor the checks below.
    const ids: string[] = [];
    const posting = (async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const response = await postAnnotation(a, scene.document.id, scene.ownerToken, "Seeded once");
        expect(response.status).toBe(201);
        ids.push(await annotationIdOf(response));
      }
    })();
    await new Promise((r) => setTimeout(r, Math.max(0, 8_000 - (Date.now() - cutAt))));
    stop();
    await posting;
    const health = await fetch(`${a.baseUrl}/api/health`);
    // Typing stopped; Redis is still away (the outage lasts 15 s, longer when the machine is slow so
    // that this check gets at least 5 s). Instances agree through storage before it returns.
    const wanted = writers.flatMap((w) => w.sent.map((s) => s.token));
    const whileAway = await agreement(instances, scene.document.id, scene.ownerToken, wanted, Math.max(5_000, OUTAGE_MS - (Date.now() - cutAt) - 500));
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    await redis.restore();
    const restoredAt = Date.now();

    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "degraded", db: "ok", redis: "unreachable" });
    const result = await expectNothingLost(instances, scene, writers);
    expect(listener.client.authFailure).toBeUndefined();
    await expect.poll(() => ids.every((id) => listener.events.some((e) => e.id === id)), { timeout: 5000 }).toBe(true);
    // Live editing through Redis works again: an edit on A reaches B's writer as it is typed.
    await expect.poll(async () => ((await (await fetch(`${a.baseUrl}/api/health`)).json()) as { redis: string }).redis, { timeout: 5000 }).toBe("ok");
    const paragraph = writers[0].client.doc.getXmlFragment("default").get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "[live-again]");
    await until(() => textOf(writers[1].client.doc).includes("[live-again]"), "an edit on A reaching B's writer live", 3000);
    // And it is saved: writers are saving within 5 s of Redis's return.
    const resumedMs = await savingAgain(writers, 5000);

    for (const instance of instances) {
      const lines = instance.linesBetween(cutAt - 500, restoredAt + 3000);
      expect(lines.length, lines.join("\n")).toBeLessThan(50);
      expect(lines.join("\n")).not.toMatch(/uncaught|unhandled/i);
      // Nor, over the whole run, the floods of normal running: a store lock per save, pg's concurrent-query deprecation.
      expect(instance.lines.map((l) => l.text).join("\n")).not.toMatch(/Another instance is already storing|already executing a query|\[ioredis\]/);
    }
    console.log(
      `redis outage: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; fresh clients agreed ${whileAway.tookMs} ms after typing stopped (Redis still away) and ${result.tookMs} ms after its return; saving ${resumedMs} ms after it; ${ids.length}/${ids.length} annotation events delivered; log lines per instance: ${instances.map((i) => i.linesBetween(cutAt - 500, restoredAt + 3000).length).join(", ")}`,
    );
  }, 120_000);
});
