import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[tokenId]/route";
import * as events from "@/app/api/v1/groups/[groupId]/moderation/events/route";
import * as container from "@/app/api/annotations/[documentId]/route";
import { FACTORY_PASSWORD } from "../factories";
import { connect, synced, until, useCollabServer, type Client } from "../integration/collab/harness";
import { call } from "../integration/http";
import { seminar } from "../integration/moderation/fixtures";
import { annotationOn, w3c } from "../integration/w3c/helpers";
import { signInAsBrowser, signOutAsBrowser } from "./browser";

// Finding 7: a /collab connection and a moderation event stream opened with a token went on
// receiving notes after the token was deleted.
const scope = useCollabServer();
const open = (...args: Parameters<typeof connect>): Client => {
  const client = connect(...args);
  scope.clients.push(client);
  return client;
};

/** The moderation queue's event stream as a browser's EventSource reads it: the text it has received, and whether it ended. */
async function watchQueue(groupId: string, auth: { token?: string; cookie?: string }) {
  const headers = new Headers();
  if (auth.token) headers.set("authorization", `Bearer ${auth.token}`);
  if (auth.cookie) headers.set("cookie", auth.cookie);
  const controller = new AbortController();
  const response = await events.GET(new NextRequest(`http://marginalia.test/api/v1/groups/${groupId}/moderation/events`, { headers, signal: controller.signal }), { params: Promise.resolve({ groupId }) });
  expect(response.status).toBe(200);
  const state = { text: "", ended: false, abort: () => controller.abort() };
  void (async () => {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      state.text += new TextDecoder().decode(value);
    }
    state.ended = true;
  })();
  return state;
}

const postNote = (s: Awaited<ReturnType<typeof seminar>>, exact: string) =>
  w3c(container.POST, { method: "POST", token: s.tokens.member, params: { documentId: s.doc.id }, json: annotationOn(s.doc.id, exact) });

describe("revoking a credential ends the live access it opened", () => {
  it("deleting an API token closes its /collab connection and its moderation stream within seconds", async () => {
    const s = await seminar("pre");
    const issued = await call(tokens.POST, { method: "POST", json: { email: s.users.moderator.email, password: FACTORY_PASSWORD, label: "live" }, headers: { "x-forwarded-for": "10.67.0.1" } });
    expect(issued.status).toBe(201);
    const live = open(scope.server.url, s.doc.id, { token: issued.data.token });
    const queue = await watchQueue(s.group.id, { token: issued.data.token });
    await synced(live);
    await until(() => queue.text.includes("event: ready"), "stream ready");
    expect((await postNote(s, "sudden change")).status).toBe(201);
    await until(() => queue.text.includes("event: queue"), "the stream hears of the new pending note");

    const revoked = await call(token.DELETE, { method: "DELETE", token: issued.data.token, params: { tokenId: issued.data.id } });
    expect(revoked.status).toBe(204);
    await until(() => live.closes.some((c) => c.code === 4401), "connection closed", 3000);
    await until(() => queue.ended, "stream ended", 3000);

    const heard = queue.text;
    expect((await postNote(s, "great and")).status).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    expect(queue.text).toBe(heard);
  });

  it("signing out closes the moderation stream the session opened", async () => {
    const s = await seminar("pre");
    const cookie = await signInAsBrowser(s.users.moderator.email, FACTORY_PASSWORD);
    const queue = await watchQueue(s.group.id, { cookie });
    await until(() => queue.text.includes("event: ready"), "stream ready");
    await signOutAsBrowser(cookie);
    await until(() => queue.ended, "stream ended", 3000);
  });
});
