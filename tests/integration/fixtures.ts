import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../factories";

type Facts = { visibility?: "private" | "group"; status?: "approved" | "pending" | "hidden" | "spam"; deletedAt?: Date | null; body?: string; tags?: string[]; quoteExact?: string };

/** A group with one user per role (plus a muted member and an outsider), their tokens, and a document. */
export async function groupWithEveryRole(opts: { moderation?: "post" | "pre"; content?: string } = {}) {
  const { group, owner } = await createGroup({ moderation: opts.moderation });
  const people = {
    owner,
    viewer: await createMember(group.id, "viewer"),
    member: await createMember(group.id, "member"),
    other: await createMember(group.id, "member"),
    editor: await createMember(group.id, "editor"),
    moderator: await createMember(group.id, "moderator"),
    muted: await createMember(group.id, "member", { muted: true }),
    outsider: await createUser(),
  };
  const tokens = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, u]) => [k, await tokenFor(u.id)] as const))) as Record<keyof typeof people, string>;
  const document = await createDocumentIn(group.id, owner.id, opts.content);
  return { group, document, people, tokens };
}

/** A top-level annotation written straight to the table, with the facts a test needs. */
export function annotate(documentId: string, groupId: string, authorId: string, facts: Facts = {}) {
  return db().annotation.create({
    data: { documentId, groupId, authorId, quoteExact: facts.quoteExact ?? "First", positionStart: 0, positionEnd: 5, body: facts.body ?? "A note", tags: facts.tags ?? [], visibility: facts.visibility ?? "group", status: facts.status ?? "approved", deletedAt: facts.deletedAt ?? null },
  });
}

/** A reply in a thread (same document and group as its root). */
export function reply(root: { id: string; documentId: string; groupId: string; visibility: "private" | "group" }, authorId: string, facts: Facts = {}) {
  return db().annotation.create({
    data: { documentId: root.documentId, groupId: root.groupId, authorId, parentId: root.id, threadId: root.id, motivation: "replying", body: facts.body ?? "A reply", tags: facts.tags ?? [], visibility: root.visibility, status: facts.status ?? "approved", deletedAt: facts.deletedAt ?? null },
  });
}
