import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { onAnnotationEvent, publishAnnotationEvents, type AnnotationEvent } from "../annotations/events";
import { registerLiveDocuments } from "../annotations/live-documents";
import { reanchor, type StoredAnchor } from "../annotations/reanchor";
import storeReanchoredSelectors from "../commands/store-reanchored-selectors";
import { isDatabaseOutage } from "../health/dependency";
import { liveAnchorsOf } from "../queries/system/anchors";
import { collabLogger } from "./collab-log";

/**
 * `since`: the first edit not re-anchored yet; `lastEdit`: the latest (the timer checks it when it
 * fires); `loaded`: the anchors were read from storage (false while it was unreachable at load).
 */
type Live = { anchors: StoredAnchor[]; loaded: boolean; dirty: boolean; timer?: NodeJS.Timeout; since?: number; lastEdit: number; running: Promise<void> | null };

type Configuration = {
  /** Quiet time after an edit before anchors are re-resolved and stored. */
  reanchorDelayMs: number;
  /** Longest the stored selectors may lag behind continuous typing. */
  reanchorMaxDelayMs: number;
  logger: (message: string, error?: unknown) => void;
};

/** How long to wait before re-anchoring again when storage was unreachable. */
const RETRY_MS = 2000;

/**
 * Keeps each annotation's stored W3C selectors in step with the text of a live document as it is
 * edited, resolving the Yjs anchors on the server's own copy; changed quotes are announced as
 * annotation events. Reads through this process (settleAnchors) wait for it.
 */
export class ReanchorExtension implements Extension {
  extensionName = "MarginaliaReanchoring";
  private configuration: Configuration;
  private instance?: Hocuspocus;
  private live = new Map<string, Live>();
  private cleanups: (() => void)[] = [];

  constructor(configuration: Partial<Configuration> = {}) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, v]) => v !== undefined));
    this.configuration = { reanchorDelayMs: 250, reanchorMaxDelayMs: 1000, logger: collabLogger, ...given } as Configuration;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    this.cleanups.push(
      registerLiveDocuments({ get: (id) => (this.live.has(id) ? instance.documents.get(id) : undefined), reanchor: (id) => this.settle(id) }),
      onAnnotationEvent((event) => void this.refresh(event)),
    );
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
    // The document itself loaded; if its anchors cannot be read now, the first re-anchoring reads them.
    const anchors = await liveAnchorsOf(documentName).catch((error) => {
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
  }

  /** Runs any pending re-anchoring of the document now and waits for it to be stored. */
  async settle(documentName: string) {
    const state = this.live.get(documentName);
    if (!state) return;
    await state.running;
    if (state.dirty) await this.run(documentName, state);
  }

  /** Keeps the in-memory anchors of a live document in step with a change to one of its annotations. */
  async refresh(event: AnnotationEvent) {
    const state = this.live.get(event.documentId);
    if (!state || event.type === "annotation.flagged" || event.type === "annotation.moderated") return;
    const others = state.anchors.filter((a) => a.id !== event.annotationId);
    if (event.type === "annotation.deleted") {
      state.anchors = others;
      return;
    }
    try {
      const [fresh] = await liveAnchorsOf(event.documentId, [event.annotationId]);
      if (!fresh) return;
      const known = state.anchors.find((a) => a.id === event.annotationId);
      if (known && known.anchor.start.length === fresh.anchor.start.length && Buffer.compare(Buffer.from(known.anchor.start), Buffer.from(fresh.anchor.start)) === 0 && Buffer.compare(Buffer.from(known.anchor.end), Buffer.from(fresh.anchor.end)) === 0) return;
      state.anchors = [...others, fresh];
    } catch (error) {
      if (!isDatabaseOutage(error, "refreshing an annotation's anchor")) this.configuration.logger(`refreshing the anchor of ${event.annotationId} failed`, error);
    }
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
    const { reanchorDelayMs, reanchorMaxDelayMs } = this.configuration;
    const due = Math.min(state.lastEdit + reanchorDelayMs, (state.since ?? now) + reanchorMaxDelayMs);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const at = Date.now();
      if (state.dirty && state.since !== undefined && at < Math.min(state.lastEdit + reanchorDelayMs, state.since + reanchorMaxDelayMs)) this.arm(documentName, state, at);
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
        state.anchors = await liveAnchorsOf(documentName);
        state.loaded = true;
      }
      const changes = reanchor(document, state.anchors);
      if (changes.length === 0) return;
      await storeReanchoredSelectors({ changes });
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
}
