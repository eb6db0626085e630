import { settleAnchors } from "../annotations/live-documents";
import { ByteLru } from "../cache/byte-lru";
import { NotFoundError } from "../errors";
import type { Viewer } from "../policies/annotations";
import { annotationIri, etagOfText, presentAnnotation } from "../presenters/annotation";
import { pageOfVisibleAnnotations, type AnnotationRow } from "../queries/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { annotationPage, containerDescription, hasPage, pageWindow, type CollectionState, type ContainerQuery } from "./collection";
import type { ContainerPreference } from "./prefer";
import { JsonText } from "./responses";

/** A page's items: full descriptions (without @context, the page carries it) or IRIs. */
function pageItems(rows: AnnotationRow[], state: CollectionState, viewer: Viewer) {
  return rows.map((row) => (state.iris ? annotationIri(state.origin, row.documentId, row.id) : presentAnnotation(row, state.origin, viewer, { embedded: true })));
}

/**
 * Serialized containers and pages, per viewer: everything a representation depends on is in
 * the key or moves the document's annotationsRevision (annotations, their flags, reactions and
 * authors' names, by database triggers), so an entry is never served after a change. Bounded
 * by size per process; another instance has its own.
 */
const CACHE_BYTES = 32 * 1024 * 1024;
type Cached = { json: JsonText; etag: string; contentLocation: string };
const cache = new ByteLru<Cached>(CACHE_BYTES, (entry) => entry.json.bytes.byteLength + 200);

function cacheKey(parts: { document: { id: string; annotationsRevision: bigint; title: string }; viewer: Viewer; origin: string; page: number | null; iris: boolean; wantsRows: boolean }) {
  const { document, viewer } = parts;
  return JSON.stringify([
    document.id,
    String(document.annotationsRevision),
    document.title,
    viewer.userId,
    viewer.membership?.role ?? null,
    viewer.membership?.muted ?? null,
    viewer.hiddenUntilPosted ?? false,
    viewer.anonymousPeers ?? false,
    parts.origin,
    parts.page,
    parts.iris,
    parts.wantsRows,
  ]);
}

/**
 * A document's annotation container, or one page of it, as one viewer sees it: only what
 * the policies let them see. Total and newest change come from a per-viewer summary validated by
 * the document's annotation revision; the ETag covers the exact representation and the newest
 * change. Answers are cached by revision (see `cache`).
 */
export async function readContainer(opts: { documentId: string; actorId: string; origin: string; query: ContainerQuery; prefer: ContainerPreference }) {
  // Pending re-anchoring of a live document is stored first, so the revision read next covers it.
  await settleAnchors(opts.documentId);
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  const iris = opts.query.iris ?? opts.prefer.iris ?? false;
  const page = opts.query.page;
  if (page !== null && page < 0) throw new NotFoundError("Page");
  const wantsRows = page !== null || !opts.prefer.minimal;
  const key = cacheKey({ document, viewer, origin: opts.origin, page, iris, wantsRows });
  const cached = cache.get(key);
  if (cached) return { ...cached, page: page !== null };

  const base = { origin: opts.origin, documentId: document.id, label: `Annotations on “${document.title}”`, iris };
  // The page size does not depend on the total, so the window is known before counting.
  const window = pageWindow({ ...base, total: 0, modified: null }, page ?? 0);
  const { rows, total, modified } = await pageOfVisibleAnnotations(document.id, viewer, wantsRows ? window : { skip: 0, take: 0 }, document.annotationsSetRevision);
  const state: CollectionState = { ...base, total, modified };
  let body;
  if (page !== null) {
    if (!hasPage(state, page)) throw new NotFoundError("Page");
    body = annotationPage(state, page, pageItems(rows, state, viewer));
  } else if (opts.prefer.minimal || state.total === 0) {
    body = containerDescription(state);
  } else {
    body = containerDescription(state, pageItems(rows, state, viewer));
  }
  // Serialized once: the ETag hashes the exact text the client gets, plus the set's newest change.
  const json = new JsonText(JSON.stringify(body));
  const entry: Cached = { json, etag: etagOfText(`${modified?.toISOString() ?? ""}\n`, json.bytes), contentLocation: body.id };
  cache.set(key, entry);
  return { ...entry, page: page !== null };
}
