import { ValidationError } from "../errors";
import { TooManyItemsError } from "./errors";

/** Most annotations one import request may carry. */
export const IMPORT_MAX_ITEMS = 5000;
/** Largest import body, in bytes. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const typesOf = (value: Record<string, unknown>) => ([] as unknown[]).concat(value.type ?? []).map(String);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A page's items, following pages that are embedded through `next` (linked ones cannot be fetched here). */
function pageItems(page: Record<string, unknown>): unknown[] {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  let current: unknown = page;
  while (isObject(current) && !seen.has(current)) {
    seen.add(current);
    items.push(...([] as unknown[]).concat(current.items ?? []));
    current = current.next;
  }
  if (typeof current === "string") throw new ValidationError("The collection links to further pages; embed every page (our export does) or import one page at a time");
  return items;
}

/**
 * The annotations of an import body: a JSON array of annotations, one Annotation, an
 * AnnotationPage, or an AnnotationCollection with its pages embedded (as our export writes).
 */
export function importItems(body: unknown, limit = IMPORT_MAX_ITEMS): unknown[] {
  let items: unknown[];
  if (Array.isArray(body)) items = body;
  else if (!isObject(body)) throw new ValidationError("Send a JSON array of annotations, an AnnotationPage or an AnnotationCollection");
  else if (typesOf(body).includes("AnnotationCollection")) {
    if (body.first === undefined) items = ([] as unknown[]).concat(body.items ?? []);
    else if (isObject(body.first)) items = pageItems(body.first);
    else throw new ValidationError("The collection links to its first page; embed the pages (our export does) or import the page itself");
  } else if (typesOf(body).includes("AnnotationPage")) items = pageItems(body);
  else if (typesOf(body).includes("Annotation")) items = [body];
  else throw new ValidationError("Send a JSON array of annotations, an AnnotationPage or an AnnotationCollection");
  if (items.length > limit) throw new TooManyItemsError(limit);
  return items;
}

const replyTargetOf = (item: unknown): string | null => {
  if (!isObject(item)) return null;
  const target = Array.isArray(item.target) && item.target.length === 1 ? item.target[0] : item.target;
  return typeof target === "string" ? target : null;
};

/**
 * The order to create items in: as given, except that an item of the same import that a
 * reply answers is created just before the reply. Returns original indexes; in a cycle of
 * replies the links that close it are ignored (those replies then fail).
 */
export function importOrder(items: unknown[]): number[] {
  const indexOfId = new Map<string, number>();
  items.forEach((item, i) => {
    if (isObject(item) && typeof item.id === "string" && !indexOfId.has(item.id)) indexOfId.set(item.id, i);
  });
  const order: number[] = [];
  const placed = new Set<number>();
  const open = new Set<number>();
  const place = (i: number) => {
    if (placed.has(i) || open.has(i)) return;
    open.add(i);
    const target = replyTargetOf(items[i]);
    const parent = target === null ? undefined : indexOfId.get(target);
    if (parent !== undefined) place(parent);
    open.delete(i);
    placed.add(i);
    order.push(i);
  };
  items.forEach((_, i) => place(i));
  return order;
}

/**
 * An item made ready for this document: a text target's source becomes the document's IRI;
 * a reply to an item of the same import points at the annotation made from it. `null` when
 * the item answers something that was not imported.
 */
export function retarget(item: Record<string, unknown>, opts: { documentSource: string; containerIri: string; importedIri: (oldIri: string) => string | undefined }): Record<string, unknown> | null {
  const raw = Array.isArray(item.target) && item.target.length === 1 ? item.target[0] : item.target;
  if (typeof raw === "string") {
    const mapped = opts.importedIri(raw);
    if (mapped) return { ...item, target: mapped };
    return raw.startsWith(opts.containerIri) ? { ...item, target: raw } : null;
  }
  if (isObject(raw)) return { ...item, target: { ...raw, source: opts.documentSource } };
  return item;
}
