import "server-only";
import { db, readRows, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { NotFoundError } from "../errors";
import type { ModerationMode, Role } from "../generated/prisma/client";
import { can } from "../policies";
import { viewerFor } from "../policies/viewer";
import { hasPostedSql } from "./visibility";

type AccessRow = {
  id: string;
  groupId: string;
  title: string;
  hideUntilPosted: boolean;
  annotationsRevision: bigint;
  annotationsSetRevision: bigint;
  moderation: ModerationMode;
  groupName: string;
  anonymousToPeers: boolean;
  membershipId: string | null;
  role: Role | null;
  muted: boolean | null;
  membershipCreatedAt: Date | null;
  membershipUpdatedAt: Date | null;
  posted: boolean | null;
};

/**
 * A document with its group's moderation mode and the actor as a policy Viewer. Outsiders and
 * missing documents get the same 404. One round trip: the document, its group, the actor's
 * membership and (for hide-and-reveal) whether they posted, which every annotation request needs.
 * `annotationsRevision` changes with every committed change to the document's annotations (and
 * their flags, reactions, authors' names); `annotationsSetRevision` only with those that may
 * change which ones a viewer sees, their order or newest change.
 */
export async function loadDocumentForViewer(documentId: string, actorId: string | null, tx?: Tx) {
  const posted = actorId ? Prisma.sql`CASE WHEN d."hideUntilPosted" AND m."id" IS NOT NULL THEN ${hasPostedSql(Prisma.sql`d."id"`, actorId)} END` : Prisma.sql`NULL::boolean`;
  const statement = Prisma.sql`
    SELECT d."id", d."groupId", d."title", d."hideUntilPosted", d."annotationsRevision", d."annotationsSetRevision",
           g."moderation"::text AS "moderation", g."name" AS "groupName", g."anonymousToPeers",
           m."id" AS "membershipId", m."role"::text AS "role", m."muted", m."createdAt" AS "membershipCreatedAt", m."updatedAt" AS "membershipUpdatedAt",
           ${posted} AS "posted"
      FROM "Document" d
      JOIN "Group" g ON g."id" = d."groupId"
      LEFT JOIN "Membership" m ON m."groupId" = d."groupId" AND m."userId" = ${actorId}
     WHERE d."id" = ${documentId}`;
  // Inside a transaction on its connection; otherwise on the read pool (every annotation request starts here).
  const [row] = tx ? await tx.$queryRaw<AccessRow[]>(statement) : await readRows<AccessRow>(statement);
  if (!row) throw new NotFoundError("Document");
  const membership =
    row.membershipId && row.role && actorId
      ? { id: row.membershipId, groupId: row.groupId, userId: actorId, role: row.role, muted: row.muted ?? false, createdAt: row.membershipCreatedAt!, updatedAt: row.membershipUpdatedAt! }
      : null;
  if (!can(membership, "document.read")) throw new NotFoundError("Document");
  const document = {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    hideUntilPosted: row.hideUntilPosted,
    annotationsRevision: row.annotationsRevision,
    annotationsSetRevision: row.annotationsSetRevision,
    group: { moderation: row.moderation, name: row.groupName, anonymousToPeers: row.anonymousToPeers },
  };
  const viewer = viewerFor({ userId: actorId, groupId: row.groupId, membership, group: document.group, document: { hideUntilPosted: document.hideUntilPosted, posted: row.posted === true } });
  return { document, viewer };
}

/**
 * What a user may do with a document's live text (the collaboration server's sign-in), by the
 * same policies as the REST API, with the user as the document's group viewer; null when the
 * document is missing.
 */
export async function liveDocumentAccess(documentId: string, userId: string) {
  const document = await db().document.findUnique({ where: { id: documentId }, select: { groupId: true, group: { select: { anonymousToPeers: true } } } });
  if (!document) return null;
  const membership = await db().membership.findUnique({ where: { groupId_userId: { groupId: document.groupId, userId } }, select: { role: true, muted: true } });
  const viewer = viewerFor({ userId, groupId: document.groupId, membership, group: document.group });
  return { groupId: document.groupId, anonymousToPeers: document.group.anonymousToPeers, viewer, read: can(membership, "document.read"), edit: can(membership, "document.edit") };
}

export type LiveDocumentAccess = NonNullable<Awaited<ReturnType<typeof liveDocumentAccess>>>;
