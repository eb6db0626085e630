import type * as Y from "yjs";

/**
 * What storage holds of a document: its snapshot and every logged update after it, in the
 * order they were applied; `ids` of the log rows, `digest` the md5 of the snapshot.
 */
export type StoredUpdates = { exists: boolean; updates: Uint8Array[]; bytes: number; logged: number; ids: bigint[]; digest: string | null };

/**
 * `folded`: rows folded; `lastId`: the highest of them; `foldedIds`: exactly which ones;
 * `previousDigest` and `digest`: md5 of the snapshot replaced and of the one written.
 */
export type Compaction = { folded: number; lastId: bigint; snapshotBytes: number; foldedIds: bigint[]; previousDigest: string; digest: string };

/**
 * What a server's live copy of a document is known to contain of storage: the snapshot whose
 * md5 is `digest` (the one it loaded or last wrote itself) and the log rows `ids` (the ones it
 * loaded or appended). Lets `compact` encode the live copy instead of replaying storage.
 */
export type LiveCopy = { doc: Y.Doc; digest: string | null; ids: bigint[] };

/** The durable storage the collaboration server's persistence needs (lib/db/update-log.ts is the one in use). */
export interface DocumentLog {
  load(documentId: string): Promise<StoredUpdates>;
  /** Appends updates in order; resolves once committed, with the new rows' ids, ascending. */
  append(documentId: string, updates: Uint8Array[]): Promise<bigint[]>;
  /** Keeps the document's text projection in step with the live text. */
  saveProjection(documentId: string, ydoc: Y.Doc): Promise<void>;
  /** Folds the log into the snapshot; null when there was nothing to fold. */
  compact(documentId: string, live?: LiveCopy): Promise<Compaction | null>;
}
