import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { viewerFor, type GroupViewer } from "@/lib/policies/viewer";
import { findAnnotationFor } from "@/lib/queries/annotations";
import { mentionableMembers } from "@/lib/queries/mentionable";
import { groupTags, searchGroup } from "@/lib/queries/search";
import { currentDocumentJSON } from "@/lib/queries/document-content";
import { groupDensity, groupEngagement } from "@/lib/queries/engagement";
import { listDocuments } from "@/lib/queries/documents";
import { listInvites, loadGroupInvite } from "@/lib/queries/invites";
import { listMembers, loadGroupForActor } from "@/lib/queries/memberships";
import { findFlag, listFlags, listModerationLog, listModeratorNotes, listQueue, moderatorNotesByItem, mutedAuthors, queueCounts } from "@/lib/queries/moderation";
import { annotate, seminar, type Person, type Seminar } from "../moderation/fixtures";

/**
 * Reads authorize where they are defined: each guarded query refuses a reader who may not see
 * what it returns, whoever calls it, so a page or a route handler cannot forget the check.
 * Outsiders get 404 (nothing leaks that the thing exists), members without the right 403.
 */
let s: Seminar;
let item: { id: string };
let privateNote: { id: string };
let flagId: string;
let inviteId: string;
let otherInviteId: string;

/** The person as their group's viewer, built the one way; an outsider's has no membership. */
async function viewer(person: Person): Promise<GroupViewer> {
  const membership = await db().membership.findUnique({ where: { groupId_userId: { groupId: s.group.id, userId: s.users[person].id } } });
  return viewerFor({ userId: s.users[person].id, groupId: s.group.id, membership, group: s.group });
}

/** The person as a viewer of the group they are in (the other group's, for its moderator): a viewer must not open another group's things. */
async function viewerOfOwnGroup(person: Person): Promise<GroupViewer> {
  const membership = await ownMembership(person);
  const group = membership?.groupId === s.otherGroup.id ? s.otherGroup : s.group;
  return viewerFor({ userId: s.users[person].id, groupId: group.id, membership, group });
}

/** The person's membership in the seminar, else in any group (the other group's moderator), else null. */
async function ownMembership(person: Person) {
  const userId = s.users[person].id;
  return (await db().membership.findUnique({ where: { groupId_userId: { groupId: s.group.id, userId } } })) ?? (await db().membership.findFirst({ where: { userId } }));
}

beforeAll(async () => {
  s = await seminar();
  item = await annotate(s, s.users.member);
  privateNote = await annotate(s, s.users.editor, { visibility: "private" });
  flagId = (await db().flag.create({ data: { annotationId: item.id, userId: s.users.viewer.id, reason: "other" } })).id;
  await db().moderatorNote.create({ data: { groupId: s.group.id, authorId: s.users.moderator.id, annotationId: item.id, body: "Keep an eye on this" } });
  const invite = (groupId: string) => db().invite.create({ data: { groupId, createdById: s.users.owner.id, role: "member", tokenHash: `hash-${groupId}`, expiresAt: new Date(Date.now() + 86_400_000) } });
  inviteId = (await invite(s.group.id)).id;
  otherInviteId = (await invite(s.otherGroup.id)).id;
});

type Outcome = "ok" | "404" | "403";
const outcome = (read: () => Promise<unknown>): Promise<Outcome> =>
  read().then(
    () => "ok",
    (error) => {
      if (error instanceof NotFoundError) return "404";
      if (error instanceof ForbiddenError) return "403";
      throw error;
    },
  );

const PEOPLE_CHECKED = ["outsider", "otherModerator", "viewer", "member", "moderator", "owner"] as const;

