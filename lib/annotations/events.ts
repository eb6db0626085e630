import { EventEmitter } from "node:events";
import type { AnnotationFacts } from "../policies/annotations";

/** `annotation.flagged`: someone flagged it; only moderators may hear of it (flags are theirs to see). */
export type AnnotationEventType = "annotation.created" | "annotation.updated" | "annotation.deleted" | "annotation.moderated" | "annotation.flagged";

/**
 * Something happened to an annotation, after its transaction committed. `before` holds the
 * facts visibility depends on as they were, so a recipient who could see the item before
 * and cannot now is told to drop it, and nobody else learns it existed.
 */
export type AnnotationEvent = { type: AnnotationEventType; documentId: string; annotationId: string; before?: AnnotationFacts | null };

const EVENT = "annotation";
const RELAYED = "annotation.relayed";
const globalBus = globalThis as unknown as { marginaliaAnnotationEvents?: EventEmitter };

/** One bus per process: route handlers (Next's module graph) publish, the collaboration server listens. */
function bus(): EventEmitter {
  if (!globalBus.marginaliaAnnotationEvents) {
    globalBus.marginaliaAnnotationEvents = new EventEmitter();
    globalBus.marginaliaAnnotationEvents.setMaxListeners(100);
  }
  return globalBus.marginaliaAnnotationEvents;
}

export function publishAnnotationEvents(events: AnnotationEvent[]) {
  for (const event of events) bus().emit(EVENT, event);
}

/** Subscribes to every annotation event of this process; returns the unsubscribe function. */
export function onAnnotationEvent(listener: (event: AnnotationEvent) => void): () => void {
  bus().on(EVENT, listener);
  return () => bus().off(EVENT, listener);
}

/**
 * Re-emits an event that happened on another instance (the collaboration server's Redis relay
 * calls this). Kept apart from local events so the relay never sends it back out.
 */
export function relayAnnotationEvent(event: AnnotationEvent) {
  bus().emit(RELAYED, event);
}

/** Subscribes to the annotation events of every instance: this one's and those relayed from others. */
export function onAnnotationEventAnywhere(listener: (event: AnnotationEvent) => void): () => void {
  bus().on(EVENT, listener);
  bus().on(RELAYED, listener);
  return () => {
    bus().off(EVENT, listener);
    bus().off(RELAYED, listener);
  };
}
