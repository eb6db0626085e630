import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Document, Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { randomUUID } from "node:crypto";
import { sharedPool } from "../db/pool";
import { isDatabaseOutage } from "../health/dependency";
import { onAnnotationEvent, publishAnnotationEvents, relayAnnotationEvent, type AnnotationEvent } from "../annotations/events";
import { registerLiveDocuments } from "../annotations/live-documents";
import { onRevocation, relayRevocation, type Revocation } from "../auth/revocation";
import { reanchor, type StoredAnchor } from "../annotations/reanchor";
import { isAnnotationVisibleTo, isGroupModerator, type Viewer } from "../policies/annotations";
import { presentAnnotation } from "../presenters/annotation";
import { findAnnotation } from "../queries/annotations";
import { membershipsOf } from "./access";
import { broadcastAnnotationEvent } from "./annotation-broadcast";
import { CLOSE, closeConnection } from "./messages";
import { PgChannel } from "./PgChannel";
import { AnnotationAnchors } from "./annotation-anchors";
import type { CollabContext } from "./AuthExtension";
import { collabLogger } from "./collab-log";

/**
 * `since`: the first edit not re-anchored yet; `lastEdit`: the latest (the timer checks it when it
 * fires); `loaded`: the anchors were read from storage (false while it was unreachable at load).
 */
type Live = { anchors: StoredAnchor[]; loaded: boolean; dirty: boolean; timer?: NodeJS.Timeout; since?: number; lastEdit: number; running: Promise<void> | null };

type Configuration = {
  databaseUrl: string;
  redisUrl?: string;
  /** Quiet time after an edit before anchors are re-resolved and stored. */
  reanchorDelayMs: number;
  /** Longest the stored selectors may lag behind continuous typing. */
  reanchorMaxDelayMs: number;
  /** Origin for IRIs when a connection did not tell one (APP_URL or the request's). */
  origin: string;
  logger: (message: string, error?: unknown) => void;
};

/** How long to wait before re-anchoring again when storage was unreachable. */
const RETRY_MS = 2000;

/**
 * Between instances, a Postgres notification channel (not Redis, so annotation events survive a
 * Redis outage): `{from, event}` for an annotation event, `{from, deleted}` for a deleted document,
 * `{from, revoked}` for revoked sessions and API tokens.
 */
const CHANNEL = "marginalia_annotation_events";
/** Clocks of instances differ a little: catching up starts this much before the channel was lost. */
const CATCH_UP_MARGIN_MS = 5000;

/**
 * Annotations on live documents: keeps each annotation's stored W3C selectors in step with the
 * text as it is edited (resolving the Yjs anchors on the server's own copy), and delivers
 * annotation events to open pages, filtered per recipient by the read policy. With Redis,
 * events and document deletions reach the connections of every instance.
 */
export class AnnotationExtension implements Extension {
  extensionName = "MarginaliaAnnotations";
  private configuration: Configuration;
  private instance?: Hocuspocus;
  private live = new Map<string, Live>();
  private store: AnnotationAnchors;
  private cleanups: (() => void)[] = [];
  private channel?: PgChannel;
  private readonly instanceId = randomUUID();

