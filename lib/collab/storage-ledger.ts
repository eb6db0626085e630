import type { Compaction, LiveCopy, StoredUpdates } from "./document-log";
import type * as Y from "yjs";

/**
 * What one document takes in storage and what of storage the live copy is known to contain,
 * kept in step with appends and compactions (pure bookkeeping, no I/O).
 *
 * Size: `baseBytes` (the snapshot, plus the log as loaded, until a compaction folds it), the
 * batches this copy appended that no compaction folded yet (last row id and size), and the
 * updates queued or being appended. Contents (see DocumentLog.compact): the md5 of the snapshot
 * it loaded or wrote (null once a compaction folded something it may lack), and the log rows it
 * loaded or appended that no compaction folded yet, ascending.
 */
export class StorageLedger {
  private baseBytes: number;
  private appended: { lastId: bigint; bytes: number }[] = [];
  private appendedBytes = 0;
  private unstoredBytes = 0;
  /** Updates appended since the last compaction (the log rows as loaded count too). */
  sinceCompaction: number;
  private snapshotDigest: string | null;
  private knownIds: bigint[];

  constructor(loaded: StoredUpdates) {
    this.baseBytes = loaded.bytes;
    this.sinceCompaction = loaded.logged;
    this.snapshotDigest = loaded.digest;
    this.knownIds = [...loaded.ids];
  }

  /** Bytes the document takes in storage, plus what is on its way there. */
  get size(): number {
    return this.baseBytes + this.appendedBytes + this.unstoredBytes;
  }

  queued(bytes: number) {
    this.unstoredBytes += bytes;
  }

  /** The queue was dropped (storage failed): nothing is on its way any more. */
  dropped() {
    this.unstoredBytes = 0;
  }

  appendedRows(ids: bigint[], bytes: number) {
    for (const id of ids) this.knownIds.push(id);
    this.appended.push({ lastId: ids[ids.length - 1], bytes });
    this.appendedBytes += bytes;
    this.unstoredBytes -= bytes;
    this.sinceCompaction += ids.length;
  }

  liveCopy(doc: Y.Doc): LiveCopy {
    return { doc, digest: this.snapshotDigest, ids: [...this.knownIds] };
  }

  /**
   * The new snapshot is still one the live copy contains if the one it replaced was, and every
   * row it folded was one the live copy had (otherwise another instance's rows went into it).
   * The size becomes the new snapshot plus what it did not fold.
   */
  compacted(result: Compaction) {
    const known = new Set(this.knownIds);
    const contained = this.snapshotDigest !== null && result.previousDigest === this.snapshotDigest && result.foldedIds.every((id) => known.has(id));
    this.snapshotDigest = contained ? result.digest : null;
    const folded = new Set(result.foldedIds);
    this.knownIds = this.knownIds.filter((id) => !folded.has(id));
    this.appended = this.appended.filter((batch) => batch.lastId > result.lastId);
    this.appendedBytes = this.appended.reduce((n, batch) => n + batch.bytes, 0);
    this.baseBytes = result.snapshotBytes;
  }
}
