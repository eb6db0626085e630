/**
 * The W3C annotation container of a heavily annotated document, through the API, against the
 * same rows fetched with raw SQL, in the same run.
 *
 * Setup: a scratch Postgres (bench/lib/database.ts); a group with BENCH_USERS members and API
 * tokens; a BENCH_CHARS-code-point document (bench/lib/corpus.ts, imported as text like any
 * upload); BENCH_ANNOTATIONS annotation rows inserted directly (createMany), with real anchors
 * (createAnchor on word-aligned ranges of the stored Yjs state) and the selectors resolveAnchors
 * gives for them, markdown bodies, tags, authors across the group, ~15 % replies in threads,
 * some private ones, some pending or hidden by moderators, a few open flags, reactions on ~20 %.
 *
 * Measured, as one member (an editor, not a moderator) with a Bearer API token:
 *   api   the GET handler of app/api/annotations/[documentId]/route.ts, called in-process with a
 *         NextRequest (as tests/integration/http.ts does) until the body text is read: the
 *         container (with its first page embedded), and every ?page=N of a full walk
 *         (container, then page 1…last, as a client follows `next`). Answers are cached per
 *         viewer and annotation revision, and a page's presented items by the fingerprint of its
 *         rows (lib/w3c/container-resource.ts), so the container is measured twice: repeated as
 *         clients poll it, and right after a change (a no-op UPDATE of one annotation moves the
 *         revision) when no cached answer may be used. Walks run after such a change (only the
 *         changed annotation's page is presented again) and cold, with every cache emptied
 *         first (every page read and presented).
 *   sql   the same page's rows with one raw SQL query through `pg` (the same columns Prisma's
 *         include selects, the same visibility filter, order and page size), on its own connection.
 * Requests alternate api/sql so both see the same machine load. A breakdown of one API page
 * times each step the handler takes (auth, document access, version, list, presenter, JSON,
 * ETag) with the same lib functions, and counts the SQL round trips (bench/lib/pg-timing.ts).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createAnchor, resolveAnchors } from "../lib/anchoring/anchors";
import { corpusText, makeCorpus, phrase } from "./lib/corpus";
import { closeDb, withApiBenchDatabase } from "./lib/database";
import { collectGarbage } from "./lib/gc";
import { profileInProcess } from "./lib/inprocess-profile";
import { withQueryTally } from "./lib/pg-timing";
import { loadAverage, ownCpuMs } from "./lib/proc";
import { seededRandom, type Random } from "./lib/random";
import { envInt, fmt, fmtInt, quantile, table } from "./lib/stats";
import type { Benchmark, TargetResult } from "./lib/types";
import { wordsOfDocument } from "./lib/words";

const TARGETS = { ratioP50: 1.5, pageP99Ms: 30 };
const PAGE_SIZE = 100;
const ORIGIN = "http://marginalia.test";
const ACCEPT = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

type Config = { chars: number; annotations: number; users: number; iterations: number; walks: number; seed: number; profile: boolean };

function config(): Config {
  return {
    chars: envInt("BENCH_CHARS", 100_000),
    annotations: envInt("BENCH_ANNOTATIONS", 10_000),
    users: envInt("BENCH_USERS", 12),
    iterations: envInt("BENCH_ITERATIONS", 300),
    walks: envInt("BENCH_RUNS", 5),
    seed: envInt("BENCH_SEED", 1),
    profile: process.env.BENCH_PROFILE === "1",
  };
}

const log = (m: string) => console.log(`[annotation-api] ${m}`);

const TAGS = ["question", "evidence", "translation", "context", "todo", "disagree", "key-passage", "source", "style", "reading-group", "exam", "citation"];

/** A markdown note of a few sentences, sometimes with emphasis, a list or a link. */
function noteBody(random: Random): string {
  const sentences = Array.from({ length: random.int(1, 6) }, () => {
    const s = phrase(random, random.int(4, 22));
    return s[0].toUpperCase() + s.slice(1) + random.pick([".", ".", "?", "!"]);
  });
  if (random.chance(0.2)) sentences[0] = `**${sentences[0]}**`;
  if (random.chance(0.1)) sentences.push(`\n\n- ${phrase(random, 3)}\n- ${phrase(random, 4)}`);
  if (random.chance(0.08)) sentences.push(`See [the edition](https://example.org/editions/${random.int(1, 500)}).`);
  return sentences.join(" ");
}

const cuidLike = () => `c${randomBytes(12).toString("hex")}`;

