/**
 * The collaboration server's annotation messages ({type: "annotation.created" | …, annotation})
 * turned into store changes. Anything malformed is ignored: the socket is shared with the text.
 */
import { lastSegment, type AnnotationJSON } from "./model";

export type LiveAnnotationChange =
  | { kind: "upsert"; annotation: AnnotationJSON; created: boolean }
  | { kind: "remove"; id: string };

const UPSERTS = new Set(["annotation.created", "annotation.updated", "annotation.moderated"]);

function isPresented(value: unknown): value is AnnotationJSON {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const creator = v.creator as Record<string, unknown> | undefined;
  return (
    typeof v.id === "string" &&
    typeof v.created === "string" &&
    typeof v.modified === "string" &&
    (typeof v.target === "string" || (typeof v.target === "object" && v.target !== null)) &&
    typeof creator === "object" &&
    creator !== null &&
    (creator.id === undefined || typeof creator.id === "string") &&
    typeof creator.name === "string"
  );
}

export function annotationChange(message: { type: string } & Record<string, unknown>): LiveAnnotationChange | null {
  const annotation = message.annotation as { id?: unknown } | undefined;
  if (message.type === "annotation.deleted") {
    return typeof annotation?.id === "string" ? { kind: "remove", id: lastSegment(annotation.id) } : null;
  }
  if (!UPSERTS.has(message.type) || !isPresented(annotation)) return null;
  return { kind: "upsert", annotation, created: message.type === "annotation.created" };
}
