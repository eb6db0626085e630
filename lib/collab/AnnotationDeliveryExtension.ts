import type { Document, Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { onAnnotationEvent, type AnnotationEvent } from "../annotations/events";
import { isDatabaseOutage } from "../health/dependency";
import { broadcastAnnotationEvent, broadcastFlag } from "./annotation-broadcast";
import { collabLogger } from "./collab-log";

type Configuration = {
  /** Origin for IRIs when a connection did not tell one (APP_URL or the request's). */
  origin: string;
  logger: (message: string, error?: unknown) => void;
};

/**
 * Delivers annotation events to the pages open on a live document, filtered per recipient by
 * the read policy: this process's events as they happen, and those of other instances as
 * EventRelayExtension hands them over (`deliver`).
 */
export class AnnotationDeliveryExtension implements Extension {
  extensionName = "MarginaliaAnnotationDelivery";
  private configuration: Configuration;
  private instance?: Hocuspocus;
  private unsubscribe?: () => void;

  constructor(configuration: Partial<Configuration> = {}) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, v]) => v !== undefined));
    this.configuration = { origin: "http://localhost:3000", logger: collabLogger, ...given } as Configuration;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    this.unsubscribe = onAnnotationEvent((event) => void this.deliver(event));
  }

  async onDestroy() {
    this.unsubscribe?.();
  }

  /** Tells the open pages of the event's document, if it is loaded here; a flag reaches moderators only. */
  async deliver(event: AnnotationEvent) {
    const document = this.instance?.documents.get(event.documentId) as Document | undefined;
    if (!document) return;
    try {
      if (event.type === "annotation.flagged") await broadcastFlag(document, event, this.configuration.origin);
      else await broadcastAnnotationEvent(document, event, this.configuration.origin);
    } catch (error) {
      if (!isDatabaseOutage(error, "delivering an annotation event")) this.configuration.logger(`delivering ${event.type} for ${event.annotationId} failed`, error);
    }
  }
}
