import "server-only";
import { db } from "../db";
import { can } from "../policies";
import type { Viewer } from "../policies/annotations";

/**
 * Members a note on this document can @mention, for the editor's completion: those who can
 * read the document, matching `query` by name. In an anonymous-to-peers group, members below
 * moderator get nobody (names are withheld from them), and private notes mention no one.
 */
export async function mentionableMembers(opts: { groupId: string; viewer: Viewer; query: string; limit?: number }) {
  if (opts.viewer.anonymousPeers) return [];
  const query = opts.query.trim();
  const members = await db().membership.findMany({
    where: { groupId: opts.groupId, userId: { not: opts.viewer.userId ?? undefined }, ...(query ? { user: { name: { contains: query, mode: "insensitive" } } } : {}) },
    include: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: opts.limit ?? 8,
  });
  return members.filter((m) => can(m, "document.read")).map((m) => ({ id: m.user.id, name: m.user.name }));
}
