"use server";

import { z } from "zod";
import { text } from "@/lib/validation/text";
import createAnnotation from "@/lib/commands/create-annotation";
import deleteAnnotation from "@/lib/commands/delete-annotation";
import reattachAnnotation from "@/lib/commands/reattach-annotation";
import updateAnnotation from "@/lib/commands/update-annotation";
import { formError, requireActor, type FormState } from "@/lib/http/action";
import { requestOrigin } from "@/lib/http/request-origin";
import { annotationIri, documentIri, presentAnnotation, type PresentedAnnotation } from "@/lib/presenters/annotation";
import { findAnnotationFor, listVisibleAnnotations } from "@/lib/queries/annotations";
import { consumeAnnotationWrite } from "@/lib/security/annotation-rate-limit";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { parseInput } from "@/lib/validation/parse";
import { MAX_BODY_LENGTH, MAX_QUOTE_LENGTH } from "@/lib/validation/annotation";

/** What the margin's actions answer: the annotation as the API presents it, or a form error. */
export type AnnotationActionState = FormState & {
  annotation?: PresentedAnnotation;
  annotations?: PresentedAnnotation[];
  /** With a list: hide-and-reveal still holds others' notes back from this reader. */
  hiddenUntilPosted?: boolean;
};

const noteFields = {
  /** Markdown note; empty for a plain highlight. */
  body: text().max(MAX_BODY_LENGTH),
  /** Tags as typed; the command trims, dedupes and limits them. */
  tags: z.array(text()).max(50),
  visibility: z.enum(["private", "group"]),
};

const newAnnotation = z.object({
  ...noteFields,
  /** The words as the browser saw them; the server anchors them on its own copy of the text. */
  quote: z.object({ exact: text().min(1).max(MAX_QUOTE_LENGTH), prefix: text().max(200), suffix: text().max(200) }),
  position: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }),
});

const noteChanges = z.object(noteFields);
const replyBody = text().max(MAX_BODY_LENGTH);

type Context = { actorId: string; origin: string };

/** Resolves the signed-in user and the origin; domain errors become form state. */
async function run(fn: (ctx: Context) => Promise<AnnotationActionState>): Promise<AnnotationActionState> {
  try {
    const actor = await requireActor();
    return await fn({ actorId: actor.id, origin: await requestOrigin() });
  } catch (error) {
    return formError(error);
  }
}

function bodies(body: string, tags: string[]) {
  return [
    ...(body.trim() ? [{ type: "TextualBody", value: body, format: "text/markdown", purpose: "commenting" }] : []),
    ...tags.map((tag) => ({ type: "TextualBody", value: tag, purpose: "tagging" })),
  ];
}

/** Highlight or comment on a passage of the text, from the selection menu. */
export async function createAnnotationAction(documentId: string, draft: z.input<typeof newAnnotation>): Promise<AnnotationActionState> {
  return run(async ({ actorId, origin }) => {
    const { quote, position, body, tags, visibility } = parseInput(newAnnotation, draft);
    const input = {
      type: "Annotation",
      body: bodies(body, tags),
      target: {
        source: documentIri(origin, documentId),
        selector: [
          { type: "TextQuoteSelector", ...quote },
          { type: "TextPositionSelector", ...position },
        ],
      },
      visibility,
    };
    await consumeAnnotationWrite(actorId);
    const { annotation, viewer } = await createAnnotation({ actorId, documentId, input });
    return { ok: true, annotation: presentAnnotation(annotation, origin, viewer, { embedded: true }) };
  });
}

/** A reply in a thread. */
export async function replyToAnnotationAction(documentId: string, parentId: string, body: string): Promise<AnnotationActionState> {
  return run(async ({ actorId, origin }) => {
    const value = parseInput(replyBody, body);
    const input = {
      type: "Annotation",
      motivation: "replying",
      body: { type: "TextualBody", value, format: "text/markdown", purpose: "replying" },
      target: annotationIri(origin, documentId, parentId),
    };
    await consumeAnnotationWrite(actorId);
    const { annotation, viewer } = await createAnnotation({ actorId, documentId, input });
    return { ok: true, annotation: presentAnnotation(annotation, origin, viewer, { embedded: true }) };
  });
}

/** Edits the author's own note, tags and visibility; the annotation stays on the same words. */
export async function updateAnnotationAction(documentId: string, annotationId: string, changes: z.input<typeof noteChanges>): Promise<AnnotationActionState> {
  return run(async ({ actorId, origin }) => {
    const { body, tags, visibility } = parseInput(noteChanges, changes);
    const { viewer: reader } = await loadDocumentForViewer(documentId, actorId);
    const { row: current } = await findAnnotationFor(reader, documentId, annotationId);
    // The target is restated as it is stored, so the command keeps the anchor (PUT replaces everything).
    const target = current.parentId
      ? annotationIri(origin, documentId, current.parentId)
      : {
          source: documentIri(origin, documentId),
          selector: { type: "TextQuoteSelector", exact: current.quoteExact || " ", prefix: current.quotePrefix ?? "", suffix: current.quoteSuffix ?? "" },
        };
    const input = { type: "Annotation", motivation: current.motivation, body: bodies(body, tags), target, visibility };
    await consumeAnnotationWrite(actorId);
    const { annotation, viewer } = await updateAnnotation({ actorId, documentId, annotationId, input });
    return { ok: true, annotation: presentAnnotation(annotation, origin, viewer, { embedded: true }) };
  });
}

/** Deletes the author's own annotation (a thread's first note takes its replies with it). */
export async function deleteAnnotationAction(documentId: string, annotationId: string): Promise<AnnotationActionState> {
  return run(async ({ actorId }) => {
    await deleteAnnotation({ actorId, documentId, annotationId });
    return { ok: true };
  });
}

/**
 * "Find the quote again" / "Attach to my selection" on an orphaned note (its author or a
 * moderator): `input` is {method: "quote"} or {method: "selection", exact, prefix, suffix, start, end}.
 */
export async function reattachAnnotationAction(annotationId: string, input: unknown): Promise<AnnotationActionState> {
  return run(async ({ actorId, origin }) => {
    const { annotation, viewer } = await reattachAnnotation({ actorId, annotationId, input });
    return { ok: true, annotation: presentAnnotation(annotation, origin, viewer, { embedded: true }) };
  });
}

/** Every annotation the reader may see, to catch up after the live connection was away. */
export async function listAnnotationsAction(documentId: string): Promise<AnnotationActionState> {
  return run(async ({ actorId, origin }) => {
    const { viewer } = await loadDocumentForViewer(documentId, actorId);
    const rows = await listVisibleAnnotations(documentId, viewer);
    return { ok: true, annotations: rows.map((row) => presentAnnotation(row, origin, viewer, { embedded: true })), hiddenUntilPosted: viewer.hiddenUntilPosted === true };
  });
}
