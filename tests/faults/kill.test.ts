import { afterAll, describe, expect, inject, it } from "vitest";
import type { Client } from "../integration/collab/harness";
import { startApp, type AppInstance } from "./app";
import { agreement, checkNoLossNoDuplicates, connectWriters, createScene, savingAgain, startTyping } from "./scene";

const instances: AppInstance[] = [];
const clients: Client[] = [];
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await Promise.all(instances.map((i) => i.stop()));
});

describe("kill -9 of one of two instances under typing", () => {
  it("loses and duplicates nothing acknowledged; its writers save again within 5 s of its restart, and both instances agree", async () => {
    const env = { DATABASE_URL: inject("databaseUrl"), REDIS_URL: process.env.REDIS_URL!, AUTH_SECRET: "fault-tests-secret-not-for-production", APP_URL: "http://127.0.0.1" };
    instances.push(...(await Promise.all([startApp(env), startApp(env)])));
    const scene = await createScene();
    const writers = await connectWriters(instances, scene.document.id, scene.editorTokens);
    clients.push(...writers.map((w) => w.client));

    const stop = startTyping(writers);
    await new Promise((r) => setTimeout(r, 3000));
    const victim = instances[1];
    await victim.stop("SIGKILL");
    await new Promise((r) => setTimeout(r, 2000));
    // It comes back on the same port (as a supervisor would restart it); its writer reconnects there.
    const restarted = await startApp(env, victim.port);
    instances[1] = restarted;
    const resumedMs = await savingAgain(writers, 5000);
    stop();

    const wanted = writers.flatMap((w) => w.sent.map((s) => s.token));
    const { text, tookMs } = await agreement(instances, scene.document.id, scene.ownerToken, wanted, 5000);
    const result = checkNoLossNoDuplicates(text, writers);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.seeded).toBe(1);
    expect(writers.flatMap((w) => w.authFailures)).toEqual([]);
    console.log(`kill -9: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; saving again ${resumedMs} ms after the restart; fresh clients agreed in ${tookMs} ms`);
  }, 120_000);
});
