import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import * as Y from "yjs";
import { textProjection } from "../editor/projection";
import { yDocToJSON } from "../editor/ydoc";
import type { Compaction, DocumentLog, LiveCopy, StoredUpdates } from "../collab/document-log";
import { createPool } from "./pool";

export function digestOf(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/**
 * Durable storage of Yjs updates, on a raw pg pool (the hot path of live editing):
 * an append-only log per document plus a compacted snapshot in Document.yState.
 * The pool's connections force synchronous_commit=on (lib/db/pool.ts), so a committed append
 * survives a crash whatever the server's default. Given a connection string, it opens and
 * later ends a pool of its own (tools and tests); given a pool, it shares it.
 */
export class UpdateLog implements DocumentLog {
  private pool: pg.Pool;
  private ownsPool: boolean;

  constructor(database: string | pg.Pool, max = 5) {
    this.ownsPool = typeof database === "string";
    this.pool = typeof database === "string" ? createPool(database, max) : database;
  }

  /**
   * The snapshot and every logged update after it, in the order they were applied. Both
   * are read in one REPEATABLE READ snapshot: a compaction committing between two plain
   * reads would otherwise hand back the old snapshot without the log it just folded in.
   */
  async load(documentId: string): Promise<StoredUpdates> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const doc = await client.query<{ yState: Buffer }>(`SELECT "yState" FROM "Document" WHERE id = $1`, [documentId]);
      const log = doc.rowCount
        ? await client.query<{ id: string; update: Buffer }>(`SELECT id, "update" FROM "DocumentUpdate" WHERE "documentId" = $1 ORDER BY id`, [documentId])
        : null;
      await client.query("COMMIT");
      if (!doc.rowCount || !log) return { exists: false, updates: [], bytes: 0, logged: 0, ids: [], digest: null };
      const updates = [doc.rows[0].yState, ...log.rows.map((r) => r.update)].map((b) => new Uint8Array(b));
      return {
        exists: true,
        updates,
        bytes: updates.reduce((n, u) => n + u.byteLength, 0),
        logged: log.rowCount ?? 0,
        ids: log.rows.map((r) => BigInt(r.id)),
        digest: digestOf(doc.rows[0].yState),
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Appends updates in order, in one statement (prepared once per pool connection); resolves
   * once committed, with the ids of the rows, ascending. The updates travel as one binary
   * parameter, cut into rows by Postgres (a bytea[] parameter would be hex text built in JS).
   */
  async append(documentId: string, updates: Uint8Array[]): Promise<bigint[]> {
    const starts: number[] = [];
    const lengths: number[] = [];
    let at = 1;
    for (const u of updates) {
      starts.push(at);
      lengths.push(u.byteLength);
      at += u.byteLength;
    }
    const bytes = updates.length === 1 ? Buffer.from(updates[0].buffer, updates[0].byteOffset, updates[0].byteLength) : Buffer.concat(updates);
    const result = await this.pool.query<{ id: string }>({
      name: "marginalia-append-updates",
      text:
        `INSERT INTO "DocumentUpdate" ("documentId", "update") ` +
        `SELECT $1, substring($2::bytea FROM t.start FOR t.length) FROM unnest($3::int[], $4::int[]) WITH ORDINALITY AS t(start, length, n) ORDER BY t.n RETURNING id`,
      values: [documentId, bytes, `{${starts.join(",")}}`, `{${lengths.join(",")}}`],
    });
    return result.rows.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
   *
   * Given the server's live copy, and when storage holds nothing it does not know of (the
   * snapshot is the one it loaded or wrote, and no row at or below its highest known row is
   * another's), the live copy is encoded instead: it contains the snapshot and every known
   * row, so the result contains them too (it may also contain updates still on their way to
   * the log, which only makes them durable sooner; they are never acknowledged before their
   * own append commits). Exactly the known rows are deleted, so a row another instance
   * commits meanwhile stays in the log. Otherwise the full replay above.
   */
  async compact(documentId: string, live?: LiveCopy): Promise<Compaction | null> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      if (live && live.digest !== null && live.ids.length > 0) {
        const folded = await this.compactLive(client, documentId, live);
        if (folded !== undefined) {
          await client.query(folded ? "COMMIT" : "ROLLBACK");
          return folded;
        }
        // Storage holds something the live copy may lack: start over with the full replay.
        await client.query("ROLLBACK");
        await client.query("BEGIN");
      }
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
      return { folded: log.rowCount, lastId: BigInt(lastId), snapshotBytes: snapshot.byteLength, foldedIds: log.rows.map((r) => BigInt(r.id)), previousDigest: digestOf(doc.rows[0].yState), digest: digestOf(snapshot) };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The fast path of `compact`, inside its transaction: null when there is nothing to fold,
   * undefined when storage holds what the live copy may not (the caller then replays it).
   */
  private async compactLive(client: pg.PoolClient, documentId: string, live: LiveCopy): Promise<Compaction | null | undefined> {
    const ids = [...live.ids];
    const lastId = ids.reduce((a, b) => (b > a ? b : a));
    const doc = await client.query<{ digest: string }>(`SELECT md5("yState") AS digest FROM "Document" WHERE id = $1 FOR UPDATE`, [documentId]);
    if (!doc.rowCount) return null;
    if (doc.rows[0].digest !== live.digest) return undefined;
    const foreign = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "DocumentUpdate" WHERE "documentId" = $1 AND id <= $2 AND id <> ALL($3::bigint[])`,
      [documentId, lastId.toString(), ids.map(String)],
    );
    if (foreign.rows[0].n !== 0) return undefined;
    const snapshot = Buffer.from(Y.encodeStateAsUpdate(live.doc));
    const text = textProjection(yDocToJSON(live.doc));
    await client.query(`UPDATE "Document" SET "yState" = $2, "text" = $3 WHERE id = $1`, [documentId, snapshot, text]);
    const deleted = await client.query(`DELETE FROM "DocumentUpdate" WHERE "documentId" = $1 AND id = ANY($2::bigint[])`, [documentId, ids.map(String)]);
    // A known row already gone means another compaction ran: its snapshot may hold more.
    if (deleted.rowCount !== ids.length) return undefined;
    return { folded: ids.length, lastId, snapshotBytes: snapshot.byteLength, foldedIds: ids, previousDigest: live.digest!, digest: digestOf(snapshot) };
  }

  async close() {
    if (this.ownsPool) await this.pool.end();
  }
}
