import { describe, expect, it } from "vitest";
import { createDocumentIn, createGroup, createMember, sessionCookieFor } from "../factories";
import { connect, startCollab, synced, until, type Client } from "../integration/collab/harness";
import { useCollabProcesses } from "./collab-processes";
import createApiToken from "@/lib/commands/create-api-token";
import revokeApiToken from "@/lib/commands/revoke-api-token";
import { revokeSessions } from "@/lib/commands/sessions";
import { CLOSE } from "@/lib/collab/messages";

const processes = useCollabProcesses();
const { clients } = processes;

describe("revocation across instances", () => {
  it("a revoked token and a signed-out session lose their connections on every instance", async () => {
    const [a, b] = await processes.startTwo();
    // The instance that handles the revocation (the app's own, in this process) has none of them open.
    const here = await startCollab({ redisUrl: process.env.REDIS_URL! });
    try {
      const { group, owner } = await createGroup();
      const member = await createMember(group.id, "member");
      const document = await createDocumentIn(group.id, owner.id, "Read on two instances.");
      const issued = await createApiToken({ userId: owner.id, label: "scale" });
      const cookie = await sessionCookieFor(member.id);
      const byToken = [connect(a.url, document.id, { token: issued.token }), connect(b.url, document.id, { token: issued.token })];
      const bySession = [connect(a.url, document.id, { cookie }), connect(b.url, document.id, { cookie })];
      clients.push(...byToken, ...bySession);
      await Promise.all([...byToken, ...bySession].map((c) => synced(c)));

      const signedOut = (c: Client) => c.closes.some((e) => e.code === CLOSE.signedOut.code);
      await revokeApiToken({ actorId: owner.id, tokenId: issued.id });
      await until(() => byToken.every(signedOut), "token connections closed on both instances", 5000);
      expect(bySession.some(signedOut)).toBe(false);
      await revokeSessions(member.id);
      await until(() => bySession.every(signedOut), "session connections closed on both instances", 5000);
      expect(here.errors).toEqual([]);
      // Closed providers reconnect (and are refused); let them settle so tearing them down never meets a socket mid-handshake.
      const all = [...byToken, ...bySession];
      await until(() => all.every((c) => c.provider.configuration.websocketProvider.status === "connected" && c.authFailure !== undefined), "refused on reconnect", 5000);
    } finally {
      await here.stop();
    }
  });
});
