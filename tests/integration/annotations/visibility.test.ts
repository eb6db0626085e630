import type { GroupViewer } from "@/lib/policies/viewer";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countsAsPosting, isAnnotationVisibleTo, isGroupModerator, type Viewer } from "@/lib/policies/annotations";
import { listVisibleAnnotations, pageOfVisibleAnnotations } from "@/lib/queries/annotations";
import { findAnnotation } from "@/lib/queries/system/annotations";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { findMembership } from "@/lib/queries/memberships";
import { queueCounts } from "@/lib/queries/moderation";
import { searchGroup } from "@/lib/queries/search";
import { postersAmong } from "@/lib/queries/system/recipients";
import { listTextHighlights } from "@/lib/queries/text-highlights";
import { visibleCountsByDocument } from "@/lib/queries/visibility";
import { createMember } from "../../factories";
import { ROLES as roles, STATUSES, threadsOfEveryKind, visibilityGroup } from "../visibility-fixtures";

/**
 * The read policy exists once as predicates (isAnnotationVisibleTo, countsAsPosting) and once as
 * SQL (lib/queries/visibility.ts), which every list, page, count, search and queue filters with.
 * On every combination of viewer role, authorship, visibility, status, deletion, thread state
 * (replies under hidden, private and deleted threads too) and hide-and-reveal (posted or not,
 * in every way that does not count as posting), both must give the same answer.
 */
