import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, createUser, sessionCookieFor, tokenFor } from "../../factories";
import { connect, isSaved, startCollab, synced, textOf, typeInto, until, type Client } from "./harness";

let server: Awaited<ReturnType<typeof startCollab>>;
const clients: Client[] = [];
const open = (...args: Parameters<typeof connect>) => {
  const c = connect(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startCollab({ membershipCheckMs: 200 });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.stop();
});

const sessionCookie = (userId: string, expiresInSeconds = 3600) => sessionCookieFor(userId, { expiresInSeconds });

describe("collaboration server", () => {
  it("syncs the server-seeded text, relays edits, and acknowledges them only once stored", async () => {
    const { group, owner } = await createGroup();
    const editor = await createMember(group.id, "editor");
    const document = await createDocumentIn(group.id, owner.id, "Hello world.\n\nSecond.");
    const a = open(server.url, document.id, { token: await tokenFor(owner.id) });
    const b = open(server.url, document.id, { cookie: await sessionCookie(editor.id) });
    await Promise.all([synced(a), synced(b)]);
    expect(textOf(a.doc)).toBe("Hello world.\n\nSecond.");
    typeInto(a.doc, "Oh, ");
    await until(() => textOf(b.doc).startsWith("Oh, Hello"), "b sees a's edit");
    await until(() => isSaved(a), "saved ack");
    const logged = await db().documentUpdate.count({ where: { documentId: document.id } });
    expect(logged).toBeGreaterThan(0);
    await until(() => textOf(a.doc) === "Oh, Hello world.\n\nSecond.", "a text");
  });

  it("gives viewers and members the live text read-only: their updates are never applied", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Fixed text.");
    for (const role of ["viewer", "member"] as const) {
      const user = await createMember(group.id, role);
      const c = open(server.url, document.id, { token: await tokenFor(user.id) });
      await synced(c);
      expect(c.readOnly).toBe(true);
      typeInto(c.doc, "vandal ");
      await new Promise((r) => setTimeout(r, 300));
      const watcher = open(server.url, document.id, { token: await tokenFor(owner.id) });
      await synced(watcher);
      expect(textOf(watcher.doc)).toBe("Fixed text.");
      expect(await db().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
    }
  });

  it("refuses outsiders, bad tokens, expired sessions and unknown documents", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id);
    const outsider = await createUser();
    const cases = [
      open(server.url, document.id, { token: await tokenFor(outsider.id) }),
      open(server.url, document.id, { token: "mgn_forged" }),
      open(server.url, document.id, { cookie: await sessionCookie(owner.id, -60) }),
      open(server.url, "no-such-document", { token: await tokenFor(owner.id) }),
      open(server.url, document.id, {}),
    ];
    await until(() => cases.every((c) => c.authFailure), "all refused");
    expect(cases.map((c) => c.authFailure)).toEqual(["not-found", "unauthorized", "unauthorized", "not-found", "unauthorized"]);
    expect(cases.every((c) => textOf(c.doc) === "")).toBe(true);
  });

  it("applies a role change or removal to an open connection within a second", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Shared words.");
    const editor = await createMember(group.id, "editor");
    const c = open(server.url, document.id, { token: await tokenFor(editor.id) });
    await synced(c);
    await db().membership.update({ where: { groupId_userId: { groupId: group.id, userId: editor.id } }, data: { role: "viewer" } });
    await new Promise((r) => setTimeout(r, 1000));
    typeInto(c.doc, "late ");
    const watcher = open(server.url, document.id, { token: await tokenFor(owner.id) });
    await synced(watcher);
    await new Promise((r) => setTimeout(r, 200));
    expect(textOf(watcher.doc)).toBe("Shared words.");
    await db().membership.delete({ where: { groupId_userId: { groupId: group.id, userId: editor.id } } });
    await until(() => c.closes.some((e) => e.reason === "access revoked"), "closed after removal", 1500);
  });

  it("strips carets from read-only awareness and puts the server's name on everyone's", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id);
    const viewer = await createMember(group.id, "viewer");
    const v = open(server.url, document.id, { token: await tokenFor(viewer.id) });
    const o = open(server.url, document.id, { token: await tokenFor(owner.id) });
    await Promise.all([synced(v), synced(o)]);
    v.provider.setAwarenessField("user", { name: "Somebody Else" });
    v.provider.setAwarenessField("cursor", { anchor: 1, head: 3 });
    await until(() => [...o.provider.awareness!.getStates().values()].some((s) => s.user), "awareness arrives");
    const seen = [...o.provider.awareness!.getStates().entries()].find(([id]) => id === v.doc.clientID)?.[1];
    expect(seen?.user).toEqual({ name: viewer.name, id: viewer.id });
    expect(seen?.cursor).toBeUndefined();
  });

  it("unloads a document once its last connection leaves, compacting its update log", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Short text.");
    const c = connect(server.url, document.id, { token: await tokenFor(owner.id) });
    await synced(c);
    typeInto(c.doc, "More. ");
    await until(() => isSaved(c), "saved");
    expect(server.collab.hocuspocus.documents.has(document.id)).toBe(true);
    c.destroy();
    await until(() => !server.collab.hocuspocus.documents.has(document.id), "document unloaded");
    let remaining = -1;
    for (let i = 0; i < 50 && remaining !== 0; i++) {
      remaining = await db().documentUpdate.count({ where: { documentId: document.id } });
      if (remaining) await new Promise((r) => setTimeout(r, 100));
    }
    expect(remaining).toBe(0);
    const row = await db().document.findUniqueOrThrow({ where: { id: document.id } });
    expect(row.text).toBe("More. Short text.");
  });

  it("after a storage failure, closes the socket so the client reconnects and resends; nothing is lost", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Before the outage.");
    const c = open(server.url, document.id, { token: await tokenFor(owner.id) });
    await synced(c);
    const fn = `fail_${document.id.replace(/[^a-z0-9]/gi, "")}`;
    await db().$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN IF NEW."documentId" = '${document.id}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "DocumentUpdate" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      typeInto(c.doc, "During. ");
      await until(() => c.closes.some((e) => e.reason?.startsWith("storage unavailable")), "storage failure reported");
      expect(isSaved(c)).toBe(false);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER ${fn} ON "DocumentUpdate"`);
      await db().$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    await until(() => isSaved(c), "the client resent and the edit was stored", 15_000);
    const reader = open(server.url, document.id, { token: await tokenFor(owner.id) });
    await synced(reader);
    expect(textOf(reader.doc)).toBe("During. Before the outage.");
  });
});
