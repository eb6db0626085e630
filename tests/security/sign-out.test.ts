import { describe, expect, it } from "vitest";
import * as me from "@/app/api/v1/me/route";
import { revokeSessions } from "@/lib/commands/sessions";
import { createDocumentIn, createGroup, createUser, FACTORY_PASSWORD, tokenFor } from "../factories";
import { connect, synced, until, useCollabServer, type Client } from "../integration/collab/harness";
import { call } from "../integration/http";
import { signInAsBrowser, signOutAsBrowser } from "./browser";

// Finding 12: after sign-out the old session cookie still answered GET /api/v1/me for 30 days.
const scope = useCollabServer();
const open = (...args: Parameters<typeof connect>): Client => {
  const client = connect(...args);
  scope.clients.push(client);
  return client;
};
const whoAmI = (cookie: string) => call(me.GET, { path: "/api/v1/me", headers: { cookie } });

describe("signing out ends the session", () => {
  it("the cookie from before sign-out no longer answers the API, nor opens /collab", async () => {
    const user = await createUser();
    const cookie = await signInAsBrowser(user.email, FACTORY_PASSWORD);
    expect((await whoAmI(cookie)).data.id).toBe(user.id);

    const signedOut = await signOutAsBrowser(cookie);
    expect(signedOut.status).toBe(302);
    const after = await whoAmI(cookie);
    expect(after.status).toBe(401);

    const { group } = await createGroup({ owner: user });
    const document = await createDocumentIn(group.id, user.id);
    const client = open(scope.server.url, document.id, { cookie });
    await until(() => client.authFailure !== undefined, "refused");
    expect(client.authFailure).toBe("unauthorized");
  });

  it("closes the connections the session had open", async () => {
    const user = await createUser();
    const cookie = await signInAsBrowser(user.email, FACTORY_PASSWORD);
    const { group } = await createGroup({ owner: user });
    const document = await createDocumentIn(group.id, user.id);
    const client = open(scope.server.url, document.id, { cookie });
    await synced(client);
    await signOutAsBrowser(cookie);
    await until(() => client.closes.some((c) => c.code === 4401), "connection closed as signed out", 3000);
  });

  it("revokeSessions signs a user out everywhere but leaves their API tokens and other users alone", async () => {
    const user = await createUser();
    const other = await createUser();
    const [laptop, phone, others] = [await signInAsBrowser(user.email, FACTORY_PASSWORD), await signInAsBrowser(user.email, FACTORY_PASSWORD), await signInAsBrowser(other.email, FACTORY_PASSWORD)];
    const token = await tokenFor(user.id);
    expect(await revokeSessions(user.id)).toBe(2);
    expect((await whoAmI(laptop)).status).toBe(401);
    expect((await whoAmI(phone)).status).toBe(401);
    expect((await whoAmI(others)).status).toBe(200);
    expect((await call(me.GET, { path: "/api/v1/me", token })).status).toBe(200);
  });

  it("can keep the session asking for it ('sign out other devices')", async () => {
    const user = await createUser();
    const [here, there] = [await signInAsBrowser(user.email, FACTORY_PASSWORD), await signInAsBrowser(user.email, FACTORY_PASSWORD)];
    const { sessionFromCookieHeader } = await import("@/lib/auth/session-token");
    const current = await sessionFromCookieHeader(here);
    expect(await revokeSessions(user.id, { except: current!.sessionId })).toBe(1);
    expect((await whoAmI(here)).status).toBe(200);
    expect((await whoAmI(there)).status).toBe(401);
  });
});
