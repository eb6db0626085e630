import "server-only";
import type * as Y from "yjs";
import { anchorTarget } from "../annotations/anchor-target";
import { notifyAfterPost } from "../annotations/after-post";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { UnprocessableError } from "../errors";
import { authorize } from "../policies";
import { initialStatus, isAnnotationVisibleTo } from "../policies/annotations";
import { annotationInclude } from "../queries/annotations";
import { findAnnotation } from "../queries/system/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { parseW3cAnnotation, type AnnotationInput } from "../validation/annotation";

/** The id an annotation IRI ends with: <origin>/api/annotations/<documentId>/<id>. */
function idFromIri(iri: string): string {
  return iri.replace(/\/+$/, "").split("/").at(-1) ?? "";
}

/**
 * Creates an annotation on a document's text, or a reply in a thread. The target is anchored
 * on the server's current copy of the text (position, else quote, else a close match). In a
 * pre-moderated group, posts from below moderator start pending.
 */
export default async function createAnnotation(opts: {
  actorId: string;
  documentId: string;
  input: unknown;
  /** W3C provenance the server keeps as given: the client's canonical IRI, and IRIs it was copied from. */
  provenance?: { canonical?: string; via?: string[] };
  /** Imports pass false: hundreds of restored notes must not notify anyone. */
  notify?: boolean;
  /** The document's state already loaded, so an import loads and projects the text once. */
  documentState?: Y.Doc;
}) {
  const input: AnnotationInput = parseW3cAnnotation(opts.input);
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  authorize(viewer.membership, "annotation.create");
  const status = initialStatus(viewer, document.group.moderation);
  const base = {
    documentId: document.id,
    groupId: document.groupId,
    authorId: opts.actorId,
    motivation: input.motivation,
    visibility: input.visibility ?? "group",
    status,
    body: input.body,
    bodyFormat: input.bodyFormat,
    tags: input.tags,
    canonical: opts.provenance?.canonical ?? null,
    via: opts.provenance?.via ?? [],
  } as const;

  let row;
  if (input.target.kind === "reply") {
    const parent = await findAnnotation(document.id, idFromIri(input.target.parent));
    if (!parent || !isAnnotationVisibleTo(viewer, parent)) throw new UnprocessableError("The annotation replied to is not in this document", "reply_target_not_found");
    authorize(viewer, "annotation.reply", parent);
    const threadId = parent.threadId ?? parent.id;
    // A reply is as visible as its thread: a reply in a private thread stays private.
    const visibility = parent.visibility === "private" ? "private" : base.visibility;
    row = await db().annotation.create({ data: { ...base, visibility, motivation: "replying", parentId: parent.id, threadId }, include: annotationInclude });
  } else {
    const text = input.target.text;
    if (!text.source.replace(/\/+$/, "").endsWith(`/documents/${document.id}`)) {
      throw new UnprocessableError("The target's source must be this document's IRI (<origin>/documents/<id>)", "target_source");
    }
    const anchored = await anchorTarget(document.id, text, opts.documentState);
    row = await db().annotation.create({
      data: {
        ...base,
        anchorStart: Buffer.from(anchored.anchor.start),
        anchorEnd: Buffer.from(anchored.anchor.end),
        quoteExact: anchored.exact,
        quotePrefix: anchored.prefix,
        quoteSuffix: anchored.suffix,
        positionStart: anchored.start,
        positionEnd: anchored.end,
      },
      include: annotationInclude,
    });
  }
  publishAnnotationEvents([{ type: "annotation.created", documentId: document.id, annotationId: row.id }]);
  if (opts.notify !== false) await notifyAfterPost(row.id);
  return { annotation: row, viewer };
}
