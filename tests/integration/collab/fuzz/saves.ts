import * as Y from "yjs";
import type { SavedMessage } from "@/lib/collab/messages";
import type { Client } from "../harness";
import type { StoredReader } from "./state";

type Deleted = { client: number; clock: number; len: number };
type Claim = { clock: number; deletions: number; at: number; because: string };

/**
 * Follows one client's "saved" notices the way lib/collab/messages.ts defines them (and the
 * editor's badge reads them): a notice covers our edits when its clock for us reaches our
 * clock at the latest edit (inserts and marks) and nothing since only deleted, or when it
 * says `complete` while the server has applied everything we sent (no unsynced changes),
 * which is the only proof for deletions, as they carry no clock.
 *
 * Every time the client becomes "saved", the claim is checked against the database: its
 * own inserts up to that clock and its own deletions must be in the stored state. Storage
 * only grows, so a claim found false later was false when it was made.
 */
export class SaveTracker {
  private pending = false;
  private pendingDeletion = false;
  private requiredClock = 0;
  private readonly deletions: Deleted[] = [];
  private verifying: Promise<void> | null = null;
  private next: Claim | null = null;
  /** Claims of "saved" that the stored state contradicted. */
  readonly violations: string[] = [];
  /** Times the client became saved, and how many claims were checked. */
  savedTransitions = 0;
  checked = 0;

  constructor(
    private readonly client: Client,
    private readonly stored: StoredReader,
    private readonly documentId: string,
    private readonly label: string,
    private readonly started = Date.now(),
  ) {
    const { provider, doc } = client;
    doc.on("afterTransaction", (transaction: Y.Transaction) => {
      if (transaction.origin === provider || !transaction.local) return;
      for (const [clientId, items] of transaction.deleteSet.clients) {
        for (const item of items) this.deletions.push({ client: clientId, clock: item.clock, len: item.len });
      }
    });
    doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      const clock = Y.getState(doc.store, doc.clientID);
      this.pending = true;
      // Our clock only grows with our own inserts; an update that left it alone only deleted.
      this.pendingDeletion ||= clock <= this.requiredClock;
      this.requiredClock = Math.max(this.requiredClock, clock);
    });
    provider.on("stateless", ({ payload }: { payload: string }) => {
      let message: SavedMessage;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (message?.type !== "saved") return;
      const clock = message.clocks?.[String(doc.clientID)];
      const insertsCovered = typeof clock === "number" && clock >= this.requiredClock;
      const covered = (message.complete === true && provider.unsyncedChanges === 0) || (insertsCovered && !this.pendingDeletion);
      if (!covered || !this.pending) return;
      this.pending = false;
      this.pendingDeletion = false;
      this.savedTransitions++;
      const because = `${payload} with ${provider.unsyncedChanges} unsynced changes, socket ${provider.configuration.websocketProvider.status}`;
      this.verify({ clock: Y.getState(doc.store, doc.clientID), deletions: this.deletions.length, at: Date.now() - this.started, because });
    });
  }

  /** Every local edit is covered by a "saved" notice. */
  get saved(): boolean {
    return !this.pending;
  }

  private verify(claim: Claim) {
    this.next = claim;
    this.verifying ??= (async () => {
      while (this.next) {
        const { clock, deletions, at, because } = this.next;
        this.next = null;
        this.checked++;
        const { doc } = await this.stored.load(this.documentId);
        const storedClock = Y.getState(doc.store, this.client.doc.clientID);
        if (storedClock < clock) this.violations.push(`${this.label} was told "saved" at +${at}ms with its clock at ${clock}, but the stored state only has ${storedClock} (notice: ${because})`);
        const deleted = Y.createDeleteSetFromStructStore(doc.store);
        for (const d of this.deletions.slice(0, deletions)) {
          // An item the stored state does not have yet cannot show the deletion; skip it.
          if (Y.getState(doc.store, d.client) < d.clock + d.len) continue;
          for (let c = d.clock; c < d.clock + d.len; c++) {
            if (!Y.isDeleted(deleted, { client: d.client, clock: c } as Y.ID)) {
              this.violations.push(`${this.label} was told "saved" at +${at}ms, but its deletion of ${d.client}:${c} is not in the stored state (notice: ${because})`);
              break;
            }
          }
        }
        doc.destroy();
      }
      this.verifying = null;
    })();
  }

  /** Waits for the claims still being checked. */
  async settled() {
    while (this.verifying) await this.verifying;
  }
}

/** The harness's isSaved: clocks only (deletions cannot be covered, `complete` is ignored). */
export function clockAcknowledged(c: Client): boolean {
  const local = Y.getState(c.doc.store, c.doc.clientID);
  return local === 0 || c.saved.some((m) => (m.clocks[String(c.doc.clientID)] ?? 0) >= local);
}
