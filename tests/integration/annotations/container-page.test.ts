import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/policies/annotations";
import { annotationInclude, listVisibleAnnotations, pageOfVisibleAnnotations, PAGE_STRIDE, type AnnotationRow } from "@/lib/queries/annotations";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { createDocumentIn, createGroup, createMember } from "../../factories";

/**
 * The W3C container's page query (one raw statement with keyset pages and a per-viewer summary
 * cached by the document's annotation revision) must give exactly what the Prisma query gives.
 */

const id = () => `c${randomBytes(12).toString("hex")}`;
const revisionOf = async (documentId: string) => (await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { annotationsRevision: true } })).annotationsRevision;

/** Prisma's rows with reactions in a stable order (the presenter only counts them). */
const normalized = (rows: AnnotationRow[]) =>
  rows.map((row) => ({ ...row, reactions: [...row.reactions].sort((a, b) => `${a.userId}${a.kind}`.localeCompare(`${b.userId}${b.kind}`)), flags: [...row.flags].sort((a, b) => a.id.localeCompare(b.id)) }));

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { group, owner } = await createGroup();
  const members = [await createMember(group.id, "member"), await createMember(group.id, "member"), await createMember(group.id, "editor")];
  const moderator = await createMember(group.id, "moderator");
  const doc = await createDocumentIn(group.id, owner.id, "One two three four five six seven eight nine ten.");
  const other = await createDocumentIn(group.id, owner.id, "Another text entirely.");
  const authors = [owner, ...members, moderator];
  // 330 rows; createdAt repeats every three rows so the keyset must break ties by id.
  const t0 = Date.UTC(2026, 0, 1);
  const rows: Record<string, unknown>[] = [];
  const topLevel: { id: string; visibility: string }[] = [];
  for (let i = 0; i < 330; i++) {
    const author = authors[i % authors.length];
    const visibility = i % 11 === 0 ? "private" : "group";
    const status = i % 17 === 0 ? "pending" : i % 23 === 0 ? "hidden" : "approved";
    const base = { id: id(), documentId: doc.id, groupId: group.id, authorId: author.id, visibility, status, body: `note ${i}`, tags: i % 5 === 0 ? ["a", "b"] : [], createdAt: new Date(t0 + Math.floor(i / 3) * 1000), via: i % 29 === 0 ? ["https://example.test/a/1"] : [] };
    if (topLevel.length > 5 && i % 7 === 0) {
      const parent = topLevel[i % topLevel.length];
      rows.push({ ...base, motivation: "replying", parentId: parent.id, threadId: parent.id, visibility: parent.visibility === "private" ? "private" : visibility });
    } else {
      const row = { ...base, motivation: "commenting", anchorStart: new Uint8Array([1, 2, i % 256]), anchorEnd: new Uint8Array([3, 4]), quoteExact: "two", quotePrefix: "One ", quoteSuffix: " three", positionStart: 4, positionEnd: 7, orphaned: i % 31 === 0, locked: i % 37 === 0, deletedAt: i % 41 === 0 ? new Date() : null };
      rows.push(row);
      topLevel.push({ id: row.id, visibility });
    }
  }
  await db().annotation.createMany({ data: rows as never });
  const flagged = rows.filter((_, i) => i % 13 === 0);
  await db().flag.createMany({ data: flagged.flatMap((r, i) => [{ annotationId: r.id as string, userId: members[0].id, reason: "spam" as const, resolvedAt: i % 2 ? new Date() : null }, { annotationId: r.id as string, userId: members[1].id, reason: "other" as const }]) });
  await db().reaction.createMany({ data: rows.filter((_, i) => i % 4 === 0).flatMap((r) => [{ annotationId: r.id as string, userId: members[0].id, kind: "helpful" as const }, { annotationId: r.id as string, userId: members[2].id, kind: "question" as const }]) });
  await db().annotation.create({ data: { documentId: other.id, groupId: group.id, authorId: members[0].id, body: "elsewhere" } });
  return { group, doc, other, members, moderator, owner };
}

let s: Setup;
beforeAll(async () => {
  s = await setup();
});

const viewerOf = async (userId: string) => (await loadDocumentForViewer(s.doc.id, userId)).viewer;

