import { describe, expect, it } from "vitest";
import * as follow from "@/app/api/v1/documents/[documentId]/follow/route";
import * as notifications from "@/app/api/v1/notifications/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { call } from "../http";

const note = (documentId: string, exact: string, body: string, extra: object = {}) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: body },
  target: { source: `http://localhost/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
  ...extra,
});
const reply = (parentId: string, body: string) => ({ type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: body }, target: `x/${parentId}` });
const inbox = async (userId: string) =>
  (await db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((n) => ({ kind: n.kind, annotationId: n.annotationId }));

async function seminar(moderation: "post" | "pre" = "post") {
  const { group, owner } = await createGroup({ moderation });
  const named = async (name: string, role: "member" | "viewer" | "moderator") => {
    const user = await createMember(group.id, role);
    return db().user.update({ where: { id: user.id }, data: { name: `${name} ${user.id.slice(-4)}` } });
  };
  const ada = await named("Ada", "member");
  const basil = await named("Basil", "member");
  const cleo = await named("Cleo", "viewer");
  const doc = await createDocumentIn(group.id, owner.id, "Alpha beta gamma delta epsilon zeta.");
  return { group, owner, ada, basil, cleo, doc };
}

describe("discussion notifications", () => {
  it("notifies mentioned members and the authors replied to, once each, never the author", async () => {
    const { ada, basil, cleo, doc } = await seminar();
    const first = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "beta", `What do you think, @[${basil.name}] and @[${cleo.name}]? Also @[${ada.name}].`) });
    expect(await inbox(basil.id)).toEqual([{ kind: "mention", annotationId: first.annotation.id }]);
    expect(await inbox(cleo.id)).toEqual([{ kind: "mention", annotationId: first.annotation.id }]);
    expect(await inbox(ada.id)).toEqual([]);

    const answer = await createAnnotation({ actorId: basil.id, documentId: doc.id, input: reply(first.annotation.id, `Agreed, @[${ada.name}].`) });
    // Mentioned and replied to: one entry, the stronger kind.
    expect(await inbox(ada.id)).toEqual([{ kind: "mention", annotationId: answer.annotation.id }]);
    const third = await createAnnotation({ actorId: cleo.id, documentId: doc.id, input: reply(answer.annotation.id, "Me too") }).catch((e) => e);
    expect(third.status).toBe(403); // viewers cannot post
  });

  it("sends nothing about items the recipient may not see: private notes, pending posts, strangers", async () => {
    const { group, ada, basil, doc } = await seminar("pre");
    const outsider = await createUser();
    await db().user.update({ where: { id: outsider.id }, data: { name: "Olga Outside" } });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "gamma", `@[${basil.name}] see this`, { visibility: "private" }) });
    const pending = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "delta", `@[${basil.name}] and @[Olga Outside]`) });
    expect(pending.annotation.status).toBe("pending");
    expect(await inbox(basil.id)).toEqual([]);
    expect(await inbox(outsider.id)).toEqual([]);
    // Moderators hear of the pending post through their own notification.
    const moderator = await createMember(group.id, "moderator");
    const again = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "epsilon", "another") });
    expect(await inbox(moderator.id)).toEqual([{ kind: "pending", annotationId: again.annotation.id }]);
  });

  it("tells followers of a document about new threads, not replies, through the follow API", async () => {
    const { ada, basil, doc } = await seminar();
    const token = await tokenFor(basil.id);
    expect((await call(follow.GET, { token, params: { documentId: doc.id } })).data).toEqual({ following: false });
    expect((await call(follow.PUT, { method: "PUT", token, params: { documentId: doc.id } })).data).toEqual({ following: true });
    expect((await call(follow.PUT, { method: "PUT", token, params: { documentId: doc.id } })).status).toBe(200);
    const thread = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "zeta", "New thought") });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: reply(thread.annotation.id, "follow-up") });
    expect(await inbox(basil.id)).toEqual([{ kind: "activity", annotationId: thread.annotation.id }]);
    await call(follow.DELETE, { method: "DELETE", token, params: { documentId: doc.id } });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "Alpha", "Another") });
    expect((await inbox(basil.id)).length).toBe(1);
    const stranger = await tokenFor((await createUser()).id);
    expect((await call(follow.PUT, { method: "PUT", token: stranger, params: { documentId: doc.id } })).status).toBe(404);
  });
});

describe("notifications under hide-and-reveal", () => {
  it("reach only those who have posted a note to the group, and leave the inbox when they no longer have", async () => {
    const { ada, basil, doc } = await seminar();
    await db().document.update({ where: { id: doc.id }, data: { hideUntilPosted: true } });
    const listed = async () => (await call(notifications.GET, { token: await tokenFor(basil.id), path: "/api/v1/notifications" })).data.items.length as number;
    // A bare highlight and a private note are not posts: a mention reaches nobody who could not open it.
    await createAnnotation({ actorId: basil.id, documentId: doc.id, input: { type: "Annotation", motivation: "highlighting", target: note(doc.id, "alpha", "").target } });
    await createAnnotation({ actorId: basil.id, documentId: doc.id, input: note(doc.id, "gamma", "Mine alone", { visibility: "private" }) });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "beta", `Over to you, @[${basil.name}].`) });
    expect(await inbox(basil.id)).toEqual([]);

    const own = await createAnnotation({ actorId: basil.id, documentId: doc.id, input: note(doc.id, "delta", "My reading") });
    const second = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "epsilon", `And this, @[${basil.name}]?`) });
    expect(await inbox(basil.id)).toEqual([{ kind: "mention", annotationId: second.annotation.id }]);
    expect(await listed()).toBe(1);
    // Withdrawing the only post hides the others again, in the inbox too.
    await db().annotation.update({ where: { id: own.annotation.id }, data: { deletedAt: new Date() } });
    expect(await listed()).toBe(0);
  });
});

describe("mention completion", () => {
  it("offers the document's readers by name, not oneself, and nobody to peers in an anonymous group", async () => {
    const { group, ada, basil, doc } = await seminar();
    const { GET } = await import("@/app/api/v1/documents/[documentId]/mentionable/route");
    const ask = async (userId: string, q: string) => (await call(GET, { token: await tokenFor(userId), params: { documentId: doc.id }, path: `/x?q=${encodeURIComponent(q)}` })).data;
    expect((await ask(ada.id, "basil")).items).toEqual([{ id: basil.id, name: basil.name }]);
    expect((await ask(ada.id, "ada")).items).toEqual([]);
    await db().group.update({ where: { id: group.id }, data: { anonymousToPeers: true } });
    expect((await ask(ada.id, "basil")).items).toEqual([]);
    const stranger = await createUser();
    expect((await call(GET, { token: await tokenFor(stranger.id), params: { documentId: doc.id } })).status).toBe(404);
  });
});
