import { describe, expect, it } from "vitest";
import * as engagement from "@/app/api/v1/groups/[groupId]/engagement/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { db } from "@/lib/db";
import { DENSITY_BUCKETS, csvCell } from "@/lib/queries/engagement";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { call } from "../http";

const note = (documentId: string, exact: string) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: "note" },
  target: { source: `x/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
});

describe("engagement", () => {
  it("counts threads, replies and reactions received per member, and where discussion gathers; moderators only", async () => {
    const { group, owner } = await createGroup();
    const ada = await createMember(group.id, "member");
    const basil = await createMember(group.id, "member");
    await db().user.update({ where: { id: basil.id }, data: { name: "=HYPERLINK(\"x\")" } });
    const moderator = await createMember(group.id, "moderator");
    const text = "Opening words. " + "filler ".repeat(200) + "Closing words.";
    const doc = await createDocumentIn(group.id, owner.id, text);
    const first = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "Opening") });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "Closing") });
    await createAnnotation({ actorId: basil.id, documentId: doc.id, input: { type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "yes" }, target: `x/${first.annotation.id}` } });
    await db().reaction.create({ data: { annotationId: first.annotation.id, userId: basil.id, kind: "helpful" } });
    await db().reaction.create({ data: { annotationId: first.annotation.id, userId: ada.id, kind: "helpful" } }); // own reaction: not counted
    const spam = await createAnnotation({ actorId: basil.id, documentId: doc.id, input: note(doc.id, "words. filler") });
    await db().annotation.update({ where: { id: spam.annotation.id }, data: { status: "spam" } });
    // What the moderators may not read is not counted either: a private note, a reply in a deleted thread.
    await createAnnotation({ actorId: basil.id, documentId: doc.id, input: { ...note(doc.id, "Closing"), visibility: "private" } });
    const gone = await createAnnotation({ actorId: ada.id, documentId: doc.id, input: note(doc.id, "filler Closing") });
    await createAnnotation({ actorId: basil.id, documentId: doc.id, input: { type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "so?" }, target: `x/${gone.annotation.id}` } });
    await db().annotation.update({ where: { id: gone.annotation.id }, data: { deletedAt: new Date() } });

    const token = await tokenFor(moderator.id);
    const { status, data } = await call(engagement.GET, { token, params: { groupId: group.id } });
    expect(status).toBe(200);
    const row = (id: string) => data.members.find((m: { userId: string }) => m.userId === id);
    expect(row(ada.id)).toMatchObject({ annotations: 2, replies: 0, reactionsReceived: 1 });
    expect(row(basil.id)).toMatchObject({ annotations: 0, replies: 1, reactionsReceived: 0 });
    const strip = data.documents.find((d: { documentId: string }) => d.documentId === doc.id);
    expect(strip.buckets.length).toBe(DENSITY_BUCKETS);
    expect([strip.buckets[0], strip.buckets[DENSITY_BUCKETS - 1], strip.total]).toEqual([2, 1, 3]);

    const csv = await call(engagement.GET, { token, params: { groupId: group.id }, path: `/api/v1/groups/${group.id}/engagement?format=csv` });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain(csvCell("=HYPERLINK(\"x\")"));
    expect(csv.text).not.toContain(`"=HYPERLINK`);

    expect((await call(engagement.GET, { token: await tokenFor(ada.id), params: { groupId: group.id } })).status).toBe(403);
    expect((await call(engagement.GET, { token: await tokenFor((await createUser()).id), params: { groupId: group.id } })).status).toBe(404);
  });
});
