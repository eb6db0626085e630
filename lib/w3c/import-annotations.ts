import { withDocumentState } from "../annotations/document-text";
import createAnnotation from "../commands/create-annotation";
import { AppError, UnprocessableError, ValidationError } from "../errors";
import { authorize } from "../policies";
import { annotationIri, containerIri, documentIri } from "../presenters/annotation";
import { loadDocumentForViewer } from "../queries/document-access";
import { importItems, importOrder, retarget } from "./import-items";
import { provenanceOf } from "./provenance";
import { componentLogger, errorFields } from "../log";

/** Progress is reported after every this many items. */
export const IMPORT_PROGRESS_EVERY = 50;
/** Longest one import may run; the items left when it is reached fail with `import_time_limit`. */
export const IMPORT_TIME_LIMIT_MS = 120_000;

export type ImportFailure = { index: number; code: string; message: string };
export type ImportResult = { imported: number; failed: ImportFailure[] };

function failureOf(index: number, error: unknown): ImportFailure {
  if (error instanceof AppError) return { index, code: error.code, message: error.message };
  componentLogger("import").error({ index, ...errorFields(error) }, "an imported item failed unexpectedly");
  return { index, code: "internal_error", message: "This annotation could not be imported" };
}

/**
 * Checks that the actor may post on the document and reads the items out of the body, so
 * that every refusal of the request as a whole comes before any item is created.
 */
export async function prepareImport(opts: { documentId: string; actorId: string; body: unknown }) {
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  authorize(viewer.membership, "annotation.create", "Document");
  return { documentId: document.id, items: importItems(opts.body) };
}

/**
 * Creates each item through createAnnotation, anchored on this document's text by its quote
 * (a position selector only picks among equal matches), replies after their parents. One
 * item's failure never stops the others; each is reported with its index in the input. The
 * text is loaded once for the whole import, and the import stops creating after
 * IMPORT_TIME_LIMIT_MS, so that no import holds the server for long.
 */
export async function importAnnotations(opts: { documentId: string; actorId: string; origin: string; items: unknown[]; onProgress?: (done: number, total: number) => void; timeLimitMs?: number }): Promise<ImportResult> {
  const total = opts.items.length;
  const created = new Map<string, string>();
  const failed: ImportFailure[] = [];
  let imported = 0;
  let done = 0;
  const deadline = Date.now() + (opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS);
  const context = { documentSource: documentIri(opts.origin, opts.documentId), containerIri: containerIri(opts.origin, opts.documentId), importedIri: (iri: string) => created.get(iri) };
  await withDocumentState(opts.documentId, async (documentState) => {
    for (const index of importOrder(opts.items)) {
      const item = opts.items[index];
      try {
        if (Date.now() > deadline) throw new UnprocessableError("The import ran out of time before this item; import the items that failed again", "import_time_limit");
        if (typeof item === "string") throw new ValidationError("Only embedded annotations can be imported, not their IRIs");
        if (typeof item !== "object" || item === null || Array.isArray(item)) throw new ValidationError("Each item must be an annotation object");
        const input = retarget(item as Record<string, unknown>, context);
        if (!input) throw new UnprocessableError("The annotation replied to is neither in this import nor in this document", "reply_target_not_found");
        const { annotation } = await createAnnotation({ actorId: opts.actorId, documentId: opts.documentId, input, provenance: provenanceOf(input), notify: false, documentState });
        const oldId = (item as Record<string, unknown>).id;
        if (typeof oldId === "string") created.set(oldId, annotationIri(opts.origin, opts.documentId, annotation.id));
        imported += 1;
      } catch (error) {
        failed.push(failureOf(index, error));
      }
      done += 1;
      if (done % IMPORT_PROGRESS_EVERY === 0) opts.onProgress?.(done, total);
    }
  });
  failed.sort((a, b) => a.index - b.index);
  return { imported, failed };
}
