import pg from "pg";
import * as Y from "yjs";
import { textOf } from "../harness";

/** What two replicas must agree on: visible text, full XML (marks, elements) and Yjs snapshot. */
export type View = { text: string; xml: string; stateVector: Record<string, number> };

export function viewOf(doc: Y.Doc): View {
  const stateVector = Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]));
  return { text: textOf(doc), xml: JSON.stringify(doc.getXmlFragment("default").toJSON()), stateVector };
}

/** Same inserts (state vector) and same deletions (delete set), hence the same content. */
export function sameSnapshot(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

/**
 * Reads the stored state consistently: Document.yState and the DocumentUpdate rows from one
 * REPEATABLE READ snapshot. (UpdateLog.load reads them with two separate statements, so a
 * compaction committing in between yields the old snapshot without the rows it folded in.)
 */
export class StoredReader {
  private pool: pg.Pool;
  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 2 });
  }

  /** Document.yState, then every logged update in id order, replayed into a fresh Y.Doc. */
  async load(documentId: string): Promise<{ doc: Y.Doc; rows: number; text: string }> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const row = await client.query<{ yState: Buffer; text: string }>(`SELECT "yState", "text" FROM "Document" WHERE id = $1`, [documentId]);
      const log = await client.query<{ update: Buffer }>(`SELECT "update" FROM "DocumentUpdate" WHERE "documentId" = $1 ORDER BY id`, [documentId]);
      await client.query("COMMIT");
      if (!row.rowCount) throw new Error(`document ${documentId} is not stored`);
      const doc = new Y.Doc();
      for (const update of [row.rows[0].yState, ...log.rows.map((r) => r.update)]) Y.applyUpdate(doc, new Uint8Array(update));
      return { doc, rows: log.rowCount ?? 0, text: row.rows[0].text };
    } finally {
      client.release();
    }
  }

  close() {
    return this.pool.end();
  }
}

/** Compact, readable first difference between two views, for assertion messages. */
export function describeDifference(label: string, expected: View, actual: View): string {
  for (const key of ["text", "xml", "stateVector"] as const) {
    const e = key === "stateVector" ? JSON.stringify(expected[key]) : expected[key];
    const a = key === "stateVector" ? JSON.stringify(actual[key]) : actual[key];
    if (e !== a) {
      let i = 0;
      while (i < e.length && e[i] === a[i]) i++;
      const from = Math.max(0, i - 40);
      return `${label}: ${key} differs at ${i}\n  expected …${JSON.stringify(e.slice(from, i + 80))}\n  actual   …${JSON.stringify(a.slice(from, i + 80))}`;
    }
  }
  return `${label}: same text, xml and state vector but different delete sets`;
}

/** Like harness `until`, polling every 5 ms: the fuzz waits a few times per seed, 200 seeds a run. */
export async function waitFor(predicate: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