/** Each guarded read, and what each person gets from it (written out by hand, not derived from the policies). */
const READS: { name: string; read: (person: (typeof PEOPLE_CHECKED)[number]) => Promise<unknown>; expected: Record<(typeof PEOPLE_CHECKED)[number], Outcome> }[] = [
  { name: "loadGroupForActor", read: (p) => loadGroupForActor(s.group.id, s.users[p].id), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "ok", moderator: "ok", owner: "ok" } },
  { name: "loadGroupForActor for member.manage", read: (p) => loadGroupForActor(s.group.id, s.users[p].id, "member.manage"), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "403", owner: "ok" } },
  { name: "listMembers", read: async (p) => listMembers(await viewer(p)), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "ok", moderator: "ok", owner: "ok" } },
  { name: "listDocuments", read: async (p) => listDocuments(await viewer(p)), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "ok", moderator: "ok", owner: "ok" } },
  { name: "listInvites", read: async (p) => listInvites(await viewer(p)), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "403", owner: "ok" } },
  { name: "loadGroupInvite", read: async (p) => loadGroupInvite(await viewer(p), inviteId), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "403", owner: "ok" } },
  { name: "groupEngagement", read: async (p) => groupEngagement(await viewer(p)), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "groupDensity", read: async (p) => groupDensity(await viewer(p)), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "listQueue", read: async (p) => listQueue({ viewer: await viewer(p), limit: 10 }), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "queueCounts", read: async (p) => queueCounts(await viewer(p)), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "listModerationLog", read: async (p) => listModerationLog({ viewer: await viewer(p), limit: 10 }), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "moderatorNotesByItem", read: async (p) => moderatorNotesByItem(await viewer(p), [item.id]), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "mutedAuthors", read: async (p) => mutedAuthors(await viewer(p), [s.users.member.id]), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "listFlags", read: (p) => listFlags(item.id, s.users[p].id), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  { name: "listModeratorNotes", read: (p) => listModeratorNotes(item.id, s.users[p].id), expected: { outsider: "404", otherModerator: "404", viewer: "403", member: "403", moderator: "ok", owner: "ok" } },
  // A flag is between the person who raised it (viewer) and the moderators; the item's author does not learn of it.
  { name: "findFlag", read: (p) => findFlag(item.id, flagId, s.users[p].id), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "404", moderator: "ok", owner: "ok" } },
  // Someone else's private note does not exist for anyone else, moderators included.
  { name: "listFlags on another's private note", read: (p) => listFlags(privateNote.id, s.users[p].id), expected: { outsider: "404", otherModerator: "404", viewer: "404", member: "404", moderator: "404", owner: "404" } },
  { name: "listModeratorNotes on another's private note", read: (p) => listModeratorNotes(privateNote.id, s.users[p].id), expected: { outsider: "404", otherModerator: "404", viewer: "404", member: "404", moderator: "404", owner: "404" } },
  // The reading page's text, given the document and the reader's membership (in the other group, for its moderator).
  { name: "currentDocumentJSON", read: async (p) => currentDocumentJSON({ document: await db().document.findUniqueOrThrow({ where: { id: s.doc.id } }), membership: await ownMembership(p) }), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "ok", moderator: "ok", owner: "ok" } },
  { name: "mentionableMembers", read: async (p) => mentionableMembers({ viewer: await viewer(p), query: "" }), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "ok", moderator: "ok", owner: "ok" } },
  { name: "findAnnotationFor", read: async (p) => findAnnotationFor(await viewerOfOwnGroup(p), s.doc.id, item.id), expected: { outsider: "404", otherModerator: "404", viewer: "ok", member: "ok", moderator: "ok", owner: "ok" } },
  { name: "findAnnotationFor on another's private note", read: async (p) => findAnnotationFor(await viewerOfOwnGroup(p), s.doc.id, privateNote.id), expected: { outsider: "404", otherModerator: "404", viewer: "404", member: "404", moderator: "404", owner: "404" } },
];

describe("guarded reads refuse readers who may not see what they return", () => {
  for (const { name, read, expected } of READS) {
    it(name, async () => {
      const got = Object.fromEntries(await Promise.all(PEOPLE_CHECKED.map(async (p) => [p, await outcome(() => read(p))] as const)));
      expect(got).toEqual(expected);
    });
  }

  it("an invitation of another group is as absent to an owner as a missing one", async () => {
    await expect(loadGroupInvite(await viewer("owner"), otherInviteId)).rejects.toThrow(NotFoundError);
  });

  it("findAnnotationFor marks a deleted note gone to those who saw it, and answers 404 for a deleted one they never could", async () => {
    const deleted = await annotate(s, s.users.member);
    const deletedPrivate = await annotate(s, s.users.owner, { visibility: "private" });
    await db().annotation.updateMany({ where: { id: { in: [deleted.id, deletedPrivate.id] } }, data: { deletedAt: new Date() } });
    expect((await findAnnotationFor(await viewer("viewer"), s.doc.id, deleted.id)).gone).toBe(true);
    expect((await findAnnotationFor(await viewer("owner"), s.doc.id, deletedPrivate.id)).gone).toBe(true);
    await expect(findAnnotationFor(await viewer("moderator"), s.doc.id, deletedPrivate.id)).rejects.toThrow(NotFoundError);
    expect((await findAnnotationFor(await viewer("viewer"), s.doc.id, item.id)).gone).toBe(false);
  });

  it("group searches read the viewer's own group: another group's moderator finds none of this group's notes", async () => {
    await db().annotation.update({ where: { id: item.id }, data: { tags: ["probe"] } });
    const ours = (await searchGroup(await viewer("member"), { q: "", limit: 100 })).rows.map((r) => r.id);
    expect(ours).toContain(item.id);
    expect(await groupTags(await viewer("member"))).toContain("probe");
    const theirs = await viewerOfOwnGroup("otherModerator");
    expect((await searchGroup(theirs, { q: "", limit: 100 })).rows.map((r) => r.id)).not.toContain(item.id);
    expect(await groupTags(theirs)).not.toContain("probe");
  });

  it("listMembers gives email addresses to moderators and owners, and to each member only their own", async () => {
    const emails = async (p: Person) => (await listMembers(await viewer(p))).filter((m) => m.user.email !== undefined).map((m) => m.user.id);
    expect(await emails("member")).toEqual([s.users.member.id]);
    expect((await emails("moderator")).length).toBe(Object.keys(s.users).length - 2);
  });
});
