import "server-only";
import { db } from "../db";
import { authorize } from "../policies";
import { loadDocumentForActor } from "../queries/documents";
import { parseInput } from "../validation/parse";
import { documentUpdateInput } from "../validation/schemas";

/**
 * Renames a document or changes its seminar settings. Editors may rename; hide-and-reveal
 * changes what members see, so it takes the moderator's right.
 */
export default async function updateDocument(opts: { actorId: string; documentId: string; changes: unknown }) {
  const input = parseInput(documentUpdateInput, opts.changes);
  const { membership } = await loadDocumentForActor(opts.documentId, opts.actorId);
  if (input.title !== undefined) authorize(membership, "document.update");
  if (input.hideUntilPosted !== undefined) authorize(membership, "annotation.moderate");
  const document = await db().document.update({ where: { id: opts.documentId }, data: input });
  return { document, membership };
}