/** Inserts the annotation rows and some flags; returns how many of each kind went in. */
export async function insertAnnotations(random: Random, opts: { documentId: string; groupId: string; userIds: string[]; yState: Uint8Array; count: number }) {
  const { db } = await import("../lib/db");
  const { doc, map, starts, ends } = wordsOfDocument(opts.yState);
  type Row = Record<string, unknown> & { id: string; threadId: string | null };
  const rows: Row[] = [];
  const topLevel: Row[] = [];
  const t0 = Date.now() - 30 * 24 * 3600 * 1000;
  const counts = { topLevel: 0, replies: 0, private: 0, pending: 0, hidden: 0, orphaned: 0, flags: 0, reactions: 0 };
  for (let i = 0; i < opts.count; i++) {
    const createdAt = new Date(t0 + i * 250_000 + random.int(0, 1000));
    const updatedAt = random.chance(0.2) ? new Date(createdAt.getTime() + random.int(1000, 5_000_000)) : createdAt;
    const authorId = opts.userIds[Math.min(opts.userIds.length - 1, Math.floor(random.next() ** 1.6 * opts.userIds.length))];
    const visibility = random.chance(0.1) ? "private" : "group";
    const r = random.next();
    const status = r < 0.03 ? "pending" : r < 0.045 ? "hidden" : "approved";
    const base = {
      id: cuidLike(),
      documentId: opts.documentId,
      groupId: opts.groupId,
      authorId,
      visibility,
      status,
      tags: random.chance(0.4) ? Array.from(new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(TAGS)))) : [],
      version: random.int(0, 3),
      createdAt,
      updatedAt,
    };
    if (visibility === "private") counts.private++;
    if (status === "pending") counts.pending++;
    if (status === "hidden") counts.hidden++;
    if (topLevel.length > 20 && random.chance(0.15)) {
      const parent = random.pick(topLevel);
      const row: Row = { ...base, motivation: "replying", body: noteBody(random), parentId: parent.id, threadId: parent.threadId ?? parent.id, visibility: parent.visibility === "private" ? "private" : visibility };
      rows.push(row);
      counts.replies++;
      continue;
    }
    const words = random.chance(0.5) ? random.int(1, 4) : random.int(5, 40);
    const first = random.int(0, starts.length - 1);
    const start = starts[first];
    const end = ends[Math.min(ends.length - 1, first + words - 1)];
    const anchor = createAnchor(doc, start, end, map);
    const [resolved] = resolveAnchors(doc, [anchor], map);
    if (resolved.orphaned) throw new Error("a fresh anchor is orphaned");
    const highlight = random.chance(0.15);
    const orphaned = random.chance(0.02);
    if (orphaned) counts.orphaned++;
    const row: Row = {
      ...base,
      motivation: highlight ? "highlighting" : "commenting",
      body: highlight ? "" : noteBody(random),
      parentId: null,
      threadId: null,
      anchorStart: Buffer.from(anchor.start),
      anchorEnd: Buffer.from(anchor.end),
      quoteExact: resolved.exact,
      quotePrefix: resolved.prefix,
      quoteSuffix: resolved.suffix,
      positionStart: orphaned ? null : resolved.start,
      positionEnd: orphaned ? null : resolved.end,
      orphaned,
      resolved: random.chance(0.1),
      locked: random.chance(0.02),
    };
    rows.push(row);
    topLevel.push(row);
    counts.topLevel++;
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db().annotation.createMany({ data: rows.slice(i, i + 1000) as never });
  }
  const flagged = new Set<string>();
  const flags: Record<string, unknown>[] = [];
  for (let i = 0; i < Math.round(opts.count * 0.02); i++) {
    const row = random.pick(rows);
    const userId = random.pick(opts.userIds);
    if (flagged.has(`${row.id} ${userId}`)) continue;
    flagged.add(`${row.id} ${userId}`);
    flags.push({ annotationId: row.id, userId, reason: random.pick(["spam", "abusive", "off_topic", "other"]), text: random.chance(0.5) ? phrase(random, 8) : "", resolvedAt: random.chance(0.3) ? new Date() : null });
  }
  await db().flag.createMany({ data: flags as never });
  counts.flags = flags.length;
  const reactions: Record<string, unknown>[] = [];
  for (const row of rows) {
    if (!random.chance(0.2)) continue;
    const users = new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(opts.userIds)));
    for (const userId of users) reactions.push({ annotationId: row.id, userId, kind: random.chance(0.8) ? "helpful" : "question" });
  }
  for (let i = 0; i < reactions.length; i += 1000) await db().reaction.createMany({ data: reactions.slice(i, i + 1000) as never });
  counts.reactions = reactions.length;
  doc.destroy();
  return counts;
}

/** SQL for each relation annotationInclude may ask for, computed for the page's rows only. */
const DECORATIONS: Record<string, string> = {
  author: `u."id" AS "author_id", u."name" AS "author_name"`,
  thread: `p."thread_authorId", p."thread_visibility", p."thread_status", p."thread_locked", p."thread_deletedAt"`,
  flags: `ARRAY(SELECT f."id" FROM "Flag" f WHERE f."annotationId" = p."id" AND f."resolvedAt" IS NULL) AS "flags"`,
  "_count.flags": `(SELECT count(*) FROM "Flag" f WHERE f."annotationId" = p."id" AND f."resolvedAt" IS NULL) AS "flags"`,
  "_count.threadReplies": `(SELECT count(*) FROM "Annotation" r WHERE r."threadId" = p."id" AND r."deletedAt" IS NULL) AS "replies"`,
  reactions: `(SELECT coalesce(json_agg(json_build_object('kind', x."kind", 'userId', x."userId")), '[]'::json) FROM "Reaction" x WHERE x."annotationId" = p."id") AS "reactions"`,
};

