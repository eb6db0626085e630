import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAnnotationVisibleTo, type Viewer } from "@/lib/policies/annotations";
import { findAnnotation, listVisibleAnnotations, pageOfVisibleAnnotations } from "@/lib/queries/annotations";
import type { Role } from "@/lib/policies";
import { createDocumentIn, createGroup, createMember, createUser } from "../../factories";

const STATUSES = ["approved", "pending", "hidden", "spam"] as const;
const VISIBILITIES = ["private", "group"] as const;

/**
 * The read policy exists twice: isAnnotationVisibleTo for single items and live messages, and
 * its SQL form for lists and counts. Every combination of viewer role, author, visibility,
 * status, deletion and thread state must get the same answer from both.
 */
describe("annotation visibility: policy and SQL agree", () => {
  it("on every combination of role, authorship, visibility, status, deletion and thread", async () => {
    const { group, owner } = await createGroup();
    const roles: Role[] = ["viewer", "member", "editor", "moderator"];
    const members = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await createMember(group.id, r)] as const)));
    const muted = await createMember(group.id, "member", { muted: true });
    const outsider = await createUser();
    const doc = await createDocumentIn(group.id, owner.id);
    const authors = [members.member, muted, members.moderator];

    const base = { documentId: doc.id, groupId: group.id, quoteExact: "First", positionStart: 0, positionEnd: 5 };
    const roots = [];
    for (const author of authors)
      for (const visibility of VISIBILITIES)
        for (const status of STATUSES)
          for (const deleted of [false, true])
            roots.push(await db().annotation.create({ data: { ...base, authorId: author.id, visibility, status, deletedAt: deleted ? new Date() : null } }));
    // Replies, each combination under a few kinds of thread.
    const threads = roots.filter((r) => !r.deletedAt && r.authorId === members.member.id);
    for (const thread of threads)
      for (const status of STATUSES)
        await db().annotation.create({ data: { ...base, authorId: authors[(STATUSES.indexOf(status) + 1) % 3].id, parentId: thread.id, threadId: thread.id, motivation: "replying", visibility: thread.visibility, status } });

    const all = await Promise.all((await db().annotation.findMany({ where: { documentId: doc.id }, select: { id: true } })).map((a) => findAnnotation(doc.id, a.id)));
    const viewers: [string, Viewer][] = [
      ...roles.map((r): [string, Viewer] => [r, { userId: members[r].id, membership: { role: r, muted: false } }]),
      ["owner", { userId: owner.id, membership: { role: "owner", muted: false } }],
      ["muted", { userId: muted.id, membership: { role: "member", muted: true } }],
      ["member, hidden until posted", { userId: members.member.id, membership: { role: "member", muted: false }, hiddenUntilPosted: true }],
      ["viewer, hidden until posted", { userId: members.viewer.id, membership: { role: "viewer", muted: false }, hiddenUntilPosted: true }],
      ["outsider", { userId: outsider.id, membership: null }],
      ["anonymous", { userId: null, membership: null }],
    ];
    let checked = 0;
    for (const [name, viewer] of viewers) {
      const listed = new Set((await listVisibleAnnotations(doc.id, viewer)).map((a) => a.id));
      // The container's raw-SQL path must list exactly the same set, with the same total.
      const paged = await pageOfVisibleAnnotations(doc.id, viewer, { skip: 0, take: 10_000 });
      if (paged.total !== listed.size || paged.rows.some((r) => !listed.has(r.id)) || paged.rows.length !== listed.size) {
        throw new Error(`${name}: raw SQL page lists ${paged.rows.length} (total ${paged.total}), Prisma filter ${listed.size}`);
      }
      for (const row of all) {
        if (!row) throw new Error("row vanished");
        const id = row.id;
        const byPolicy = isAnnotationVisibleTo(viewer, row);
        if (byPolicy !== listed.has(id)) throw new Error(`${name} on ${row.visibility}/${row.status}/${row.deletedAt ? "deleted" : "live"} reply=${!!row.threadId}: policy ${byPolicy}, SQL ${listed.has(id)}`);
        checked++;
      }
    }
    expect(checked).toBe(viewers.length * all.length);
    // Sanity of the rules themselves, beyond agreement.
    const seenBy = async (viewer: Viewer) => (await listVisibleAnnotations(doc.id, viewer)).length;
    expect(await seenBy(viewers.find(([n]) => n === "outsider")![1])).toBe(0);
    expect(await seenBy(viewers.find(([n]) => n === "moderator")![1])).toBeGreaterThan(await seenBy(viewers.find(([n]) => n === "viewer")![1]));
  });
});
