import "server-only";
import { anchorTarget, type AnchoredTarget } from "../annotations/anchor-target";
import { notifyAfterPost } from "../annotations/after-post";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { NotFoundError, PreconditionFailedError, UnprocessableError } from "../errors";
import { authorize } from "../policies";
import { initialStatus, isAnnotationVisibleTo } from "../policies/annotations";
import { annotationInclude } from "../queries/annotations";
import { findAnnotation } from "../queries/system/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { parseW3cAnnotation } from "../validation/annotation";

/**
 * Replaces an annotation's note, tags and visibility (PUT semantics), and its target when the
 * posted selectors name other words. Editing an approved post in a pre-moderated group sends
 * it back to pending. `expectedVersion` makes the write conditional (If-Match): 412 if stale.
 */
export default async function updateAnnotation(opts: { actorId: string; documentId: string; annotationId: string; input: unknown; expectedVersion?: number }) {
  const input = parseW3cAnnotation(opts.input);
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  const current = await findAnnotation(document.id, opts.annotationId);
  if (!current || !isAnnotationVisibleTo(viewer, current)) throw new NotFoundError("Annotation");
  authorize(viewer, "annotation.edit", current);
  if ((input.target.kind === "reply") !== (current.parentId !== null)) throw new UnprocessableError("A reply stays a reply and an annotation stays on the text", "target_kind");

  let anchored: AnchoredTarget | null = null;
  if (input.target.kind === "text") {
    const text = input.target.text;
    const same = text.exact === current.quoteExact && (text.start === undefined || (text.start === current.positionStart && text.end === current.positionEnd));
    if (!same) anchored = await anchorTarget(document.id, text);
  }
  const status = current.status === "approved" ? initialStatus(viewer, document.group.moderation) : current.status;
  const visibility = current.parentId && current.thread?.visibility === "private" ? "private" : (input.visibility ?? "group");
  const data = {
    body: input.body,
    bodyFormat: input.bodyFormat,
    tags: input.tags,
    visibility,
    status,
    version: { increment: 1 },
    ...(anchored
      ? {
          anchorStart: Buffer.from(anchored.anchor.start),
          anchorEnd: Buffer.from(anchored.anchor.end),
          quoteExact: anchored.exact,
          quotePrefix: anchored.prefix,
          quoteSuffix: anchored.suffix,
          positionStart: anchored.start,
          positionEnd: anchored.end,
          orphaned: false,
        }
      : {}),
  };
  const expected = opts.expectedVersion ?? current.version;
  const row = await db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({ where: { id: current.id, version: expected, deletedAt: null }, data });
    if (count === 0) throw new PreconditionFailedError();
    return tx.annotation.findUniqueOrThrow({ where: { id: current.id }, include: annotationInclude });
  });
  publishAnnotationEvents([{ type: "annotation.updated", documentId: document.id, annotationId: row.id, before: current }]);
  await notifyAfterPost(row.id);
  return { annotation: row, viewer };
}
