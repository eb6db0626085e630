import { describe, expect, it, vi } from "vitest";

// The settings form's server action, outside Next: this file supplies the request's headers and
// the session cookie in them.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => request.headers }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));

import * as me from "@/app/api/v1/me/route";
import { changePasswordAction } from "@/lib/actions/account";
import { createDocumentIn, createGroup, FACTORY_PASSWORD, tokenFor } from "../factories";
import { connect, synced, until, useCollabServer, type Client } from "../integration/collab/harness";
import { call } from "../integration/http";
import { signInAsBrowser } from "./browser";

// Findings 7 and 12, for a password change: it said the other sessions were signed out, yet their
// cookies kept working, and the API tokens it revoked kept their live connections.
const scope = useCollabServer();
const open = (...args: Parameters<typeof connect>): Client => {
  const client = connect(...args);
  scope.clients.push(client);
  return client;
};

describe("changing the password", () => {
  it("ends the other sessions, keeps this one, and closes what the revoked tokens had open", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id);
    const [here, elsewhere] = [await signInAsBrowser(owner.email, FACTORY_PASSWORD), await signInAsBrowser(owner.email, FACTORY_PASSWORD)];
    const script = open(scope.server.url, document.id, { token: await tokenFor(owner.id) });
    await synced(script);

    request.headers = new Headers({ host: "marginalia.test", cookie: here });
    const form = new FormData();
    form.set("currentPassword", FACTORY_PASSWORD);
    form.set("newPassword", "a brand new passphrase");
    const state = await changePasswordAction({}, form);
    expect(state.error).toBeUndefined();

    expect((await call(me.GET, { headers: { cookie: elsewhere } })).status).toBe(401);
    expect((await call(me.GET, { headers: { cookie: here } })).status).toBe(200);
    await until(() => script.closes.some((c) => c.code === 4401), "the token's connection closed", 3000);
  });
});
