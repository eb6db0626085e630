import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { StorageLedger } from "@/lib/collab/storage-ledger";

const loaded = { exists: true, updates: [], bytes: 100, logged: 2, ids: [1n, 2n], digest: "snap-a" };
const doc = new Y.Doc();

describe("StorageLedger", () => {
  it("counts the snapshot, what this copy appended and what is on its way", () => {
    const ledger = new StorageLedger(loaded);
    ledger.queued(30);
    expect(ledger.size).toBe(130);
    ledger.appendedRows([3n, 4n], 30);
    expect(ledger.size).toBe(130);
    expect(ledger.sinceCompaction).toBe(4);
    ledger.queued(5);
    ledger.dropped();
    expect(ledger.size).toBe(130);
  });

  it("after a compaction, is the new snapshot plus the batches it did not fold", () => {
    const ledger = new StorageLedger(loaded);
    ledger.queued(30);
    ledger.appendedRows([3n], 10);
    ledger.appendedRows([5n], 20);
    ledger.compacted({ folded: 3, lastId: 3n, snapshotBytes: 60, foldedIds: [1n, 2n, 3n], previousDigest: "snap-a", digest: "snap-b" });
    expect(ledger.size).toBe(80);
    expect(ledger.liveCopy(doc)).toMatchObject({ digest: "snap-b", ids: [5n] });
  });

  it("stops vouching for the snapshot once a compaction folded a row this copy never had", () => {
    const ledger = new StorageLedger(loaded);
    ledger.compacted({ folded: 3, lastId: 9n, snapshotBytes: 60, foldedIds: [1n, 2n, 9n], previousDigest: "snap-a", digest: "snap-b" });
    expect(ledger.liveCopy(doc)).toMatchObject({ digest: null, ids: [] });
  });

  it("stops vouching for the snapshot when the one replaced was not the one it knew", () => {
    const ledger = new StorageLedger(loaded);
    ledger.compacted({ folded: 1, lastId: 1n, snapshotBytes: 60, foldedIds: [1n], previousDigest: "snap-other", digest: "snap-b" });
    expect(ledger.liveCopy(doc)).toMatchObject({ digest: null, ids: [2n] });
  });
});
