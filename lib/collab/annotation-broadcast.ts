import type { Document } from "@hocuspocus/server";
import type { AnnotationEvent } from "../annotations/events";
import { db } from "../db";
import { isAnnotationVisibleTo, isHiddenUntilPosted, seesPeersAnonymously, type Viewer } from "../policies/annotations";
import { annotationIri, presentAnnotation } from "../presenters/annotation";
import { findAnnotation } from "../queries/annotations";
import { postersAmong } from "../queries/visibility";
import { membershipsOf } from "./access";
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
  const memberships = await membershipsOf(groupId, users);
  const settings = await seminarSettings(event.documentId, users);
  for (const connection of connections) {
    const context = connection.context as CollabContext;
    const viewer: Viewer = { userId: context.userId, membership: memberships.get(context.userId) ?? null };
    viewer.anonymousPeers = seesPeersAnonymously(viewer, settings.group);
    viewer.hiddenUntilPosted = isHiddenUntilPosted(viewer, settings.document, settings.posted.has(context.userId));
    const origin = context.origin ?? fallbackOrigin;
    if (row && isAnnotationVisibleTo(viewer, row)) {
      connection.sendStateless(JSON.stringify({ type: event.type, annotation: presentAnnotation(row, origin, viewer) }));
    } else if (event.before && isAnnotationVisibleTo(viewer, { ...event.before, deletedAt: null })) {
      const id = annotationIri(origin, event.documentId, event.annotationId);
      connection.sendStateless(JSON.stringify({ type: "annotation.deleted", annotation: { id } }));
    }
  }
}

/** The document's seminar settings, and which of the users have posted on it (for hide-and-reveal). */
async function seminarSettings(documentId: string, users: string[]) {
  const document = await db().document.findUnique({ where: { id: documentId }, select: { hideUntilPosted: true, group: { select: { anonymousToPeers: true } } } });
  const settings = { document: { hideUntilPosted: document?.hideUntilPosted ?? false }, group: { anonymousToPeers: document?.group.anonymousToPeers ?? false } };
  if (!settings.document.hideUntilPosted) return { ...settings, posted: new Set<string>() };
  return { ...settings, posted: await postersAmong(documentId, users) };
}
