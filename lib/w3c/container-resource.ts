import { settleAnchors } from "../annotations/live-documents";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Viewer } from "../policies/annotations";
import { annotationIri, etagOf, presentAnnotation } from "../presenters/annotation";
import { annotationsVersion, listVisibleAnnotations, type AnnotationRow } from "../queries/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { annotationPage, containerDescription, hasPage, pageWindow, type CollectionState, type ContainerQuery } from "./collection";
import type { ContainerPreference } from "./prefer";

/** A page's items: full descriptions (without @context, the page carries it) or IRIs. */
function pageItems(rows: AnnotationRow[], state: CollectionState, viewer: Viewer) {
  return rows.map((row) => (state.iris ? annotationIri(state.origin, row.documentId, row.id) : presentAnnotation(row, state.origin, viewer, { embedded: true })));
}

/**
 * A document's annotation container, or one page of it, as one viewer sees it: only what
 * the policies let them see, counted and listed in one snapshot so total and pages agree.
 * The ETag covers the visible set's version and the exact representation.
 */
export async function readContainer(opts: { documentId: string; actorId: string; origin: string; query: ContainerQuery; prefer: ContainerPreference }) {
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  await settleAnchors(document.id);
  const iris = opts.query.iris ?? opts.prefer.iris ?? false;
  const page = opts.query.page;
  return db().$transaction(
    async (tx) => {
      const version = await annotationsVersion(document.id, viewer, tx);
      const state: CollectionState = {
        origin: opts.origin,
        documentId: document.id,
        label: `Annotations on “${document.title}”`,
        total: version.count,
        modified: version.updatedAt,
        iris,
      };
      let body;
      if (page !== null) {
        if (!hasPage(state, page)) throw new NotFoundError("Page");
        const rows = await listVisibleAnnotations(document.id, viewer, pageWindow(state, page), tx);
        body = annotationPage(state, page, pageItems(rows, state, viewer));
      } else if (opts.prefer.minimal || state.total === 0) {
        body = containerDescription(state);
      } else {
        const rows = await listVisibleAnnotations(document.id, viewer, pageWindow(state, 0), tx);
        body = containerDescription(state, pageItems(rows, state, viewer));
      }
      return { body, page: page !== null, etag: etagOf({ version, body }), contentLocation: body.id };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
