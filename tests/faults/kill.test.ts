import { describe, expect, it } from "vitest";
import { startApp } from "./app";
import { annotationIdOf, expectNothingLost, listenForAnnotations, postAnnotation, savingAgain, startTyping, useTwoInstances } from "./scene";

const stage = useTwoInstances();

describe("kill -9 of one of two instances under typing", () => {
  it("loses and duplicates nothing acknowledged; its writers save again within 5 s of its restart, both instances agree, and annotation events flow both ways", async () => {
    const { env, scene, writers } = await stage.start();
    const { instances } = stage;
    const survivor = instances[0];
    const listener = listenForAnnotations(survivor, scene.document.id, scene.ownerToken);
    stage.clients.push(listener.client);

    const stop = startTyping(writers);
    await new Promise((r) => setTimeout(r, 3000));
    const victim = instances[1];
    const killedAt = Date.now();
    await victim.stop("SIGKILL");
    // The survivor goes on serving: an API write while the other instance is dead succeeds.
    const during = await postAnnotation(survivor, scene.document.id, scene.ownerToken, "Seeded once");
    expect(during.status).toBe(201);
    const ids = [await annotationIdOf(during)];
    await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (Date.now() - killedAt))));
    // It comes back on the same port (as a supervisor would restart it); its writer reconnects there.
    const restarted = await startApp(env, victim.port);
    instances[1] = restarted;
    const restartedAt = Date.now();
    const resumedMs = await savingAgain(writers, 5000);
    stop();
    // An annotation made on the restarted instance reaches the survivor's readers.
    const after = await postAnnotation(restarted, scene.document.id, scene.ownerToken, "Seeded once");
    expect(after.status).toBe(201);
    ids.push(await annotationIdOf(after));

    const result = await expectNothingLost(instances, scene, writers);
    expect(listener.client.authFailure).toBeUndefined();
    await expect.poll(() => ids.every((id) => listener.events.some((e) => e.id === id)), { timeout: 5000 }).toBe(true);

    // The survivor from the kill until 5 s after the restart, the restarted instance from its start: under 50 lines each.
    const logs = [survivor.linesBetween(killedAt - 500, restartedAt + 5000), restarted.linesBetween(0, restartedAt + 5000)];
    for (const lines of logs) {
      expect(lines.length, lines.join("\n")).toBeLessThan(50);
      expect(lines.join("\n")).not.toMatch(/uncaught|unhandled/i);
    }
    expect(survivor.child.exitCode).toBeNull();
    console.log(
      `kill -9: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; saving again ${resumedMs} ms after the restart; fresh clients agreed in ${result.tookMs} ms; ${ids.length}/${ids.length} annotation events delivered; log lines (survivor, restarted): ${logs.map((l) => l.length).join(", ")}`,
    );
  }, 120_000);
});
