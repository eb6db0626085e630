import { settleAnchors } from "../annotations/live-documents";
import { ByteLru } from "../cache/byte-lru";
import { registerCache } from "../cache/registry";
import { NotFoundError } from "../errors";
import { isGroupModerator, type Viewer } from "../policies/annotations";
import { annotationIri, etagOfText, presentAnnotation } from "../presenters/annotation";
import { visiblePage, type AnnotationRow } from "../queries/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { annotationPage, containerDescription, hasPage, pageWindow, type CollectionState, type ContainerQuery } from "./collection";
import type { ContainerPreference } from "./prefer";
import { JsonText, utf8Bytes } from "./responses";

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
const cache = registerCache("w3c.containers", new ByteLru<Cached>(CACHE_BYTES, (entry) => entry.json.bytes.byteLength + 200));

/**
 * A page's items, serialized, by what they are made of: the page's fingerprint (its rows and
 * their row versions, see pageFingerprint) and what presentAnnotation reads of the viewer. A
 * change to one annotation makes only its own page be presented again; the others are reused
 * even though the document's revision moved.
 */
const ITEMS_CACHE_BYTES = 32 * 1024 * 1024;
const itemsCache = registerCache("w3c.page-items", new ByteLru<Uint8Array>(ITEMS_CACHE_BYTES, (bytes) => bytes.byteLength + 200));

function itemsKey(parts: { documentId: string; viewer: Viewer; origin: string; iris: boolean; fingerprint: string }) {
  const { viewer } = parts;
  return JSON.stringify([parts.documentId, viewer.userId, isGroupModerator(viewer), viewer.anonymousPeers ?? false, parts.origin, parts.iris, parts.fingerprint]);
}

/** Stands for the items array in the serialized page until the items' own bytes replace it. */
const ITEMS_PLACEHOLDER = "\u0000items\u0000";
const PLACEHOLDER_JSON = JSON.stringify([ITEMS_PLACEHOLDER]);

/**
 * The answer's bytes: the page or container serialized around its items. User text cannot
 * produce the placeholder's JSON (inside a JSON string a quote is always escaped), so it is
 * found exactly once.
 */
function spliceItems(text: string, items: Uint8Array): Uint8Array[] {
  const at = text.indexOf(PLACEHOLDER_JSON);
  if (at < 0 || text.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) throw new Error("the items placeholder must occur exactly once");
  return [utf8Bytes(text.slice(0, at)), items, utf8Bytes(text.slice(at + PLACEHOLDER_JSON.length))];
}

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
  const visible = await visiblePage(document.id, viewer, wantsRows ? window : { skip: 0, take: 0 }, document.annotationsSetRevision);
  const { total, modified } = visible;
  const state: CollectionState = { ...base, total, modified };
  if (page !== null && !hasPage(state, page)) throw new NotFoundError("Page");

  // The items: reused when the page's rows are unchanged, else read and presented.
  let items: Uint8Array | null = null;
  if (visible.hasRows) {
    const itemKey = itemsKey({ documentId: document.id, viewer, origin: opts.origin, iris, fingerprint: await visible.fingerprint() });
    items = itemsCache.get(itemKey) ?? null;
    if (!items) {
      items = utf8Bytes(JSON.stringify(pageItems(await visible.rows(), state, viewer)));
      itemsCache.set(itemKey, items);
    }
  }
  const placeholder = items ? [ITEMS_PLACEHOLDER] : [];
  let body;
  if (page !== null) body = annotationPage(state, page, placeholder);
  else if (opts.prefer.minimal || state.total === 0) body = containerDescription(state);
  else body = containerDescription(state, placeholder);
  const text = JSON.stringify(body);
  const json = new JsonText(items ? spliceItems(text, items) : [utf8Bytes(text)]);
  // The ETag hashes the exact bytes the client gets, plus the set's newest change.
  const entry: Cached = { json, etag: etagOfText(`${modified?.toISOString() ?? ""}\n`, json.bytes), contentLocation: body.id };
  cache.set(key, entry);
  return { ...entry, page: page !== null };
}