describe("annotation visibility: one SQL rule, equal to the policy", () => {
  it("in lists, pages, counts, search and the queue, on an open and a hide-and-reveal document", async () => {
    const { group, owner, members, muted, outsider, open, veiled, authors } = await visibilityGroup();
    // On the hide-and-reveal document: one who posted, and everyone who did something that is not posting.
    const scenes = ["poster", "highlighter", "private writer", "withdrawn", "replier", "blank"] as const;
    const actors = Object.fromEntries(await Promise.all(scenes.map(async (s) => [s, await createMember(group.id, "member")] as const)));

    for (const doc of [open, veiled]) {
      const base = { documentId: doc.id, groupId: group.id, quoteExact: "First", positionStart: 0, positionEnd: 5, body: "A note" };
      const roots = await threadsOfEveryKind(base, authors);
      // Replies of every status under every thread: hidden, pending, private and deleted ones included.
      for (const [i, thread] of roots.entries())
        for (const status of STATUSES)
          await db().annotation.create({
            data: { ...base, quoteExact: null, authorId: authors[(i + STATUSES.indexOf(status)) % 3].id, parentId: thread.id, threadId: thread.id, motivation: "replying", visibility: thread.visibility, status, body: "A reply" },
          });
    }
    const on = { documentId: veiled.id, groupId: group.id, quoteExact: "First", positionStart: 0, positionEnd: 5 };
    await db().annotation.create({ data: { ...on, authorId: actors.poster.id, body: "My thoughts" } });
    await db().annotation.create({ data: { ...on, authorId: actors.highlighter.id, body: "", motivation: "highlighting" } });
    await db().annotation.create({ data: { ...on, authorId: actors.highlighter.id, body: "", visibility: "private", motivation: "highlighting" } });
    await db().annotation.create({ data: { ...on, authorId: actors["private writer"].id, body: "Only for me", visibility: "private" } });
    await db().annotation.create({ data: { ...on, authorId: actors.withdrawn.id, body: "Taken back", deletedAt: new Date() } });
    await db().annotation.create({ data: { ...on, authorId: actors.blank.id, body: " \n\t " } });
    const visibleThread = await db().annotation.findFirstOrThrow({ where: { documentId: veiled.id, authorId: members.member.id, visibility: "group", status: "approved", deletedAt: null, threadId: null } });
    await db().annotation.create({ data: { ...on, quoteExact: null, authorId: actors.replier.id, body: "A reply is not a post", parentId: visibleThread.id, threadId: visibleThread.id, motivation: "replying" } });

    const all = await db().annotation.findMany({ where: { groupId: group.id }, select: { id: true, documentId: true } });
    const rows = (await Promise.all(all.map((a) => findAnnotation(a.documentId, a.id)))).map((row) => row!);
    const users: [string, string][] = [...roles.map((r): [string, string] => [r, members[r].id]), ["owner", owner.id], ["muted", muted.id], ...scenes.map((s): [string, string] => [s, actors[s].id]), ["outsider", outsider.id]];
    let checked = 0;
    for (const [name, userId] of users) {
      const membership = await findMembership(group.id, userId);
      const groupViewer: GroupViewer = { userId, groupId: group.id, membership };
      const counts = await visibleCountsByDocument(groupViewer);
      const searched = new Set((await searchGroup(groupViewer, { q: "", limit: 10_000 })).rows.map((r) => r.id));
      for (const doc of [open, veiled]) {
        const docRows = rows.filter((r) => r.documentId === doc.id);
        const loaded = await loadDocumentForViewer(doc.id, userId).catch(() => null);
        const viewer: Viewer = loaded?.viewer ?? { userId, membership: null };
        // "Has posted", as the loader's SQL decides it, is the policy's countsAsPosting.
        const posted = docRows.some((r) => r.authorId === userId && countsAsPosting(r));
        const hidden = doc.id === veiled.id && membership !== null && !isGroupModerator(groupViewer) && !posted;
        if ((viewer.hiddenUntilPosted ?? false) !== hidden) throw new Error(`${name} on ${doc.id === veiled.id ? "veiled" : "open"}: hidden ${viewer.hiddenUntilPosted}, policy ${hidden}`);
        expect((await postersAmong(doc.id, [userId])).has(userId)).toBe(posted);

        const expected = new Set(docRows.filter((r) => isAnnotationVisibleTo(viewer, r)).map((r) => r.id));
        const listed = new Set((await listVisibleAnnotations(doc.id, viewer)).map((a) => a.id));
        const paged = await pageOfVisibleAnnotations(doc.id, viewer, { skip: 0, take: 10_000 });
        // The reading page's first paint highlights the visible thread roots still on the text and not resolved.
        const highlighted = (await listTextHighlights(doc.id, viewer)).map((h) => h.id);
        const onText = docRows.filter((r) => expected.has(r.id) && r.parentId === null && !r.orphaned && !r.resolved && r.positionStart !== null);
        expect(highlighted.sort()).toEqual(onText.map((r) => r.id).sort());
        for (const row of docRows) {
          const where = `${name} on ${doc.id === veiled.id ? "veiled" : "open"} ${row.visibility}/${row.status}/${row.deletedAt ? "deleted" : "live"} reply=${!!row.threadId}${row.thread ? ` in ${row.thread.visibility}/${row.thread.status}/${row.thread.deletedAt ? "deleted" : "live"}` : ""}`;
          const byPolicy = expected.has(row.id);
          if (byPolicy !== listed.has(row.id)) throw new Error(`${where}: policy ${byPolicy}, list ${listed.has(row.id)}`);
          if (byPolicy !== searched.has(row.id)) throw new Error(`${where}: policy ${byPolicy}, search ${searched.has(row.id)}`);
          checked++;
        }
        expect(paged.rows.map((r) => r.id).sort()).toEqual([...expected].sort());
        expect(paged.total).toBe(expected.size);
        expect(counts.get(doc.id) ?? 0).toBe(expected.size);
        if (isGroupModerator(viewer) && doc.id === veiled.id) {
          const pendingAnywhere = rows.filter((r) => r.status === "pending" && isAnnotationVisibleTo(viewer, r)).length;
          expect((await queueCounts({ ...viewer, groupId: group.id })).pending).toBe(pendingAnywhere);
        }
      }
    }
    expect(checked).toBe(users.length * rows.length);
    // Sanity of the rules themselves, beyond agreement.
    const seen = async (userId: string, documentId: string) => (await listVisibleAnnotations(documentId, (await loadDocumentForViewer(documentId, userId)).viewer)).length;
    expect(await seen(actors.poster.id, veiled.id)).toBeGreaterThan(await seen(actors.highlighter.id, veiled.id));
    expect(await seen(actors.highlighter.id, veiled.id)).toBe(2);
    expect(await seen(members.moderator.id, open.id)).toBeGreaterThan(await seen(members.viewer.id, open.id));
  }, 120_000);
});
