import { ValidationError } from "../errors";
import { ANNO_CONTEXT, containerIri, extensionContext } from "../presenters/annotation";

/** Annotations per AnnotationPage. */
export const PAGE_SIZE = 100;
export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";

/** The container's @context: the W3C model, LDP (for BasicContainer), then Marginalia's extensions. */
export function containerContext(origin: string) {
  return [ANNO_CONTEXT, LDP_CONTEXT, extensionContext(origin)];
}

/** What the container URL's query asks for: `?iris=1` for the IRIs variant, `?page=N` (from 0) for one page. */
export type ContainerQuery = { iris: boolean | null; page: number | null };

export function parseContainerQuery(params: URLSearchParams): ContainerQuery {
  const iris = params.get("iris");
  const page = params.get("page");
  if (iris !== null && iris !== "0" && iris !== "1") throw new ValidationError("iris is 0 or 1");
  if (page !== null && !/^\d{1,9}$/.test(page)) throw new ValidationError("page is a whole number from 0");
  return { iris: iris === null ? null : iris === "1", page: page === null ? null : Number(page) };
}

/** One variant of a document's collection, as a viewer sees it: what IRIs and pages it has. */
export type CollectionState = {
  origin: string;
  documentId: string;
  label: string;
  total: number;
  modified: Date | null;
  /** The IRIs variant (items are annotation IRIs) rather than full descriptions. */
  iris: boolean;
  pageSize?: number;
};

const sizeOf = (state: CollectionState) => state.pageSize ?? PAGE_SIZE;

/** The collection's own IRI: the container, with `?iris=1` for the IRIs variant (Protocol §4.2). */
export function collectionIri(state: Pick<CollectionState, "origin" | "documentId" | "iris">): string {
  return `${containerIri(state.origin, state.documentId)}${state.iris ? "?iris=1" : ""}`;
}

export function pageIri(state: Pick<CollectionState, "origin" | "documentId" | "iris">, page: number): string {
  return `${containerIri(state.origin, state.documentId)}?${state.iris ? "iris=1&" : ""}page=${page}`;
}

/** Index of the last page; -1 for an empty collection, which has no pages. */
export function lastPageIndex(state: CollectionState): number {
  return Math.ceil(state.total / sizeOf(state)) - 1;
}

/** Whether `page` exists: pages run from 0 to the last, and an empty collection has none. */
export function hasPage(state: CollectionState, page: number): boolean {
  return page >= 0 && page <= lastPageIndex(state);
}

/** The rows a page holds, as skip/take for the query. */
export function pageWindow(state: CollectionState, page: number) {
  return { skip: page * sizeOf(state), take: sizeOf(state) };
}

const modifiedOf = (state: CollectionState) => (state.modified ? { modified: state.modified.toISOString() } : {});

/**
 * An AnnotationPage (model §5.2). `items` are already presented (descriptions without
 * @context, or IRIs). Embedded in the container it carries no @context of its own.
 */
export function annotationPage(state: CollectionState, page: number, items: unknown[], opts: { embedded?: boolean } = {}) {
  const last = lastPageIndex(state);
  return {
    ...(opts.embedded ? {} : { "@context": containerContext(state.origin) }),
    id: pageIri(state, page),
    type: "AnnotationPage",
    partOf: { id: collectionIri(state), total: state.total, ...modifiedOf(state) },
    startIndex: page * sizeOf(state),
    ...(page > 0 ? { prev: pageIri(state, page - 1) } : {}),
    ...(page < last ? { next: pageIri(state, page + 1) } : {}),
    items,
  };
}

/**
 * The container's description (Protocol §4.2, model §5.1). With `firstItems` its first page
 * is embedded; without (PreferMinimalContainer) `first` is only a link. An empty container
 * has neither first nor last.
 */
export function containerDescription(state: CollectionState, firstItems?: unknown[]) {
  const last = lastPageIndex(state);
  return {
    "@context": containerContext(state.origin),
    id: collectionIri(state),
    type: ["BasicContainer", "AnnotationCollection"],
    label: state.label,
    total: state.total,
    ...modifiedOf(state),
    ...(last >= 0
      ? {
          first: firstItems ? annotationPage(state, 0, firstItems, { embedded: true }) : pageIri(state, 0),
          last: pageIri(state, last),
        }
      : {}),
  };
}
