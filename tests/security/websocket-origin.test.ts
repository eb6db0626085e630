import { describe, expect, it } from "vitest";
import { createDocumentIn, createGroup, sessionCookieFor, tokenFor } from "../factories";
import { connect, synced, textOf, until, useCollabServer, type Client } from "../integration/collab/harness";

// Finding 9: a page on another site could open /collab with the victim's cookie (browsers send it
// on WebSocket upgrades whatever the page's origin) and read and edit their documents.
const scope = useCollabServer();
const open = (...args: Parameters<typeof connect>): Client => {
  const client = connect(...args);
  scope.clients.push(client);
  return client;
};
const ownOrigin = () => `http://${new URL(scope.server.url).host}`;

describe("collaboration upgrades and the page's Origin", () => {
  it("refuses a cookie-authenticated connection from another origin, before anything syncs", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Private seminar notes.");
    const cookie = await sessionCookieFor(owner.id);
    const cases = ["http://evil.example", `http://evil.${new URL(scope.server.url).hostname}.nip.io`, "null"].map((origin) => open(scope.server.url, document.id, { cookie, origin }));
    await until(() => cases.every((c) => c.authFailure), "all refused");
    expect(cases.map((c) => c.authFailure)).toEqual(["cross-origin", "cross-origin", "cross-origin"]);
    expect(cases.every((c) => textOf(c.doc) === "" && !c.provider.isSynced)).toBe(true);
  });

  it("accepts the cookie from the app's own pages, and a token from anywhere", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Shared text.");
    const page = open(scope.server.url, document.id, { cookie: await sessionCookieFor(owner.id), origin: ownOrigin() });
    const tool = open(scope.server.url, document.id, { token: await tokenFor(owner.id), origin: "http://tool.example" });
    await Promise.all([synced(page), synced(tool)]);
    expect(textOf(page.doc)).toBe("Shared text.");
    expect(textOf(tool.doc)).toBe("Shared text.");
  });
});