/** The keys of an include object, with _count's selected relations as "_count.<relation>". */
function includeKeys(include: Record<string, unknown>): string[] {
  return Object.entries(include).flatMap(([key, value]) =>
    key === "_count" ? Object.keys(((value as { select?: Record<string, unknown> }).select ?? {}) as object).map((k) => `_count.${k}`) : [key],
  );
}

/**
 * One page of the viewer's visible annotations in one statement, as someone writing SQL by hand
 * would: the page is cut first (the filter of visibleAnnotationsWhere for a member who is not a
 * moderator, ordered by createdAt then id, LIMIT/OFFSET), then decorated with what Prisma's
 * annotationInclude asks for (read when the benchmark runs: author, thread policy fields, counts,
 * reactions), computed for the page's rows only. Returns the relations it could not mirror.
 */
export function rawPageSql(include: Record<string, unknown>): { sql: string; missing: string[] } {
  const keys = includeKeys(include);
  const missing = keys.filter((k) => !(k in DECORATIONS));
  const decorations = keys.filter((k) => k in DECORATIONS).map((k) => DECORATIONS[k]);
  const sql = `
WITH page AS (
  SELECT a."id", a."documentId", a."groupId", a."authorId", a."parentId", a."threadId", a."motivation", a."visibility", a."status",
         a."body", a."bodyFormat", a."tags", a."anchorStart", a."anchorEnd", a."quoteExact", a."quotePrefix", a."quoteSuffix",
         a."positionStart", a."positionEnd", a."orphaned", a."locked", a."resolved", a."version", a."createdAt", a."updatedAt",
         a."deletedAt", a."canonical", a."via",
         t."authorId" AS "thread_authorId", t."visibility" AS "thread_visibility", t."status" AS "thread_status",
         t."locked" AS "thread_locked", t."deletedAt" AS "thread_deletedAt"
  FROM "Annotation" a
  LEFT JOIN "Annotation" t ON t."id" = a."threadId"
  WHERE a."documentId" = $1 AND a."deletedAt" IS NULL
    AND (a."authorId" = $2 OR (a."visibility" = 'group' AND a."status" = 'approved'))
    AND (a."threadId" IS NULL OR (t."deletedAt" IS NULL AND (t."authorId" = $2 OR (t."visibility" = 'group' AND t."status" = 'approved'))))
  ORDER BY a."createdAt" ASC, a."id" ASC
  LIMIT $3 OFFSET $4
)
SELECT p."id", p."documentId", p."groupId", p."authorId", p."parentId", p."threadId", p."motivation", p."visibility", p."status",
       p."body", p."bodyFormat", p."tags", p."anchorStart", p."anchorEnd", p."quoteExact", p."quotePrefix", p."quoteSuffix",
       p."positionStart", p."positionEnd", p."orphaned", p."locked", p."resolved", p."version", p."createdAt", p."updatedAt",
       p."deletedAt", p."canonical", p."via"${decorations.map((d) => `,\n       ${d}`).join("")}
FROM page p
JOIN "User" u ON u."id" = p."authorId"
ORDER BY p."createdAt" ASC, p."id" ASC`;
  return { sql, missing };
}

type Sample = { ms: number; cpuMs: number; queries?: number; sqlMs?: number };

function summary(samples: Sample[]) {
  const ms = samples.map((s) => s.ms);
  return {
    n: samples.length,
    p50: quantile(ms, 0.5),
    p90: quantile(ms, 0.9),
    p99: quantile(ms, 0.99),
    max: Math.max(...ms),
    cpuP50: quantile(samples.map((s) => s.cpuMs), 0.5),
    queries: samples[0]?.queries,
    sqlP50: samples[0]?.sqlMs === undefined ? undefined : quantile(samples.map((s) => s.sqlMs ?? 0), 0.5),
  };
}

async function measure<T>(work: () => Promise<T>, tally = false): Promise<{ sample: Sample; value: T }> {
  const cpu0 = ownCpuMs();
  const started = performance.now();
  if (tally) {
    const { value, tally: t } = await withQueryTally(work);
    const ms = performance.now() - started;
    return { value, sample: { ms, cpuMs: ownCpuMs() - cpu0, queries: t.queries, sqlMs: t.ms } };
  }
  const value = await work();
  const ms = performance.now() - started;
  return { value, sample: { ms, cpuMs: ownCpuMs() - cpu0 } };
}

