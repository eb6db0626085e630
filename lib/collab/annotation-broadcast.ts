import type { Document } from "@hocuspocus/server";
import type { AnnotationEvent } from "../annotations/events";
import { isAnnotationVisibleTo, isGroupModerator } from "../policies/annotations";
import { annotationIri, presentAnnotation } from "../presenters/annotation";
import { findAnnotation } from "../queries/system/annotations";
import { documentViewers } from "../queries/system/recipients";
import type { CollabContext } from "./AuthExtension";

/**
 * Sends an annotation event to each open connection of the document whose user may see the
 * item now, through the same policy as every read. Someone who could see it before and cannot
 * now (deleted, hidden, made private) is told to drop it; nobody else hears of it.
 */
export async function broadcastAnnotationEvent(document: Document, event: AnnotationEvent, fallbackOrigin: string) {
  const connections = document.getConnections();
  if (connections.length === 0) return;
  const row = await findAnnotation(event.documentId, event.annotationId);
  const groupId = (connections[0].context as CollabContext).groupId;
  const users = [...new Set(connections.map((c) => (c.context as CollabContext).userId))];
  const viewers = await documentViewers(event.documentId, groupId, users);
  for (const connection of connections) {
    const context = connection.context as CollabContext;
    const viewer = viewers.get(context.userId)!;
    const origin = context.origin ?? fallbackOrigin;
    if (row && isAnnotationVisibleTo(viewer, row)) {
      connection.sendStateless(JSON.stringify({ type: event.type, annotation: presentAnnotation(row, origin, viewer) }));
    } else if (event.before && isAnnotationVisibleTo(viewer, { ...event.before, deletedAt: null })) {
      const id = annotationIri(origin, event.documentId, event.annotationId);
      connection.sendStateless(JSON.stringify({ type: "annotation.deleted", annotation: { id } }));
    }
  }
}

/** A flag changes only what moderators see (its count): they get the item as an update; nobody else hears of it. */
export async function broadcastFlag(document: Document, event: AnnotationEvent, fallbackOrigin: string) {
  const connections = document.getConnections();
  const row = connections.length ? await findAnnotation(event.documentId, event.annotationId) : null;
  if (!row) return;
  const users = [...new Set(connections.map((c) => (c.context as CollabContext).userId))];
  const viewers = await documentViewers(event.documentId, (connections[0].context as CollabContext).groupId, users);
  for (const connection of connections) {
    const context = connection.context as CollabContext;
    const viewer = viewers.get(context.userId)!;
    if (!isGroupModerator(viewer) || !isAnnotationVisibleTo(viewer, row)) continue;
    const annotation = presentAnnotation(row, context.origin ?? fallbackOrigin, viewer);
    connection.sendStateless(JSON.stringify({ type: "annotation.updated", annotation }));
  }
}
