import { createHash } from "node:crypto";
import { canSeeAuthorOf, isGroupModerator, type Viewer } from "../policies/annotations";
import type { AnnotationRow } from "../queries/annotations";

/** What peers see instead of a name in an anonymous-to-peers group. */
export const ANONYMOUS_NAME = "A classmate";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The second @context entry: Marginalia's extension properties, after the W3C one. */
export function extensionContext(origin: string) {
  const ns = `${origin}/ns/marginalia#`;
  return {
    mgn: ns,
    visibility: "mgn:visibility",
    moderationStatus: "mgn:moderationStatus",
    orphaned: { "@id": "mgn:orphaned", "@type": "http://www.w3.org/2001/XMLSchema#boolean" },
    flagCount: { "@id": "mgn:flagCount", "@type": "http://www.w3.org/2001/XMLSchema#integer" },
    locked: { "@id": "mgn:locked", "@type": "http://www.w3.org/2001/XMLSchema#boolean" },
    resolved: { "@id": "mgn:resolved", "@type": "http://www.w3.org/2001/XMLSchema#boolean" },
    reactions: "mgn:reactions",
    myReactions: { "@id": "mgn:myReactions", "@container": "@set" },
    anchor: "mgn:anchor",
  };
}

export function annotationContext(origin: string) {
  return [ANNO_CONTEXT, extensionContext(origin)];
}

export const containerIri = (origin: string, documentId: string) => `${origin}/api/annotations/${documentId}/`;
export const annotationIri = (origin: string, documentId: string, annotationId: string) => `${containerIri(origin, documentId)}${annotationId}`;
export const documentIri = (origin: string, documentId: string) => `${origin}/documents/${documentId}`;
export const userIri = (origin: string, userId: string) => `${origin}/users/${userId}`;

/** Reaction counts by kind ("helpful", "question") and the kinds this viewer gave; never who else reacted. */
export function reactionSummary(reactions: AnnotationRow["reactions"], viewer: Viewer) {
  const counts = { helpful: 0, question: 0 };
  const mine: (keyof typeof counts)[] = [];
  for (const reaction of reactions) {
    counts[reaction.kind]++;
    if (reaction.userId === viewer.userId) mine.push(reaction.kind);
  }
  return { reactions: counts, myReactions: mine };
}

const base64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("base64") : null);

/**
 * An annotation as W3C JSON-LD, for one viewer: moderators also get the open flag count.
 * `embedded` leaves out @context, for annotations inside a page that carries it.
 */
export function presentAnnotation(row: AnnotationRow, origin: string, viewer: Viewer, opts: { embedded?: boolean } = {}) {
  const bodies: Record<string, string>[] = [];
  if (row.body) bodies.push({ type: "TextualBody", value: row.body, format: row.bodyFormat, purpose: row.motivation === "replying" ? "replying" : "commenting" });
  for (const tag of row.tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  const target = row.parentId
    ? annotationIri(origin, row.documentId, row.parentId)
    : {
        source: documentIri(origin, row.documentId),
        selector: [
          { type: "TextQuoteSelector", exact: row.quoteExact ?? "", prefix: row.quotePrefix ?? "", suffix: row.quoteSuffix ?? "" },
          ...(row.orphaned || row.positionStart === null || row.positionEnd === null ? [] : [{ type: "TextPositionSelector", start: row.positionStart, end: row.positionEnd }]),
        ],
      };
  return {
    ...(opts.embedded ? {} : { "@context": annotationContext(origin) }),
    id: annotationIri(origin, row.documentId, row.id),
    type: "Annotation",
    motivation: row.motivation,
    created: row.createdAt.toISOString(),
    modified: row.updatedAt.toISOString(),
    // Anonymous to peers: no name, no id, nothing that tells two of one person's notes apart.
    creator: canSeeAuthorOf(viewer, row) ? { id: userIri(origin, row.author.id), type: "Person", name: row.author.name } : { type: "Person", name: ANONYMOUS_NAME },
    ...(row.canonical ? { canonical: row.canonical } : {}),
    ...(row.via.length ? { via: row.via.length === 1 ? row.via[0] : row.via } : {}),
    ...(bodies.length === 1 ? { body: bodies[0] } : bodies.length ? { body: bodies } : {}),
    target,
    visibility: row.visibility,
    moderationStatus: row.status,
    orphaned: row.orphaned,
    locked: row.locked,
    resolved: row.resolved,
    ...reactionSummary(row.reactions, viewer),
    ...(isGroupModerator(viewer) ? { flagCount: row.flags.length } : {}),
    ...(row.anchorStart && row.anchorEnd ? { anchor: { start: base64(row.anchorStart), end: base64(row.anchorEnd) } } : {}),
  };
}

export type PresentedAnnotation = ReturnType<typeof presentAnnotation>;

/** A strong ETag over the exact representation this viewer gets. */
export function etagOf(value: unknown): string {
  return etagOfText(JSON.stringify(value));
}

/** The same ETag over text or bytes already serialized (a large container page is encoded once). */
export function etagOfText(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return `"${hash.digest("base64url").slice(0, 27)}"`;
}