const benchmark: Benchmark = {
  name: "annotation-api",
  description: "W3C annotation container of a 10,000-annotation document through the API route vs the same rows by raw SQL (pg), same run",
  async run() {
    const cfg = config();
    const random = seededRandom(cfg.seed);
    return withApiBenchDatabase({ log, users: cfg.users, content: corpusText(makeCorpus(random, cfg.chars)) }, async ({ database, raw, fixtures }) => {
      const document = await fixtures.createDocument("Bench reading: annotated");
      const userIds = fixtures.userIds;
      const setupStarted = performance.now();
      const counts = await insertAnnotations(random, { documentId: document.id, groupId: fixtures.groupId, userIds, yState: document.yState, count: cfg.annotations });
      log(`inserted ${fmtInt(cfg.annotations)} annotations in ${fmt((performance.now() - setupStarted) / 1000, 1)} s: ${Object.entries(counts).map(([k, v]) => `${fmtInt(v)} ${k}`).join(", ")}`);

      // The viewer: the second member (an editor, so no moderator view), with their API token.
      const viewerIndex = 1;
      const viewerId = userIds[viewerIndex];
      const token = fixtures.tokens[viewerIndex];
      await raw.query(`ANALYZE`);
      // Measured as a server that was started after the data was loaded: Prisma keeps about
      // 120 MB reachable after the setup's 10,000-row createMany (a bulk path the app never takes),
      // which would slow every major GC of the measured requests.
      await closeDb();

      const { NextRequest } = await import("next/server");
      const { GET } = (await import("../app/api/annotations/[documentId]/route")) as { GET: (r: InstanceType<typeof NextRequest>, c: { params: Promise<{ documentId: string }> }) => Promise<Response> };
      const documentId = document.id;

      const api = async (page: number | null) => {
        const url = new URL(`/api/annotations/${documentId}/${page === null ? "" : `?page=${page}`}`, ORIGIN);
        const request = new NextRequest(url, { headers: { authorization: `Bearer ${token}`, accept: ACCEPT } });
        const response = await GET(request, { params: Promise.resolve({ documentId }) });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${text.slice(0, 500)}`);
        return text;
      };
      const { annotationInclude } = await import("../lib/queries/annotations");
      const { sql: RAW_PAGE_SQL, missing } = rawPageSql(annotationInclude as Record<string, unknown>);
      if (missing.length) log(`WARNING: the raw SQL does not mirror these parts of annotationInclude: ${missing.join(", ")}`);
      const sql = async (page: number) => (await raw.query(RAW_PAGE_SQL, [documentId, viewerId, PAGE_SIZE, page * PAGE_SIZE])).rows;

      // Same rows, same order: compare the ids on the first, a middle and the last page.
      const container = JSON.parse(await api(null));
      const total: number = container.total;
      const lastPage = Math.ceil(total / PAGE_SIZE) - 1;
      const idOf = (item: { id: string } | string) => (typeof item === "string" ? item : item.id).split("/").at(-1);
      const mismatches: string[] = [];
      for (const page of [0, Math.floor(lastPage / 2), lastPage]) {
        const items = page === 0 ? container.first.items : JSON.parse(await api(page)).items;
        const apiIds = items.map(idOf);
        const sqlIds = (await sql(page)).map((r) => r.id);
        if (apiIds.join() !== sqlIds.join()) mismatches.push(`page ${page}: API ${apiIds.length} items, SQL ${sqlIds.length} rows, first difference at ${apiIds.findIndex((id: string, i: number) => id !== sqlIds[i])}`);
      }
      if (mismatches.length) log(`WARNING: the API and the raw SQL disagree on the rows: ${mismatches.join("; ")}`);
      const firstPageBytes = Buffer.byteLength(await api(null));
      log(`viewer sees ${fmtInt(total)} annotations in ${lastPage + 1} pages; the container with its first page is ${fmtInt(firstPageBytes)} bytes`);

      // Warm-up, then the first page, alternating.
      for (let i = 0; i < 30; i++) {
        await api(null);
        await sql(0);
      }
      const { tally: oneRequest } = await withQueryTally(() => api(null));
      collectGarbage();
      const load: number[] = [loadAverage()];
      const firstApi: Sample[] = [];
      const firstSql: Sample[] = [];
      for (let i = 0; i < cfg.iterations; i++) {
        const order = i % 2 === 0;
        if (order) firstApi.push((await measure(() => api(null), true)).sample);
        firstSql.push((await measure(() => sql(0))).sample);
        if (!order) firstApi.push((await measure(() => api(null), true)).sample);
      }
      load.push(loadAverage());
      log(`first page: api p50 ${fmt(quantile(firstApi.map((s) => s.ms), 0.5), 2)} ms, sql p50 ${fmt(quantile(firstSql.map((s) => s.ms), 0.5), 2)} ms`);

      // The same after every change: a no-op UPDATE of one annotation (a different one each
      // time) moves the document's annotation revision (a trigger), so no cached answer may be
      // used; pages whose rows did not change reuse their presented items (pageFingerprint).
      const annotationIds = (await raw.query<{ id: string }>(`SELECT "id" FROM "Annotation" WHERE "documentId" = $1 ORDER BY "id"`, [documentId])).rows.map((r) => r.id);
      const change = () => raw.query(`UPDATE "Annotation" SET "version" = "version" WHERE "id" = $1`, [random.pick(annotationIds)]);
      const { clearCaches } = await import("../lib/cache/registry");
      const coldApi: Sample[] = [];
      const coldSql: Sample[] = [];
      for (let i = 0; i < Math.ceil(cfg.iterations / 2); i++) {
        await change();
        coldApi.push((await measure(() => api(null), true)).sample);
        coldSql.push((await measure(() => sql(0))).sample);
      }

      // Full walks: container + page 1…last through the API, after a change (as clients walk a
      // document that is being annotated) and with every cache emptied first (a cold process:
      // every page read and presented); page 0…last by SQL.
      const walkApi: number[] = [];
      const walkCold: number[] = [];
      const walkSql: number[] = [];
      const pagesApi: Sample[] = [];
      const pagesCold: Sample[] = [];
      const pagesSql: Sample[] = [];
      const walk = async (kind: "api" | "cold" | "sql") => {
        if (kind === "api") await change();
        if (kind === "cold") clearCaches();
        const pages = kind === "api" ? pagesApi : pagesCold;
        const started = performance.now();
        for (let page = 0; page <= lastPage; page++) {
          if (kind === "sql") pagesSql.push((await measure(() => sql(page))).sample);
          else if (page === 0) await api(null);
          else pages.push((await measure(() => api(page), true)).sample);
        }
        return performance.now() - started;
      };
      const kinds = ["api", "cold", "sql"] as const;
      for (let w = 0; w < cfg.walks; w++) {
        collectGarbage();
        // Rotated, so each kind runs first, second and third as often.
        for (let k = 0; k < kinds.length; k++) {
          const kind = kinds[(w + k) % kinds.length];
          const ms = await walk(kind);
          (kind === "api" ? walkApi : kind === "cold" ? walkCold : walkSql).push(ms);
        }
        log(`walk ${w + 1}/${cfg.walks}: api ${fmt(walkApi[w], 0)} ms, api cold ${fmt(walkCold[w], 0)} ms, sql ${fmt(walkSql[w], 0)} ms`);
      }
      load.push(loadAverage());

      // Where an API page's time goes: each step of the handler on its own (same lib functions).
      const steps = await breakdown({ token, documentId, viewerId, iterations: Math.max(50, Math.round(cfg.iterations / 3)) });

      // Postgres's side: every SELECT of one container request and of one middle page, and the raw statement, explained.
      const midPage = Math.max(1, Math.floor(lastPage / 2));
      const capturedContainer = (await withQueryTally(() => api(null), { capture: true })).tally.captured;
      const capturedPage = (await withQueryTally(() => api(midPage), { capture: true })).tally.captured;
      const explained = {
        container: await explainStatements(raw, capturedContainer),
        page: await explainStatements(raw, capturedPage),
        raw: await explainStatements(raw, [
          { text: RAW_PAGE_SQL, values: [documentId, viewerId, PAGE_SIZE, 0] },
          { text: RAW_PAGE_SQL, values: [documentId, viewerId, PAGE_SIZE, midPage * PAGE_SIZE] },
        ]),
      };

      const fa = summary(firstApi);
      const fs = summary(firstSql);
      const ca = summary(coldApi);
      const cs = summary(coldSql);
      const coldRatio = ca.p50 / cs.p50;
      const pa = summary(pagesApi);
      const pc = summary(pagesCold);
      const ps = summary(pagesSql);
      const wa = { p50: quantile(walkApi, 0.5), min: Math.min(...walkApi), max: Math.max(...walkApi) };
      const wc = { p50: quantile(walkCold, 0.5), min: Math.min(...walkCold), max: Math.max(...walkCold) };
      const ws = { p50: quantile(walkSql, 0.5), min: Math.min(...walkSql), max: Math.max(...walkSql) };
      const firstRatio = fa.p50 / fs.p50;
      const pageRatio = pa.p50 / ps.p50;
      const walkRatio = wa.p50 / ws.p50;
      const pageColdRatio = pc.p50 / ps.p50;
      const walkColdRatio = wc.p50 / ws.p50;

      const targets: TargetResult[] = [
        { name: `container + first page ≤ ${TARGETS.ratioP50}× raw SQL (p50)`, measured: `${fmt(firstRatio, 2)}×`, target: `≤ ${TARGETS.ratioP50}×`, met: firstRatio <= TARGETS.ratioP50 },
        { name: `?page=N ≤ ${TARGETS.ratioP50}× raw SQL (p50)`, measured: `${fmt(pageRatio, 2)}×`, target: `≤ ${TARGETS.ratioP50}×`, met: pageRatio <= TARGETS.ratioP50 },
        { name: `full list (walk every page) ≤ ${TARGETS.ratioP50}× raw SQL (p50)`, measured: `${fmt(walkRatio, 2)}×`, target: `≤ ${TARGETS.ratioP50}×`, met: walkRatio <= TARGETS.ratioP50 },
        { name: `API page p99 < ${TARGETS.pageP99Ms} ms (container and ?page=N)`, measured: `${fmt(Math.max(fa.p99, pa.p99), 1)} ms`, target: `< ${TARGETS.pageP99Ms} ms`, met: Math.max(fa.p99, pa.p99) < TARGETS.pageP99Ms },
        { name: `cold ?page=N (caches emptied) ≤ ${TARGETS.ratioP50}× raw SQL (p50)`, measured: `${fmt(pageColdRatio, 2)}×`, target: `≤ ${TARGETS.ratioP50}×`, met: pageColdRatio <= TARGETS.ratioP50 },
        { name: `cold full list ≤ ${TARGETS.ratioP50}× raw SQL (p50)`, measured: `${fmt(walkColdRatio, 2)}×`, target: `≤ ${TARGETS.ratioP50}×`, met: walkColdRatio <= TARGETS.ratioP50 },
        { name: `cold ?page=N p99 < ${TARGETS.pageP99Ms} ms`, measured: `${fmt(pc.p99, 1)} ms`, target: `< ${TARGETS.pageP99Ms} ms`, met: pc.p99 < TARGETS.pageP99Ms },
      ];

      let profileText = "";
      let profileFile: string | undefined;
      if (cfg.profile || targets.some((t) => !t.met)) {
        log("profiling 200 API requests in-process (100 containers, 100 pages)");
        const root = path.resolve(import.meta.dirname, "..");
        const profile = await profileInProcess(
          "annotation-api",
          async () => {
            for (let i = 0; i < 100; i++) {
              await api(null);
              await api(1 + (i % lastPage));
            }
          },
          { inclusiveDir: `${root}/lib/`, top: 25 },
        );
        profileFile = profile.file;
        profileText = `\nProfile of 200 API requests, handler and Prisma in this process; the database's own time is idle here (${profile.file}):\n${profile.text}`;
      }

      const requestRow = (label: string, s: ReturnType<typeof summary>) => [
        label,
        fmtInt(s.n),
        fmt(s.p50, 2),
        fmt(s.p90, 2),
        fmt(s.p99, 2),
        fmt(s.max, 1),
        fmt(s.cpuP50, 2),
        s.queries === undefined ? "1" : String(s.queries),
        s.sqlP50 === undefined ? fmt(s.p50, 2) : fmt(s.sqlP50, 2),
      ];
      const text = [
        `${fmtInt(cfg.annotations)} annotations (${Object.entries(counts).map(([k, v]) => `${fmtInt(v)} ${k}`).join(", ")}) on a ${fmtInt(cfg.chars)}-code-point document; the viewer (a member, not a moderator) sees ${fmtInt(total)} in ${lastPage + 1} pages of ${PAGE_SIZE}; container + first page ${fmtInt(firstPageBytes)} bytes`,
        `raw SQL mirrors annotationInclude's ${includeKeys(annotationInclude as Record<string, unknown>).join(", ")}${missing.length ? ` — except ${missing.join(", ")}` : ""}`,
        `${database.kind} Postgres; node ${process.execArgv.filter((a) => a.startsWith("--") && a !== "--import").join(" ") || "(no flags)"} (the server's, scripts/node-flags.mjs); load average ${load.join(", ")} on ${os.cpus().length} CPUs${mismatches.length ? `; WARNING rows differ: ${mismatches.join("; ")}` : "; API and SQL return the same ids in the same order (checked on 3 pages)"}`,
        "",
        "Per request (ms, wall clock); CPU = this process's CPU time for it (Postgres's own not included); SQL = wall time waiting on Postgres round trips inside it:",
        table(["request", "n", "p50", "p90", "p99", "max", "CPU p50", "queries", "SQL p50"], [
          requestRow("api: container + first page", fa),
          requestRow("sql: page 0", fs),
          requestRow("api: container after a change (no cached answer)", ca),
          requestRow("sql: page 0 (same rounds)", cs),
          requestRow("api: ?page=N (walks after a change)", pa),
          requestRow("api: ?page=N (cold walks)", pc),
          requestRow("sql: page N (walks)", ps),
        ]),
        "",
        "Full list (every page; ms per walk):",
        table(["walk", "runs", "min", "p50", "max", "per page p50"], [
          ["api: container + ?page=1…last, after a change", String(walkApi.length), fmt(wa.min, 0), fmt(wa.p50, 0), fmt(wa.max, 0), fmt(wa.p50 / (lastPage + 1), 2)],
          ["api: the same, caches emptied first (cold)", String(walkCold.length), fmt(wc.min, 0), fmt(wc.p50, 0), fmt(wc.max, 0), fmt(wc.p50 / (lastPage + 1), 2)],
          ["sql: page 0…last", String(walkSql.length), fmt(ws.min, 0), fmt(ws.p50, 0), fmt(ws.max, 0), fmt(ws.p50 / (lastPage + 1), 2)],
        ]),
        "",
        `api / sql (p50): container + first page ${fmt(firstRatio, 2)}× (after a change, no cached answer: ${fmt(coldRatio, 2)}×), ?page=N ${fmt(pageRatio, 2)}× (cold ${fmt(pageColdRatio, 2)}×), full list ${fmt(walkRatio, 2)}× (cold ${fmt(walkColdRatio, 2)}×); every API walk starts after a change to one annotation, a cold one with every cache emptied`,
        "",
        `Where the first page's time goes: each step of the handler timed on its own, ${steps.iterations} iterations (ms; CPU = this process; SQL = Postgres round trips inside):`,
        table(
          ["step", "p50", "p99", "CPU p50", "queries", "SQL p50"],
          steps.rows.map((r) => [r.step, fmt(r.p50, 2), fmt(r.p99, 2), fmt(r.cpuP50, 2), r.queries === undefined ? "–" : String(r.queries), r.sqlP50 === undefined ? "–" : fmt(r.sqlP50, 2)]),
        ),
        `sum of the steps ${fmt(steps.rows.filter((r) => !r.step.startsWith(" ")).reduce((n, r) => n + r.p50, 0), 2)} ms vs the handler's p50 ${fmt(fa.p50, 2)} ms`,
        "",
        `The ${oneRequest.queries} SQL statements of one container request (in completion order, first 200 characters):`,
        ...oneRequest.texts.map((t, i) => `  ${String(i + 1).padStart(2)}. ${t}`),
        "",
        "Postgres's own time (EXPLAIN ANALYZE, run once more afterwards; also slowed by machine load) for the SELECTs of one container request:",
        explainTable(explained.container),
        "",
        `… of one ?page=${midPage}:`,
        explainTable(explained.page),
        "",
        `… of the raw statement, page 0 and page ${midPage}:`,
        explainTable(explained.raw),
        "",
        table(["target", "measured", "target", ""], targets.map((t) => [t.name, t.measured, t.target, t.met ? "PASS" : "MISS"])),
        profileText,
      ].join("\n");

      return {
        name: "annotation-api",
        text,
        targets,
        data: {
          config: cfg,
          counts,
          total,
          pages: lastPage + 1,
          firstPageBytes,
          database: database.kind,
          loadAverage: load,
          mismatches,
          rawSqlMissing: missing,
          summary: { firstApi: fa, firstSql: fs, coldApi: ca, coldSql: cs, coldRatio, pagesApi: pa, pagesCold: pc, pagesSql: ps, walkApi: wa, walkCold: wc, walkSql: ws, firstRatio, pageRatio, walkRatio, pageColdRatio, walkColdRatio },
          steps,
          queriesOfOneRequest: oneRequest.texts,
          explained,
          samples: { firstApi, firstSql, walkApi, walkCold, walkSql },
          profileFile,
        },
      };
    });
  },
};

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Rows": number; "Actual Loops": number; "Rows Removed by Filter"?: number; Plans?: PlanNode[] };
type Explained = { statement: string; executionMs: number; planningMs: number; biggestScan: string };

