import "server-only";
import { db, type Tx } from "../../db";
import { annotationInclude } from "../annotations";

/*
 * lib/queries/system: the reads that take no reader. Every other query takes the actor or a
 * Viewer and refuses what they may not see; these serve the server's own work — commands before
 * they authorize, the collaboration server, live delivery, notifications and digests, the text
 * projection — and return data nobody has been checked against. So only lib/queries,
 * lib/commands, lib/collab, lib/annotations and lib/moderation may import them (eslint.config.mjs);
 * pages, route handlers, server actions and components read through the guarded queries.
 */

/** An annotation of the document with what the presenter and the policies need, deleted or not, unchecked: callers authorize it. */
export function findAnnotation(documentId: string, annotationId: string, tx: Tx = db()) {
  return tx.annotation.findFirst({ where: { id: annotationId, documentId }, include: annotationInclude });
}
