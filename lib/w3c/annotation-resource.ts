import { settleAnchors } from "../annotations/live-documents";
import type { Viewer } from "../policies/annotations";
import { annotationIri, etagOf, presentAnnotation } from "../presenters/annotation";
import { findAnnotationFor, type AnnotationRow } from "../queries/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { GoneError } from "./errors";

/** One annotation as a viewer gets it, with the ETag of exactly that representation. */
export function annotationRepresentation(row: AnnotationRow, origin: string, viewer: Viewer) {
  const body = presentAnnotation(row, origin, viewer);
  return { row, viewer, body, etag: etagOf(body), iri: annotationIri(origin, row.documentId, row.id) };
}

/**
 * Reads an annotation for the Protocol, its selectors settled on the live text. Deleted
 * ones answer 410 to whoever could see them and 404 to everyone else, so a deletion never
 * reveals that something invisible existed.
 */
export async function readAnnotation(opts: { documentId: string; annotationId: string; actorId: string; origin: string }) {
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  await settleAnchors(document.id);
  const { row, gone } = await findAnnotationFor(viewer, document.id, opts.annotationId);
  if (gone) throw new GoneError();
  return annotationRepresentation(row, opts.origin, viewer);
}

