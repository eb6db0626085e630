import type { GroupViewer } from "@/lib/policies/viewer";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAnnotationVisibleTo, type Viewer } from "@/lib/policies/annotations";
import { findAnnotation } from "@/lib/queries/system/annotations";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { findMembership } from "@/lib/queries/memberships";
import { searchGroup } from "@/lib/queries/search";
import { createMember } from "../../factories";
import { ROLES as roles, STATUSES, threadsOfEveryKind, visibilityGroup } from "../visibility-fixtures";

/**
 * Group search is raw SQL with its own copy of the read policy. On every combination of viewer
 * role, authorship, visibility, status, deletion, thread state and hide-and-reveal (posted or
 * not), it must return exactly what isAnnotationVisibleTo allows, the way a document page would.
 */
describe("group search: SQL visibility agrees with isAnnotationVisibleTo", () => {
  it("on every combination, across an open and a hide-until-posted document", async () => {
    const { group, owner, members, muted, outsider, open, veiled, authors } = await visibilityGroup();
    const poster = await createMember(group.id, "member");

    for (const doc of [open, veiled]) {
      const base = { documentId: doc.id, groupId: group.id, quoteExact: "First", positionStart: 0, positionEnd: 5, body: "The lantern keeper's note" };
      const roots = await threadsOfEveryKind(base, authors);
      const threads = roots.filter((r) => !r.deletedAt && r.authorId === members.member.id);
      for (const thread of threads)
        for (const status of STATUSES)
          await db().annotation.create({
            data: { ...base, quoteExact: null, authorId: authors[(STATUSES.indexOf(status) + 1) % 3].id, parentId: thread.id, threadId: thread.id, motivation: "replying", visibility: thread.visibility, status, body: "A lantern reply" },
          });
    }
    // Someone who has posted on the veiled document sees it; a deleted post does not count.
    await db().annotation.create({ data: { documentId: veiled.id, groupId: group.id, authorId: poster.id, body: "My lantern thoughts", quoteExact: "First" } });
    await db().annotation.create({ data: { documentId: veiled.id, groupId: group.id, authorId: members.viewer.id, body: "Withdrawn", quoteExact: "First", deletedAt: new Date() } });

    const all = await db().annotation.findMany({ where: { groupId: group.id }, select: { id: true, documentId: true } });
    const rows = await Promise.all(all.map((a) => findAnnotation(a.documentId, a.id)));
    const users: [string, string][] = [...roles.map((r): [string, string] => [r, members[r].id]), ["owner", owner.id], ["muted", muted.id], ["poster", poster.id], ["outsider", outsider.id]];
    let checked = 0;
    for (const [name, userId] of users) {
      const membership = await findMembership(group.id, userId);
      const groupViewer: GroupViewer = { userId, groupId: group.id, membership };
      const found = new Set((await searchGroup(groupViewer, { q: "lantern", limit: 10_000 })).rows.map((r) => r.id));
      const listed = new Set((await searchGroup(groupViewer, { q: "", limit: 10_000 })).rows.map((r) => r.id));
      // The viewer a document page would use: hide-and-reveal is decided per document.
      const viewers = new Map<string, Viewer | null>();
      for (const doc of [open, veiled]) viewers.set(doc.id, await loadDocumentForViewer(doc.id, userId).then((r) => r.viewer, () => null));
      for (const row of rows) {
        if (!row) throw new Error("row vanished");
        const viewer = viewers.get(row.documentId)!;
        const byPolicy = viewer !== null && isAnnotationVisibleTo(viewer, row) && /lantern/i.test(row.body);
        const where = `${name} on ${row.documentId === veiled.id ? "veiled" : "open"} ${row.visibility}/${row.status}/${row.deletedAt ? "deleted" : "live"} reply=${!!row.threadId}`;
        if (byPolicy !== found.has(row.id)) throw new Error(`${where}: policy ${byPolicy}, search ${found.has(row.id)}`);
        if (!/lantern/i.test(row.body)) continue;
        if (byPolicy !== listed.has(row.id)) throw new Error(`${where}: policy ${byPolicy}, filter-only listing ${listed.has(row.id)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(users.length * 100);
    const count = async (userId: string) => (await searchGroup({ userId, groupId: group.id, membership: await findMembership(group.id, userId) }, { q: "lantern", limit: 10_000 })).rows.length;
    expect(await count(outsider.id)).toBe(0);
    expect(await count(poster.id)).toBeGreaterThan(await count(members.editor.id));
    expect(await count(members.moderator.id)).toBeGreaterThan(await count(poster.id));
  }, 120_000);
});
