import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { authorize } from "../policies";
import type { GroupViewer } from "../policies/viewer";
import { findMembership } from "./memberships";
import { visibleCountsByDocument } from "./visibility";

/** A document with the actor's membership in its group; NotFound unless the actor may read it. */
export async function loadDocumentForActor(documentId: string, actorId: string | null | undefined) {
  const document = await db().document.findUnique({
    where: { id: documentId },
    include: { group: true },
  });
  if (!document) throw new NotFoundError("Document");
  const membership = await findMembership(document.groupId, actorId);
  authorize(membership, "document.read", "Document");
  return { document, membership: membership! };
}

/**
 * The viewer's group's documents (for those who hold `document.read`), most recently changed
 * first, without their (large) state, each with how many annotations the viewer sees on it (the
 * read rule of visibleAnnotationsSql, like the container's total).
 */
export async function listDocuments(viewer: GroupViewer) {
  authorize(viewer.membership, "document.read");
  const groupId = viewer.groupId;
  const [documents, counts] = await Promise.all([
    db().document.findMany({
      where: { groupId },
      orderBy: { updatedAt: "desc" },
      select: { id: true, title: true, createdAt: true, updatedAt: true, sourceFormat: true, createdBy: { select: { id: true, name: true } } },
    }),
    visibleCountsByDocument(viewer),
  ]);
  return documents.map((d) => ({ ...d, _count: { annotations: counts.get(d.id) ?? 0 } }));
}