/** What a statement is, in a few words: its kind, main table, and the shapes that cost. */
function shortStatement(sql: string): string {
  const text = sql.replace(/"public"\./g, "").replace(/\s+/g, " ").trim();
  const from = /FROM "(\w+)"/.exec(text)?.[1] ?? "?";
  const parts: string[] = [];
  if (/^WITH page AS/.test(text)) parts.push("raw: page of Annotation, then author/thread/counts/reactions");
  else if (/COUNT\(\*\) AS "_count\$_all"/.test(text)) parts.push(`count(*) ${from} (visible, with thread join)`);
  else if (/MAX\(/.test(text)) parts.push(`max(updatedAt), sum(version) ${from} (visible, with thread join)`);
  else parts.push(`select ${from}`);
  if (/GROUP BY/.test(text) && !/^WITH/.test(text)) parts.push(`+ ${(text.match(/GROUP BY/g) ?? []).length} GROUP BY subqueries over whole tables (_count)`);
  const inList = /IN \(((?:\$\d+,?)+)\)/.exec(text);
  if (inList) parts.push(`WHERE … IN (${inList[1].split(",").length} values)`);
  if (/LIMIT \$\d+ OFFSET/.test(text) && !/^WITH/.test(text)) parts.push("LIMIT/OFFSET");
  return parts.join(" ");
}

/**
 * Postgres's own time for each SELECT a request sent (EXPLAIN ANALYZE, run again afterwards on
 * the bench's connection) and the scan that read the most rows: shows which statement is slow
 * and why, independently of this process.
 */
async function explainStatements(client: pg.Client, statements: { text: string; values: unknown[] }[]): Promise<Explained[]> {
  const out: Explained[] = [];
  for (const { text, values } of statements) {
    if (!/^\s*(SELECT|WITH)\b/i.test(text)) continue;
    const result = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values as unknown[]);
    const [plan] = result.rows[0]["QUERY PLAN"] as { Plan: PlanNode; "Planning Time": number; "Execution Time": number }[];
    let biggest: { rows: number; label: string } = { rows: -1, label: "–" };
    const walk = (node: PlanNode) => {
      if (node.Plans) node.Plans.forEach(walk);
      if (!node["Relation Name"]) return;
      const rows = (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"];
      if (rows > biggest.rows) biggest = { rows, label: `${node["Node Type"]} on ${node["Relation Name"]}: ${fmtInt(rows)} rows read${node["Actual Loops"] > 1 ? ` (${fmtInt(node["Actual Loops"])} loops)` : ""}` };
    };
    walk(plan.Plan);
    out.push({ statement: shortStatement(text), executionMs: plan["Execution Time"], planningMs: plan["Planning Time"], biggestScan: biggest.label });
  }
  return out;
}

const explainTable = (rows: Explained[]) =>
  table(["statement", "exec ms", "plan ms", "biggest scan"], rows.map((r) => [r.statement, fmt(r.executionMs, 2), fmt(r.planningMs, 2), r.biggestScan]));

type StepRow = { step: string; p50: number; p99: number; cpuP50: number; queries?: number; sqlP50?: number };

/**
 * The handler's steps for the container with its first page, each timed on its own with the
 * lib functions lib/w3c/container-resource.ts calls (as of this benchmark), so the table shows
 * where the time goes: auth, document access, the visible set's summary (computed on a new
 * annotation revision, else cached), the page's rows, presenting 100 annotations, JSON and the ETag.
 */
async function breakdown(opts: { token: string; documentId: string; viewerId: string; iterations: number }): Promise<{ iterations: number; rows: StepRow[] }> {
  const { NextRequest } = await import("next/server");
  const { actorFromRequest } = await import("../lib/auth/current-user");
  const { loadDocumentForViewer } = await import("../lib/queries/document-access");
  const { pageOfVisibleAnnotations } = await import("../lib/queries/annotations");
  const { presentAnnotation, etagOfText } = await import("../lib/presenters/annotation");
  const { containerDescription } = await import("../lib/w3c/collection");
  const request = () => new NextRequest(new URL(`/api/annotations/${opts.documentId}/`, ORIGIN), { headers: { authorization: `Bearer ${opts.token}`, accept: ACCEPT } });
  const { viewer, document } = await loadDocumentForViewer(opts.documentId, opts.viewerId);
  const first = await pageOfVisibleAnnotations(opts.documentId, viewer, { skip: 0, take: PAGE_SIZE }, document.annotationsSetRevision);
  const state = { origin: ORIGIN, documentId: opts.documentId, label: `Annotations on “${document.title}”`, total: first.total, modified: first.modified, iris: false };
  const items = first.rows.map((row) => presentAnnotation(row, ORIGIN, viewer, { embedded: true }));
  const body = containerDescription(state, items);
  const text = JSON.stringify(body);

  const steps: { step: string; work: () => Promise<unknown> | unknown; sql?: boolean }[] = [
    { step: "auth: Bearer token → actor", work: () => actorFromRequest(request()), sql: true },
    { step: "document + membership (loadDocumentForViewer)", work: () => loadDocumentForViewer(opts.documentId, opts.viewerId), sql: true },
    // No revision given: the summary of the visible set is recomputed, as after any change to the document's annotations.
    { step: "  (after a change) visible set summary + page 0", work: () => pageOfVisibleAnnotations(opts.documentId, viewer, { skip: 0, take: PAGE_SIZE }), sql: true },
    { step: "page 0 rows (summary cached for the revision)", work: () => pageOfVisibleAnnotations(opts.documentId, viewer, { skip: 0, take: PAGE_SIZE }, document.annotationsSetRevision), sql: true },
    { step: "present 100 annotations (presentAnnotation)", work: () => first.rows.map((row) => presentAnnotation(row, ORIGIN, viewer, { embedded: true })) },
    { step: "container body (containerDescription)", work: () => containerDescription(state, items) },
    { step: "JSON.stringify(body) (the response)", work: () => JSON.stringify(body) },
    { step: "ETag: sha256 of the serialized body", work: () => etagOfText(text) },
  ];
  const out: StepRow[] = [];
  for (const { step, work, sql } of steps) {
    for (let i = 0; i < 10; i++) await work();
    const samples: Sample[] = [];
    for (let i = 0; i < opts.iterations; i++) samples.push((await measure(async () => work(), sql)).sample);
    const ms = samples.map((s) => s.ms);
    out.push({ step, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), cpuP50: quantile(samples.map((s) => s.cpuMs), 0.5), queries: samples[0].queries, sqlP50: sql ? quantile(samples.map((s) => s.sqlMs ?? 0), 0.5) : undefined });
  }
  return { iterations: opts.iterations, rows: out };
}

export default benchmark;
