import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../factories";
import { connect, synced, until, useCollabServer, type Client } from "../integration/collab/harness";

const scope = useCollabServer({ membershipCheckMs: 200 });
const open = async (documentId: string, userId: string) => {
  const client = connect(scope.server.url, documentId, { token: await tokenFor(userId) });
  scope.clients.push(client);
  await synced(client);
  return client;
};
/** What `observer` has of `subject`'s presence, once it has arrived with a user. */
async function stateOf(observer: Client, subject: Client, what = "presence") {
  await until(() => !!observer.provider.awareness!.getStates().get(subject.doc.clientID)?.user, what);
  return observer.provider.awareness!.getStates().get(subject.doc.clientID)!;
}

async function anonymousSeminar() {
  const { group, owner } = await createGroup();
  await db().group.update({ where: { id: group.id }, data: { anonymousToPeers: true } });
  const [editor, member, moderator] = [await createMember(group.id, "editor"), await createMember(group.id, "member"), await createMember(group.id, "moderator")];
  const document = await createDocumentIn(group.id, owner.id);
  return { group, document, editor, member, moderator };
}

describe("presence in a group anonymous to peers", () => {
  it("peers see 'A classmate' under a per-connection id; moderators see the name; the real identity never reaches a peer", async () => {
    const { document, editor, member, moderator } = await anonymousSeminar();
    const e = await open(document.id, editor.id);
    const m = await open(document.id, member.id);
    const mod = await open(document.id, moderator.id);
    e.provider.setAwarenessField("user", { id: editor.id, name: editor.name, color: "#aa3355" });
    e.provider.setAwarenessField("cursor", { anchor: 1, head: 4 });
    // A client that tries to slip its own identity to moderators is ignored.
    m.provider.setAwarenessField("marginaliaIdentity", { id: editor.id, name: "Forged Name" });
    m.provider.setAwarenessField("user", { id: member.id, name: member.name, color: "#3355aa" });

    const editorAsSeenByPeer = await stateOf(m, e);
    expect(editorAsSeenByPeer.user).toMatchObject({ name: "A classmate", color: "#aa3355" });
    expect(editorAsSeenByPeer.user.id).not.toBe(editor.id);
    expect(editorAsSeenByPeer.cursor).toEqual({ anchor: 1, head: 4 });
    const everythingThePeerHas = JSON.stringify([...m.provider.awareness!.getStates().entries()].filter(([id]) => id !== m.doc.clientID));
    for (const secret of [editor.id, editor.name, moderator.id, moderator.name, "marginaliaIdentity"]) expect(everythingThePeerHas).not.toContain(secret);

    const memberAsSeenByEditor = await stateOf(e, m);
    expect(memberAsSeenByEditor.user).toMatchObject({ name: "A classmate" });
    expect(JSON.stringify(memberAsSeenByEditor)).not.toContain(member.id);
    expect(JSON.stringify(memberAsSeenByEditor)).not.toContain("Forged Name");

    const editorAsSeenByModerator = await stateOf(mod, e);
    expect(editorAsSeenByModerator.user).toMatchObject({ id: editor.id, name: editor.name });
    const memberAsSeenByModerator = await stateOf(mod, m);
    expect(memberAsSeenByModerator.user).toMatchObject({ id: member.id, name: member.name });
    expect(JSON.stringify(memberAsSeenByModerator)).not.toContain("Forged Name");
  });

  it("ids are per connection: a second tab of the same person is a different classmate", async () => {
    const { document, member, editor } = await anonymousSeminar();
    const observer = await open(document.id, editor.id);
    const tab1 = await open(document.id, member.id);
    const tab2 = await open(document.id, member.id);
    for (const tab of [tab1, tab2]) tab.provider.setAwarenessField("user", { id: member.id, name: member.name });
    const [a, b] = [await stateOf(observer, tab1), await stateOf(observer, tab2)];
    expect(a.user.name).toBe("A classmate");
    expect(b.user.name).toBe("A classmate");
    expect(a.user.id).not.toBe(b.user.id);
  });

  it("a moderator demoted while connected stops seeing names", async () => {
    const { group, document, member, moderator } = await anonymousSeminar();
    const mod = await open(document.id, moderator.id);
    const m = await open(document.id, member.id);
    m.provider.setAwarenessField("user", { id: member.id, name: member.name });
    expect((await stateOf(mod, m)).user.name).toBe(member.name);
    await db().membership.update({ where: { groupId_userId: { groupId: group.id, userId: moderator.id } }, data: { role: "member" } });
    await new Promise((r) => setTimeout(r, 600));
    m.provider.setAwarenessField("user", { id: member.id, name: member.name, color: "#123456" });
    await until(() => mod.provider.awareness!.getStates().get(m.doc.clientID)?.user?.color === "#123456", "the next presence update");
    expect(mod.provider.awareness!.getStates().get(m.doc.clientID)!.user.name).toBe("A classmate");
  });

  it("in an ordinary group everyone still sees real names", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id);
    const member = await createMember(group.id, "member");
    const o = await open(document.id, owner.id);
    const m = await open(document.id, member.id);
    m.provider.setAwarenessField("user", { id: member.id, name: member.name });
    expect((await stateOf(o, m)).user).toMatchObject({ id: member.id, name: member.name });
  });
});
