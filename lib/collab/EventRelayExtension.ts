import type { Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { randomUUID } from "node:crypto";
import { onAnnotationEvent, relayAnnotationEvent, type AnnotationEvent } from "../annotations/events";
import { registerLiveDocuments } from "../annotations/live-documents";
import { onRevocation, relayRevocation, type Revocation } from "../auth/revocation";
import { isDatabaseOutage } from "../health/dependency";
import { annotationsChangedSince } from "../queries/system/anchors";
import { CLOSE, closeConnection } from "./messages";
import { collabLogger } from "./collab-log";

/** A notification channel shared by every instance (lib/db/pg-channel.ts: Postgres LISTEN/NOTIFY, so it outlives a Redis outage). */
export type InstanceChannel = { start(): void; publish(payload: string): Promise<void>; close(): Promise<void> };

type Configuration = {
  /** Opens the channel between instances; without it this instance is alone (no Redis, no peers). */
  openChannel?: (handlers: { onMessage: (payload: string) => void; onResume: (since: Date) => void }) => InstanceChannel;
  /** Hands an event of another instance (or one missed while the channel was lost) to this instance's live documents. */
  deliver: (event: AnnotationEvent) => void;
  logger: (message: string, error?: unknown) => void;
};

/** Clocks of instances differ a little: catching up starts this much before the channel was lost. */
const CATCH_UP_MARGIN_MS = 5000;

type Message = { from: string; event?: AnnotationEvent; deleted?: string; revoked?: Revocation };

/**
 * What happens on one instance and must reach the live connections of all: annotation events,
 * deleted documents (their connections are closed) and revoked credentials (CredentialWatcher
 * closes what they opened), as `{from, event | deleted | revoked}` on the channel between them.
 */
export class EventRelayExtension implements Extension {
  extensionName = "MarginaliaEventRelay";
  private configuration: Configuration;
  private instance?: Hocuspocus;
  private channel?: InstanceChannel;
  private cleanups: (() => void)[] = [];
  private readonly instanceId = randomUUID();

  constructor(configuration: Partial<Configuration> & Pick<Configuration, "deliver">) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, v]) => v !== undefined));
    this.configuration = { logger: collabLogger, ...given } as Configuration;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    this.cleanups.push(
      registerLiveDocuments({
        get: () => undefined,
        closeDeleted: (id) => {
          this.closeDeletedHere(id);
          // Readers of it on other instances are closed too (they would only notice at their next save).
          this.publish({ deleted: id });
        },
      }),
      onAnnotationEvent((event) => this.publish({ event })),
      onRevocation((revoked) => this.publish({ revoked })),
    );
    this.channel = this.configuration.openChannel?.({ onMessage: (message) => this.received(message), onResume: (since) => void this.catchUp(since) });
    this.channel?.start();
  }

  async onDestroy() {
    this.cleanups.forEach((cleanup) => cleanup());
    await this.channel?.close();
  }

  /** Closes this instance's connections to a document that no longer exists. */
  private closeDeletedHere(documentId: string) {
    for (const connection of this.instance?.documents.get(documentId)?.getConnections() ?? []) closeConnection(connection, CLOSE.documentDeleted);
  }

  /** Sends a message to the other instances; lost only if the database is away, when nothing can change anyway. */
  private publish(message: Omit<Message, "from">) {
    this.channel?.publish(JSON.stringify({ from: this.instanceId, ...message })).catch((error) => {
      if (!isDatabaseOutage(error, "publishing an annotation event")) this.configuration.logger("publishing an annotation event failed", error);
    });
  }

  private received(message: string) {
    try {
      const { from, event, deleted, revoked } = JSON.parse(message) as Message;
      if (from === this.instanceId) return;
      if (typeof deleted === "string") return this.closeDeletedHere(deleted);
      if (revoked) return relayRevocation(revoked);
      if (!event) throw new Error("neither an event, a deletion nor a revocation");
      this.configuration.deliver(event);
      // Listeners beyond the open documents (the moderation queue's stream) hear it too.
      relayAnnotationEvent(event);
    } catch (error) {
      this.configuration.logger("an unreadable annotation event arrived from another instance", error);
    }
  }

  /**
   * The channel was lost (the database restarted) and listens again: annotations of the open
   * documents that changed since, on any instance, are delivered again (at least once; pages
   * replace an annotation they already have). Deleted ones go to whoever could see them.
   */
  private async catchUp(since: Date) {
    const open = [...(this.instance?.documents.keys() ?? [])];
    if (!open.length) return;
    try {
      for (const row of await annotationsChangedSince(open, new Date(since.getTime() - CATCH_UP_MARGIN_MS))) {
        this.configuration.deliver(
          row.deletedAt
            ? { type: "annotation.deleted", documentId: row.documentId, annotationId: row.id, before: row.facts }
            : { type: "annotation.updated", documentId: row.documentId, annotationId: row.id },
        );
      }
    } catch (error) {
      if (!isDatabaseOutage(error, "catching up on annotation events")) this.configuration.logger("catching up on annotation events failed", error);
    }
  }
}
