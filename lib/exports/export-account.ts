import { annotationContext, documentIri, presentAnnotation } from "../presenters/annotation";
import { loadAccountData } from "../queries/account";
import { escapeMarkdown } from "./markdown";
import { exportItemOf, type ExportItem } from "./items";

const indented = (text: string) => text.split("\n").map((line) => (line ? `  ${line}` : line)).join("\n");

/** One of my items: what, when, in what state, the words it is on, the note and its tags. */
function itemMarkdown(item: ExportItem): string {
  const flags = [item.visibility === "private" ? "private" : "", item.status !== "approved" ? item.status : "", item.orphaned ? "orphaned" : ""].filter(Boolean);
  const lines = [`- **${item.parentId || item.quote === null ? "Reply" : "Note"}**, ${item.created.slice(0, 10)}${flags.length ? ` (${flags.join(", ")})` : ""}`];
  if (item.quote) lines.push(indented(item.quote.split("\n").map((l) => `> ${escapeMarkdown(l)}`.trimEnd()).join("\n")));
  if (item.note.trim()) lines.push(indented(item.noteFormat === "text/plain" ? escapeMarkdown(item.note) : item.note));
  if (item.tags.length) lines.push(indented(`Tags: ${item.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(", ")}`));
  return lines.join("\n\n");
}

export const ACCOUNT_EXPORT_FORMATS = {
  jsonld: { contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', extension: "jsonld" },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
} as const;

/**
 * Everything the actor wrote, to take away: their annotations and replies (private ones too, in
 * every group and state) as W3C annotations, and the documents they created with their text.
 * JSON-LD for other tools, Markdown to read. Others' words are not included.
 */
export default async function exportAccount(opts: { actorId: string; origin: string; format: keyof typeof ACCOUNT_EXPORT_FORMATS }) {
  const { user, rows, documents } = await loadAccountData(opts.actorId);
  // The author sees their own items as they are: no names withheld, every status shown.
  const viewer = { userId: user.id, membership: null };
  const presented = rows.map((row) => presentAnnotation(row, opts.origin, viewer, { embedded: true }));
  const { contentType, extension } = ACCOUNT_EXPORT_FORMATS[opts.format];
  const disposition = `attachment; filename="marginalia-${user.id}.${extension}"`;
  const iri = `${opts.origin}/api/v1/me/export`;

  if (opts.format === "jsonld") {
    const body = {
      "@context": [...annotationContext(opts.origin), { schema: "http://schema.org/" }],
      id: iri,
      type: "AnnotationCollection",
      label: `Everything ${user.name} wrote on Marginalia`,
      creator: { id: `${opts.origin}/users/${user.id}`, type: "Person", name: user.name, "schema:email": user.email },
      generated: new Date().toISOString(),
      total: presented.length,
      ...(presented.length ? { first: { id: `${iri}#page-0`, type: "AnnotationPage", partOf: iri, startIndex: 0, items: presented } } : {}),
      "schema:hasPart": documents.map((d) => ({
        id: documentIri(opts.origin, d.id),
        type: "schema:CreativeWork",
        "schema:name": d.title,
        "schema:dateCreated": d.createdAt.toISOString(),
        "schema:isPartOf": { "schema:name": d.group.name },
        "schema:encodingFormat": d.sourceFormat,
        "schema:text": d.text,
      })),
    };
    return { body: JSON.stringify(body, null, 2), contentType, disposition };
  }

  const sections = [`# Everything ${escapeMarkdown(user.name)} wrote on Marginalia`, `Exported ${new Date().toISOString().slice(0, 10)}.`];
  const byDocument = new Map<string, number[]>();
  rows.forEach((row, i) => byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), i]));
  sections.push(`## Annotations and replies (${rows.length})`);
  if (!rows.length) sections.push("None yet.");
  for (const indexes of byDocument.values()) {
    const { document } = rows[indexes[0]];
    const visible = new Set(indexes.map((i) => rows[i].id));
    const items = indexes.map((i) => exportItemOf(rows[i], presented[i], visible));
    sections.push(`### ${escapeMarkdown(document.title)} (${escapeMarkdown(document.group.name)})`, items.map(itemMarkdown).join("\n\n"));
  }
  sections.push(`## Documents I created (${documents.length})`);
  if (!documents.length) sections.push("None.");
  for (const d of documents) sections.push(`### ${escapeMarkdown(d.title)}\n\nIn ${escapeMarkdown(d.group.name)}, created ${d.createdAt.toISOString().slice(0, 10)}.\n\n${d.text.split("\n").map((l) => `> ${l}`).join("\n")}`);
  return { body: `${sections.join("\n\n")}\n`, contentType, disposition };
}