  constructor(configuration: Partial<Configuration> & { databaseUrl: string }) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, v]) => v !== undefined));
    this.configuration = { reanchorDelayMs: 250, reanchorMaxDelayMs: 1000, origin: "http://localhost:3000", logger: collabLogger, ...given } as Configuration;
    this.store = new AnnotationAnchors(sharedPool(this.configuration.databaseUrl));
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    this.cleanups.push(
      registerLiveDocuments({
        get: (id) => (this.live.has(id) ? instance.documents.get(id) : undefined),
        reanchor: (id) => this.settle(id),
        closeDeleted: (id) => {
          this.closeDeletedHere(id);
          // Readers of it on other instances are closed too (they would only notice at their next save).
          this.publish({ deleted: id });
        },
      }),
      onAnnotationEvent((event) => {
        void this.deliver(event);
        this.publish({ event });
      }),
      // Revoked credentials close connections and streams on every instance (CredentialWatcher, the moderation stream).
      onRevocation((revoked) => this.publish({ revoked })),
    );
    // Several instances (they share documents through Redis) also share annotation events.
    if (this.configuration.redisUrl) {
      this.channel = new PgChannel({
        connectionString: this.configuration.databaseUrl,
        pool: sharedPool(this.configuration.databaseUrl),
        channel: CHANNEL,
        onMessage: (message) => this.received(message),
        onResume: (since) => void this.catchUp(since),
        logger: this.configuration.logger,
      });
      this.channel.start();
    }
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
    // The document itself loaded; if its anchors cannot be read now, the first re-anchoring reads them.
    const anchors = await this.store.load(documentName).catch((error) => {
      if (!isDatabaseOutage(error, "loading annotation anchors")) this.configuration.logger(`loading the annotations of ${documentName} failed`, error);
      return null;
    });
    const state: Live = { anchors: anchors ?? [], loaded: anchors !== null, dirty: true, lastEdit: 0, running: null };
    this.live.set(documentName, state);
    document.on("update", () => this.schedule(documentName, state));
    // Selectors may be stale if the last instance stopped mid-edit: check once on load.
    this.schedule(documentName, state);
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload) {
    await this.settle(documentName);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    clearTimeout(this.live.get(documentName)?.timer);
    this.live.delete(documentName);
  }

  async onDestroy() {
    for (const state of this.live.values()) clearTimeout(state.timer);
    await Promise.all([...this.live.values()].map((s) => s.running));
    this.cleanups.forEach((cleanup) => cleanup());
    await this.channel?.close();
  }

  /** Runs any pending re-anchoring of the document now and waits for it to be stored. */
  async settle(documentName: string) {
    const state = this.live.get(documentName);
    if (!state) return;
    await state.running;
    if (state.dirty) await this.run(documentName, state);
  }

  /**
   * Re-anchors `reanchorDelayMs` after the latest edit, or `reanchorMaxDelayMs` after the first
   * one not re-anchored yet, whichever comes first. Called on every update, so it only notes
   * the time: one timer is armed at a time and, when it fires early, re-armed for what is left.
   */
  private schedule(documentName: string, state: Live) {
    const now = Date.now();
    state.dirty = true;
    state.since ??= now;
    state.lastEdit = now;
    if (!state.timer) this.arm(documentName, state, now);
  }

  private arm(documentName: string, state: Live, now: number) {
    const due = Math.min(state.lastEdit + this.configuration.reanchorDelayMs, (state.since ?? now) + this.configuration.reanchorMaxDelayMs);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const at = Date.now();
      if (state.dirty && state.since !== undefined && at < Math.min(state.lastEdit + this.configuration.reanchorDelayMs, state.since + this.configuration.reanchorMaxDelayMs)) this.arm(documentName, state, at);
      else void this.run(documentName, state);
    }, Math.max(0, due - now));
  }

  private run(documentName: string, state: Live): Promise<void> {
    if (state.running) return state.running.then(() => (state.dirty ? this.run(documentName, state) : undefined));
    clearTimeout(state.timer);
    state.timer = undefined;
    state.dirty = false;
    state.since = undefined;
    state.running = this.reanchor(documentName, state).finally(() => {
      state.running = null;
    });
    return state.running;
  }

  private async reanchor(documentName: string, state: Live) {
    const document = this.instance?.documents.get(documentName);
    if (!document || this.live.get(documentName) !== state) return;
    try {
      if (!state.loaded) {
        state.anchors = await this.store.load(documentName);
        state.loaded = true;
      }
      const changes = reanchor(document, state.anchors);
      if (changes.length === 0) return;
      await this.store.save(changes);
      const byId = new Map(changes.map((c) => [c.id, c]));
      state.anchors = state.anchors.map((a) => {
        const c = byId.get(a.id);
        return c ? { id: c.id, anchor: c.anchor, start: c.start, end: c.end, exact: c.orphaned ? a.exact : c.exact, prefix: c.orphaned ? a.prefix : c.prefix, suffix: c.orphaned ? a.suffix : c.suffix, orphaned: c.orphaned } : a;
      });
      // Positions shift on every keystroke and pages track them locally; words gained or lost are news.
      const news = changes.filter((c) => c.quoteChanged || c.orphanChanged || c.anchorChanged);
      publishAnnotationEvents(news.map((c) => ({ type: "annotation.updated", documentId: documentName, annotationId: c.id })));
    } catch (error) {
      state.dirty = true;
      if (!isDatabaseOutage(error, "re-anchoring annotations")) this.configuration.logger(`re-anchoring the annotations of ${documentName} failed`, error);
      // Storage away: try again in a while even if nobody types meanwhile.
      else state.timer ??= setTimeout(() => {
        state.timer = undefined;
        if (this.live.get(documentName) === state) void this.run(documentName, state);
      }, RETRY_MS);
    }
  }

  /** Keeps the in-memory anchors in step with annotation changes, then tells the open pages. */
  private async deliver(event: AnnotationEvent) {
    const document = this.instance?.documents.get(event.documentId);
    const state = this.live.get(event.documentId);
    if (!document || !state) return;
    try {
      if (event.type === "annotation.flagged") return await this.deliverFlag(document as Document, event);
      if (event.type !== "annotation.moderated") await this.refresh(event, state);
      await broadcastAnnotationEvent(document as Document, event, this.configuration.origin);
    } catch (error) {
      if (!isDatabaseOutage(error, "delivering an annotation event")) this.configuration.logger(`delivering ${event.type} for ${event.annotationId} failed`, error);
    }
  }

  /** A flag changes only what moderators see (its count): they get the item as an update; nobody else hears of it. */
  private async deliverFlag(document: Document, event: AnnotationEvent) {
    const connections = document.getConnections();
    const row = connections.length ? await findAnnotation(event.documentId, event.annotationId) : null;
    if (!row) return;
    const users = [...new Set(connections.map((c) => (c.context as CollabContext).userId))];
    const memberships = await membershipsOf((connections[0].context as CollabContext).groupId, users);
    for (const connection of connections) {
      const context = connection.context as CollabContext;
      const viewer: Viewer = { userId: context.userId, membership: memberships.get(context.userId) ?? null };
      if (!isGroupModerator(viewer) || !isAnnotationVisibleTo(viewer, row)) continue;
      const annotation = presentAnnotation(row, context.origin ?? this.configuration.origin, viewer);
      connection.sendStateless(JSON.stringify({ type: "annotation.updated", annotation }));
    }
  }

  private async refresh(event: AnnotationEvent, state: Live) {
    const others = state.anchors.filter((a) => a.id !== event.annotationId);
    if (event.type === "annotation.deleted") {
      state.anchors = others;
      return;
    }
    const [fresh] = await this.store.load(event.documentId, [event.annotationId]);
    if (!fresh) return;
    const known = state.anchors.find((a) => a.id === event.annotationId);
    if (known && known.anchor.start.length === fresh.anchor.start.length && Buffer.compare(Buffer.from(known.anchor.start), Buffer.from(fresh.anchor.start)) === 0 && Buffer.compare(Buffer.from(known.anchor.end), Buffer.from(fresh.anchor.end)) === 0) return;
    state.anchors = [...others, fresh];
  }

  /** Closes this instance's connections to a document that no longer exists. */
  private closeDeletedHere(documentId: string) {
    for (const connection of this.instance?.documents.get(documentId)?.getConnections() ?? []) closeConnection(connection, CLOSE.documentDeleted);
  }

  /** Sends an event or a deletion to the other instances; lost only if the database is away, when nothing can change anyway. */
  private publish(message: { event?: AnnotationEvent; deleted?: string; revoked?: Revocation }) {
    this.channel?.publish(JSON.stringify({ from: this.instanceId, ...message })).catch((error) => {
      if (!isDatabaseOutage(error, "publishing an annotation event")) this.configuration.logger("publishing an annotation event failed", error);
    });
  }

  private received(message: string) {
    try {
      const { from, event, deleted, revoked } = JSON.parse(message) as { from: string; event?: AnnotationEvent; deleted?: string; revoked?: Revocation };
      if (from === this.instanceId) return;
      if (typeof deleted === "string") return this.closeDeletedHere(deleted);
      if (revoked) return relayRevocation(revoked);
      if (!event) throw new Error("neither an event, a deletion nor a revocation");
      void this.deliver(event);
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
    const open = [...this.live.keys()];
    if (!open.length) return;
    try {
      const changed = await this.store.changedSince(open, new Date(since.getTime() - CATCH_UP_MARGIN_MS));
      for (const row of changed) {
        const event: AnnotationEvent = row.deletedAt
          ? { type: "annotation.deleted", documentId: row.documentId, annotationId: row.id, before: row.facts }
          : { type: "annotation.updated", documentId: row.documentId, annotationId: row.id };
        void this.deliver(event);
      }
    } catch (error) {
      if (!isDatabaseOutage(error, "catching up on annotation events")) this.configuration.logger("catching up on annotation events failed", error);
    }
  }
}
