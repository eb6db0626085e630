import { annotationContext, type PresentedAnnotation } from "../presenters/annotation";

/**
 * Everything the viewer may see as one self-contained AnnotationCollection whose single
 * embedded page holds full descriptions: the form other W3C tools and our import read.
 */
export function annotationsToJsonLd(opts: { origin: string; iri: string; label: string; items: PresentedAnnotation[]; modified?: string }) {
  const total = opts.items.length;
  return {
    "@context": annotationContext(opts.origin),
    id: opts.iri,
    type: "AnnotationCollection",
    label: opts.label,
    total,
    ...(opts.modified ? { modified: opts.modified } : {}),
    ...(total ? { first: { id: `${opts.iri}#page-0`, type: "AnnotationPage", partOf: opts.iri, startIndex: 0, items: opts.items }, last: `${opts.iri}#page-0` } : {}),
  };
}