describe("the container's page query", () => {
  it("gives the rows, total and order Prisma's query gives, on every page, for members and moderators", async () => {
    for (const userId of [s.members[0].id, s.members[2].id, s.moderator.id]) {
      const { viewer, document } = await loadDocumentForViewer(s.doc.id, userId);
      const expected = normalized(await listVisibleAnnotations(s.doc.id, viewer));
      expect(expected.length).toBeGreaterThan(PAGE_STRIDE * 2);
      const walked: AnnotationRow[] = [];
      for (let skip = 0; skip < expected.length; skip += PAGE_STRIDE) {
        const page = await pageOfVisibleAnnotations(s.doc.id, viewer, { skip, take: PAGE_STRIDE }, document.annotationsSetRevision);
        expect(page.total).toBe(expected.length);
        walked.push(...page.rows);
      }
      expect(normalized(walked)).toEqual(expected);
      expect(walked.some((r) => r.flags.length > 0 && r.reactions.length > 0 && r.thread === null)).toBe(true);
      expect(walked.some((r) => r.thread !== null)).toBe(true);
    }
  });

  it("pages that do not start on a stride, and past the end", async () => {
    const { viewer, document } = await loadDocumentForViewer(s.doc.id, s.members[1].id);
    const all = await listVisibleAnnotations(s.doc.id, viewer);
    for (const [skip, take] of [[0, 7], [37, 50], [PAGE_STRIDE - 1, 3], [PAGE_STRIDE + 13, PAGE_STRIDE * 2], [all.length - 2, 10]]) {
      const page = await pageOfVisibleAnnotations(s.doc.id, viewer, { skip, take }, document.annotationsSetRevision);
      expect(page.rows.map((r) => r.id)).toEqual(all.slice(skip, skip + take).map((r) => r.id));
    }
    expect((await pageOfVisibleAnnotations(s.doc.id, viewer, { skip: all.length, take: 10 }, document.annotationsSetRevision)).rows).toEqual([]);
    expect((await pageOfVisibleAnnotations(s.doc.id, viewer, { skip: 0, take: 0 }, document.annotationsSetRevision)).total).toBe(all.length);
  });

  it("the total and the newest change follow every committed change, read through the document's revision", async () => {
    const author = s.members[0];
    const read = async (userId: string) => {
      const { viewer, document } = await loadDocumentForViewer(s.doc.id, userId);
      return pageOfVisibleAnnotations(s.doc.id, viewer, { skip: 0, take: 1 }, document.annotationsSetRevision);
    };
    const before = await read(s.members[1].id);
    const created = await db().annotation.create({ data: { documentId: s.doc.id, groupId: s.group.id, authorId: author.id, body: "new" } });
    const afterCreate = await read(s.members[1].id);
    expect(afterCreate.total).toBe(before.total + 1);
    expect(afterCreate.modified!.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    await db().annotation.update({ where: { id: created.id }, data: { status: "hidden" } });
    expect((await read(s.members[1].id)).total).toBe(before.total);
    // The author and moderators still see it: the summary is per viewer, not per document.
    expect((await read(author.id)).total).toBe((await listVisibleAnnotations(s.doc.id, await viewerOf(author.id))).length);
    expect((await read(s.moderator.id)).total).toBe((await listVisibleAnnotations(s.doc.id, await viewerOf(s.moderator.id))).length);
    await db().annotation.delete({ where: { id: created.id } });
    expect((await read(author.id)).total).toBe((await listVisibleAnnotations(s.doc.id, await viewerOf(author.id))).length);
  });

  it("a summary cached for an older revision is never used for a newer one", async () => {
    const { viewer, document } = await loadDocumentForViewer(s.doc.id, s.members[1].id);
    const first = await pageOfVisibleAnnotations(s.doc.id, viewer, { skip: 0, take: 1 }, document.annotationsSetRevision);
    await db().annotation.create({ data: { documentId: s.doc.id, groupId: s.group.id, authorId: s.members[2].id, body: "another" } });
    // Same viewer, the old revision: the cached summary (a client that read the document before the change).
    expect((await pageOfVisibleAnnotations(s.doc.id, viewer, { skip: 0, take: 1 }, document.annotationsSetRevision)).total).toBe(first.total);
    const fresh = await loadDocumentForViewer(s.doc.id, s.members[1].id);
    expect(fresh.document.annotationsSetRevision).toBeGreaterThan(document.annotationsSetRevision);
    expect((await pageOfVisibleAnnotations(s.doc.id, fresh.viewer, { skip: 0, take: 1 }, fresh.document.annotationsSetRevision)).total).toBe(first.total + 1);
  });

  it("outsiders get nothing even if a caller forgot the document check", async () => {
    const outsider: Viewer = { userId: s.members[0].id, membership: null };
    expect(await pageOfVisibleAnnotations(s.doc.id, outsider, { skip: 0, take: 100 })).toEqual({ rows: [], total: 0, modified: null });
  });
});

describe("the document's annotation revision (a database trigger)", () => {
  it("moves once per committed transaction that changes the document's annotations, whatever wrote them", async () => {
    const r0 = await revisionOf(s.doc.id);
    const other0 = await revisionOf(s.other.id);
    const a = await db().annotation.create({ data: { documentId: s.doc.id, groupId: s.group.id, authorId: s.members[0].id, body: "x" } });
    const r1 = await revisionOf(s.doc.id);
    expect(r1).toBe(r0 + 1n);
    // Many rows in one transaction, several statements: one step.
    await db().$transaction(async (tx) => {
      await tx.annotation.updateMany({ where: { documentId: s.doc.id }, data: { orphaned: false } });
      await tx.annotation.update({ where: { id: a.id }, data: { body: "y" } });
      await tx.$executeRaw`UPDATE "Annotation" SET "positionStart" = "positionStart" WHERE "documentId" = ${s.doc.id}`;
    });
    expect(await revisionOf(s.doc.id)).toBe(r1 + 1n);
    await db().annotation.delete({ where: { id: a.id } });
    expect(await revisionOf(s.doc.id)).toBe(r1 + 2n);
    // A rolled-back change moves nothing; other documents are untouched.
    await expect(
      db().$transaction(async (tx) => {
        await tx.annotation.updateMany({ where: { documentId: s.doc.id }, data: { resolved: true } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await revisionOf(s.doc.id)).toBe(r1 + 2n);
    expect(await revisionOf(s.other.id)).toBe(other0);
  });

  it("the set revision moves only when the visible set, its order or newest change may differ, not on re-anchoring", async () => {
    const both = async () => {
      const d = await db().document.findUniqueOrThrow({ where: { id: s.doc.id }, select: { annotationsRevision: true, annotationsSetRevision: true } });
      return [d.annotationsRevision, d.annotationsSetRevision];
    };
    const [r0, set0] = await both();
    // What lib/commands/store-reanchored-selectors.ts writes when text moves under annotations.
    await db().$executeRaw`UPDATE "Annotation" SET "positionStart" = "positionStart", "quoteExact" = "quoteExact", version = version + 1 WHERE "documentId" = ${s.doc.id}`;
    expect(await both()).toEqual([r0 + 1n, set0]);
    const one = await db().annotation.findFirstOrThrow({ where: { documentId: s.doc.id, status: "approved" } });
    await db().$executeRaw`UPDATE "Annotation" SET status = 'hidden' WHERE id = ${one.id}`;
    expect(await both()).toEqual([r0 + 2n, set0 + 1n]);
    await db().$executeRaw`UPDATE "Annotation" SET status = 'approved' WHERE id = ${one.id}`;
    await db().annotation.update({ where: { id: one.id }, data: { body: "edited" } }); // Prisma moves updatedAt: the newest change
    expect(await both()).toEqual([r0 + 4n, set0 + 3n]);
  });

  it("takes the document's row lock only at commit, so it adds no deadlock between annotation writers", async () => {
    const [first, second] = (await db().annotation.findMany({ where: { documentId: s.doc.id }, select: { id: true }, take: 2, orderBy: { id: "asc" } })).map((r) => r.id);
    const r0 = await revisionOf(s.doc.id);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The first writer changes one row, then another; meanwhile a second writer changes the
    // other row alone. Had the first statement locked the document row at once, the second
    // writer would wait for it while holding the row the first one needs next: a deadlock.
    const long = db().$transaction(async (tx) => {
      await tx.annotation.update({ where: { id: first }, data: { resolved: false } });
      await pause(300);
      await tx.annotation.update({ where: { id: second }, data: { resolved: false } });
    });
    await pause(100);
    const short = db().$transaction(async (tx) => {
      await tx.annotation.update({ where: { id: second }, data: { locked: false } });
    });
    await Promise.all([long, short]);
    expect(await revisionOf(s.doc.id)).toBe(r0 + 2n);
  });
});

// Keep the include in sync with the raw statement: a relation added to annotationInclude
// without a twin in the page query would be missing from containers.
it("the page query mirrors every relation of annotationInclude", () => {
  expect(Object.keys(annotationInclude).sort()).toEqual(["author", "flags", "reactions", "thread"]);
});
