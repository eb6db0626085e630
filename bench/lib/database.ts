/**
 * The benchmark's own Postgres: an embedded one in a temporary folder, or a fresh database
 * on the DATABASE_URL server (dropped afterwards), migrated with the app's migrations.
 * Rows are made the way tests/factories.ts makes them (Prisma and lib/commands).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createScratchDatabase } from "../../lib/db/scratch-database";

export type BenchDatabase = { url: string; kind: "embedded" | "external"; stop: () => Promise<void> };

export async function startDatabase(log: (m: string) => void): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  log(external ? "using a fresh database on the DATABASE_URL server" : "starting an embedded Postgres in a temporary folder");
  const database = await createScratchDatabase({ external, prefix: "marginalia_bench" });
  return { url: database.url, kind: database.kind, stop: database.drop };
}

/** Must run after process.env.DATABASE_URL points at the bench database (lib/db reads it lazily). */
export async function createFixtures(opts: { users: number; content: string }) {
  const { db } = await import("../../lib/db");
  const { default: createApiToken } = await import("../../lib/commands/create-api-token");
  const suffix = randomBytes(4).toString("hex");
  const users: { id: string }[] = [];
  for (let i = 0; i < opts.users; i++) {
    users.push(await db().user.create({ data: { name: `Bench reader ${i}`, email: `bench-${suffix}-${i}@example.test` } }));
  }
  const group = await db().group.create({ data: { name: `Bench seminar ${suffix}`, moderation: "post" } });
  await db().membership.createMany({
    data: users.map((u, i) => ({ groupId: group.id, userId: u.id, role: i === 0 ? ("owner" as const) : ("editor" as const) })),
  });
  const tokens: string[] = [];
  for (const user of users) tokens.push((await createApiToken({ userId: user.id, label: "bench" })).token);
  return {
    ownerId: users[0].id,
    /** Every member's id, in the order of `tokens` (the first is the owner, the rest editors). */
    userIds: users.map((u) => u.id),
    groupId: group.id,
    tokens,
    /** A new document per run, so every run starts from the same text and an empty log. */
    async createDocument(title: string) {
      const { default: createDocument } = await import("../../lib/commands/create-document");
      const document = await createDocument({ actorId: users[0].id, input: { groupId: group.id, title, format: "text", content: opts.content } });
      return { id: document.id, yState: new Uint8Array(document.yState) };
    },
  };
}

/**
 * An API benchmark's session: its own database, with lib/db, auth and IRIs set up as the
 * integration tests have them; the fixtures; a raw `pg` client beside it for the baseline. All
 * closed and the database dropped afterwards, whatever happens.
 */
export async function withApiBenchDatabase<T>(
  opts: { log: (m: string) => void; users: number; content: string },
  work: (ctx: { database: BenchDatabase; raw: pg.Client; fixtures: Awaited<ReturnType<typeof createFixtures>> }) => Promise<T>,
): Promise<T> {
  const database = await startDatabase(opts.log);
  let raw: pg.Client | undefined;
  try {
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET ??= "bench-secret-not-for-production-0000";
    delete process.env.APP_URL; // IRIs from the request's origin, as the integration tests do
    const fixtures = await createFixtures({ users: opts.users, content: opts.content });
    raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
    return await work({ database, raw, fixtures });
  } finally {
    await raw?.end().catch(() => undefined);
    await closeDb().catch(() => undefined);
    await database.stop().catch((error) => opts.log(`could not drop the bench database: ${error}`));
  }
}

export async function closeDb() {
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
}

/**
 * Latency of a bare durable commit on the bench database: `n` single-row INSERTs, one after
 * the other, with synchronous_commit=on (as lib/db/update-log.ts forces). The floor
 * under the time to durable ack.
 */
export async function commitLatency(url: string, n = 200): Promise<number[]> {
  const { performance } = await import("node:perf_hooks");
  const client = new pg.Client({ connectionString: url, options: "-c synchronous_commit=on" });
  await client.connect();
  try {
    await client.query(`CREATE TEMP TABLE bench_commit (id serial primary key, payload bytea)`);
    const payload = Buffer.alloc(40, 7);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await client.query(`INSERT INTO bench_commit (payload) VALUES ($1)`, [payload]);
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await client.end();
  }
}
