import { db } from "@/lib/db";
import type { Role } from "@/lib/policies";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";

export const PEOPLE = ["outsider", "viewer", "member", "muted", "editor", "moderator", "owner", "otherModerator"] as const;
export type Person = (typeof PEOPLE)[number];

/**
 * A seminar: one group with a person of every role (a muted member too), an outsider, the
 * moderator of another group, a document, and an API token for each of them.
 */
export async function seminar(moderation: "post" | "pre" = "post") {
  const { group, owner } = await createGroup({ moderation });
  const member = (role: Role, muted = false) => createMember(group.id, role, { muted });
  const [viewer, reader, muted, editor, moderator, outsider, other] = await Promise.all([
    member("viewer"), member("member"), member("member", true), member("editor"), member("moderator"), createUser(), createGroup(),
  ]);
  const otherModerator = await createMember(other.group.id, "moderator");
  const users = { outsider, viewer, member: reader, muted, editor, moderator, owner, otherModerator } satisfies Record<Person, { id: string; name: string }>;
  const tokens = Object.fromEntries(await Promise.all(PEOPLE.map(async (p) => [p, await tokenFor(users[p].id)] as const))) as Record<Person, string>;
  const doc = await createDocumentIn(group.id, owner.id, "Nothing is so painful to the human mind as a great and sudden change.\n\nIt is a truth universally acknowledged.");
  return { group, doc, users, tokens, otherGroup: other.group };
}

export type Seminar = Awaited<ReturnType<typeof seminar>>;

/** An annotation row written directly, for tests about moderation rather than anchoring. */
export function annotate(
  s: Seminar,
  author: { id: string },
  opts: { status?: "approved" | "pending" | "hidden" | "spam"; visibility?: "private" | "group"; body?: string; parent?: { id: string; threadId: string | null } } = {},
) {
  return db().annotation.create({
    data: {
      documentId: s.doc.id,
      groupId: s.group.id,
      authorId: author.id,
      status: opts.status ?? "approved",
      visibility: opts.visibility ?? "group",
      body: opts.body ?? "A note in the margin",
      ...(opts.parent
        ? { motivation: "replying", parentId: opts.parent.id, threadId: opts.parent.threadId ?? opts.parent.id }
        : { quoteExact: "a great and sudden change", positionStart: 43, positionEnd: 68 }),
    },
  });
}

/** Moderation log rows of a group, oldest first, as compact tuples. */
export async function logOf(groupId: string) {
  const rows = await db().moderationLogEntry.findMany({ where: { groupId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, annotationId: r.annotationId, from: r.from, to: r.to, note: r.note }));
}
