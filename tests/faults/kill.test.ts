import { describe, it } from "vitest";
import { startApp } from "./app";
import { expectNothingLost, savingAgain, startTyping, useTwoInstances } from "./scene";

const stage = useTwoInstances();

describe("kill -9 of one of two instances under typing", () => {
  it("loses and duplicates nothing acknowledged; its writers save again within 5 s of its restart, and both instances agree", async () => {
    const { env, scene, writers } = await stage.start();
    const { instances } = stage;

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

    const result = await expectNothingLost(instances, scene, writers);
    console.log(`kill -9: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; saving again ${resumedMs} ms after the restart; fresh clients agreed in ${result.tookMs} ms`);
  }, 120_000);
});
