import "server-only";
import { db } from "../db";
import { authorize, can } from "../policies";
import type { GroupViewer } from "../policies/viewer";

/**
 * Members of the viewer's group a note can @mention, for the editor's completion: those who can
 * read its documents, matching `query` by name; outsiders get 404. In an anonymous-to-peers
 * group, members below moderator get nobody (names are withheld from them), and private notes
 * mention no one.
 */
export async function mentionableMembers(opts: { viewer: GroupViewer; query: string; limit?: number }) {
  authorize(opts.viewer.membership, "document.read", "Document");
  if (opts.viewer.anonymousPeers) return [];
  const query = opts.query.trim();
  const members = await db().membership.findMany({
    where: { groupId: opts.viewer.groupId, userId: { not: opts.viewer.userId ?? undefined }, ...(query ? { user: { name: { contains: query, mode: "insensitive" } } } : {}) },
    include: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: opts.limit ?? 8,
  });
  return members.filter((m) => can(m, "document.read")).map((m) => ({ id: m.user.id, name: m.user.name }));
}
