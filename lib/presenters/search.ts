import { canSeeAuthorOf, type Viewer } from "../policies/annotations";
import { MATCH_END, MATCH_START, type SearchRow } from "../queries/search";
import { ANONYMOUS_NAME, annotationIri, documentIri, userIri } from "./annotation";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Light Markdown clean-up so a snippet reads as prose: link targets, emphasis marks, heading and quote markers. */
function plainMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/(^|\n)\s{0,3}(#{1,6}|>)\s+/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A ts_headline snippet as safe HTML: everything escaped, then the match marks turned into
 * <mark>…</mark>. The only tag that can come out is <mark>, whatever the annotation contains.
 */
export function snippetHtml(headline: string): string {
  const marked = escapeHtml(plainMarkdown(headline)).replace(new RegExp(`${MATCH_START}([^${MATCH_START}${MATCH_END}]*)${MATCH_END}`, "g"), "<mark>$1</mark>");
  return marked.replace(new RegExp(`[${MATCH_START}${MATCH_END}]`, "g"), "");
}

/** One search hit: where it is, who wrote it (unless the group keeps peers anonymous), and the matching words marked. */
export function presentSearchResult(row: SearchRow, origin: string, viewer: Viewer) {
  return {
    id: row.id,
    annotation: annotationIri(origin, row.documentId, row.id),
    url: `${documentIri(origin, row.documentId)}#annotation-${row.id}`,
    document: { id: row.documentId, title: row.documentTitle },
    author: canSeeAuthorOf(viewer, row) ? { id: row.authorId, iri: userIri(origin, row.authorId), name: row.authorName } : { name: ANONYMOUS_NAME },
    isReply: row.threadId !== null,
    threadId: row.threadId,
    snippet: snippetHtml(row.snippet),
    quote: snippetHtml(row.quoteSnippet),
    tags: row.tags,
    resolved: row.resolved,
    visibility: row.visibility,
    moderationStatus: row.status,
    created: row.createdAt.toISOString(),
    modified: row.updatedAt.toISOString(),
    score: Math.round(row.rank * 1e6) / 1e6,
    reactions: { helpful: row.helpful, question: row.question },
    myReactions: row.mine,
  };
}

export type PresentedSearchResult = ReturnType<typeof presentSearchResult>;
