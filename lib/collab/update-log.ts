import pg from "pg";
import * as Y from "yjs";
import { textProjection } from "../editor/projection";
import { yDocToJSON } from "../editor/ydoc";

export type Compaction = { folded: number; lastId: bigint; snapshotBytes: number };

/**
 * Durable storage of Yjs updates, on a raw pg pool (the hot path of live editing):
 * an append-only log per document plus a compacted snapshot in Document.yState.
 * Every connection forces synchronous_commit=on, so a committed append survives a crash
 * whatever the server's default.
 */
export class UpdateLog {
  private pool: pg.Pool;

  constructor(connectionString: string, max = 5) {
    this.pool = new pg.Pool({ connectionString, max, options: "-c synchronous_commit=on" });
  }

  /**
   * The snapshot and every logged update after it, in the order they were applied. Both
   * are read in one REPEATABLE READ snapshot: a compaction committing between two plain
   * reads would otherwise hand back the old snapshot without the log it just folded in.
   */
  async load(documentId: string): Promise<{ exists: boolean; updates: Uint8Array[]; bytes: number; logged: number }> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const doc = await client.query<{ yState: Buffer }>(`SELECT "yState" FROM "Document" WHERE id = $1`, [documentId]);
      const log = doc.rowCount
        ? await client.query<{ update: Buffer }>(`SELECT "update" FROM "DocumentUpdate" WHERE "documentId" = $1 ORDER BY id`, [documentId])
        : null;
      await client.query("COMMIT");
      if (!doc.rowCount || !log) return { exists: false, updates: [], bytes: 0, logged: 0 };
      const updates = [doc.rows[0].yState, ...log.rows.map((r) => r.update)].map((b) => new Uint8Array(b));
      return { exists: true, updates, bytes: updates.reduce((n, u) => n + u.byteLength, 0), logged: log.rowCount ?? 0 };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Appends updates in order, in one statement; resolves once committed, with the id of the
   * last row (a compaction folds a batch in whole or not at all: it is one statement).
   */
  async append(documentId: string, updates: Uint8Array[]): Promise<bigint> {
    const result = await this.pool.query<{ id: string }>(
      `INSERT INTO "DocumentUpdate" ("documentId", "update") SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n RETURNING id`,
      [documentId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
    return result.rows.reduce((last, row) => (BigInt(row.id) > last ? BigInt(row.id) : last), 0n);
  }

  /** Keeps the text projection and updatedAt in step with the live text. */
  async saveProjection(documentId: string, ydoc: Y.Doc): Promise<void> {
    const text = textProjection(yDocToJSON(ydoc));
    await this.pool.query(`UPDATE "Document" SET "text" = $2, "updatedAt" = now() WHERE id = $1 AND "text" IS DISTINCT FROM $2`, [documentId, text]);
  }

  /**
   * Folds the log into the snapshot: replays snapshot + log into a fresh Y.Doc and
   * encodes it (Y.mergeUpdates is very slow on long logs). Rows logged concurrently stay
   * in the log; applying an update twice is a no-op in Yjs, so nothing is lost or doubled.
   * Returns how many rows were folded, the id of the last one, and the new snapshot's size
   * (null when there was nothing to fold).
   */
  async compact(documentId: string): Promise<Compaction | null> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const doc = await client.query<{ yState: Buffer }>(`SELECT "yState" FROM "Document" WHERE id = $1 FOR UPDATE`, [documentId]);
      if (!doc.rowCount) {
        await client.query("ROLLBACK");
        return null;
      }
      const log = await client.query<{ id: string; update: Buffer }>(
        `SELECT id, "update" FROM "DocumentUpdate" WHERE "documentId" = $1 ORDER BY id`,
        [documentId],
      );
      if (!log.rowCount) {
        await client.query("ROLLBACK");
        return null;
      }
      const ydoc = new Y.Doc({ gc: true });
      Y.applyUpdate(ydoc, new Uint8Array(doc.rows[0].yState));
      for (const row of log.rows) Y.applyUpdate(ydoc, new Uint8Array(row.update));
      const snapshot = Buffer.from(Y.encodeStateAsUpdate(ydoc));
      const lastId = log.rows[log.rows.length - 1].id;
      await client.query(`UPDATE "Document" SET "yState" = $2, "text" = $3 WHERE id = $1`, [documentId, snapshot, textProjection(yDocToJSON(ydoc))]);
      await client.query(`DELETE FROM "DocumentUpdate" WHERE "documentId" = $1 AND id <= $2`, [documentId, lastId]);
      await client.query("COMMIT");
      ydoc.destroy();
      return { folded: log.rowCount, lastId: BigInt(lastId), snapshotBytes: snapshot.byteLength };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close() {
    await this.pool.end();
  }
}
