import { settleAnchors } from "../annotations/live-documents";
import { ValidationError } from "../errors";
import { presentAnnotation } from "../presenters/annotation";
import { listVisibleAnnotations } from "../queries/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { annotationsToCsv } from "./csv";
import { attachmentDisposition } from "./filename";
import { exportItemOf, threadsOf } from "./items";
import { annotationsToJsonLd } from "./jsonld";
import { annotationsToMarkdown } from "./markdown";

export const EXPORT_FORMATS = {
  jsonld: { contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', extension: "jsonld" },
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function parseExportFormat(value: string | null): ExportFormat {
  const format = value ?? "jsonld";
  if (!(format in EXPORT_FORMATS)) throw new ValidationError(`format is one of: ${Object.keys(EXPORT_FORMATS).join(", ")}`);
  return format as ExportFormat;
}

/**
 * A document's annotations as a download, exactly those the actor may see and as they see
 * them (pending, private and anonymous-to-peers rules come from the policies and presenter).
 */
export default async function exportAnnotations(opts: { documentId: string; actorId: string; origin: string; format: ExportFormat; iri: string }) {
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  await settleAnchors(document.id);
  const rows = await listVisibleAnnotations(document.id, viewer);
  const presented = rows.map((row) => presentAnnotation(row, opts.origin, viewer, { embedded: true }));
  const label = `Annotations on “${document.title}”`;
  const { contentType, extension } = EXPORT_FORMATS[opts.format];
  let body: string;
  if (opts.format === "jsonld") {
    const modified = rows.reduce<Date | null>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), null);
    body = JSON.stringify(annotationsToJsonLd({ origin: opts.origin, iri: opts.iri, label, items: presented, modified: modified?.toISOString() }), null, 2);
  } else {
    const visible = new Set(rows.map((r) => r.id));
    const threads = threadsOf(rows.map((row, i) => exportItemOf(row, presented[i], visible)));
    body = opts.format === "csv" ? annotationsToCsv(threads) : annotationsToMarkdown(document.title, threads);
  }
  return { body, contentType, disposition: attachmentDisposition(document.title, extension) };
}
