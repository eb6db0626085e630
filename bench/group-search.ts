/**
 * Full-text search across a seminar group's annotations, through the API, against the same
 * query in raw SQL, in the same run.
 *
 * Setup: a scratch Postgres (bench/lib/database.ts); a group with BENCH_USERS members and API
 * tokens and BENCH_DOCUMENTS texts; BENCH_ANNOTATIONS annotation rows inserted directly
 * (createMany) with markdown notes and quotes in the corpus's vocabulary (bench/lib/corpus.ts),
 * tags, authors across the group, ~20 % replies, ~8 % private, ~4 % pending or hidden, reactions
 * on ~15 %, and a rare word in ~0.1 %. Annotation.searchVector is the generated column the
 * migration defines, indexed with GIN, so the rows are searchable as they would be in use.
 *
 * Measured, as one member (an editor, not a moderator) with a Bearer API token, for a mix of
 * queries (a common word, two words, a phrase, a rare word, with a tag, an author or a text
 * as filter, and a second page through the cursor):
 *   api   GET app/api/v1/groups/[groupId]/search/route.ts called in-process with a NextRequest
 *         (token lookup, membership, search, presenter, JSON) until the body text is read;
 *   sql   the very statement the API runs (groupSearchSql: visibility, ranking, ts_headline
 *         snippets, reaction counts), sent through `pg` on its own connection.
 * Requests alternate api/sql so both see the same machine load. Target: API p50 and p99 within
 * 1.5× of raw SQL over all queries.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { corpusText, makeCorpus, phrase } from "./lib/corpus";
import { withApiBenchDatabase } from "./lib/database";
import { collectGarbage } from "./lib/gc";
import { loadAverage } from "./lib/proc";
import { seededRandom, type Random } from "./lib/random";
import { envInt, fmt, fmtInt, quantile, table } from "./lib/stats";
import type { Benchmark, TargetResult } from "./lib/types";

const TARGET_RATIO = 1.5;
const ORIGIN = "http://marginalia.test";
const RARE_WORD = "palimpsest";
const TAGS = ["question", "evidence", "translation", "context", "todo", "disagree", "key-passage", "source", "style", "exam"];

type Config = { annotations: number; users: number; documents: number; iterations: number; seed: number };

function config(): Config {
  return {
    annotations: envInt("BENCH_ANNOTATIONS", 100_000),
    users: envInt("BENCH_USERS", 30),
    documents: envInt("BENCH_DOCUMENTS", 12),
    iterations: envInt("BENCH_ITERATIONS", 150),
    seed: envInt("BENCH_SEED", 1),
  };
}

const log = (m: string) => console.log(`[group-search] ${m}`);
const cuidLike = () => `c${randomBytes(12).toString("hex")}`;

function note(random: Random): string {
  const sentences = Array.from({ length: random.int(1, 4) }, () => {
    const s = phrase(random, random.int(5, 18));
    return s[0].toUpperCase() + s.slice(1) + random.pick([".", ".", "?"]);
  });
  if (random.chance(0.15)) sentences[0] = `**${sentences[0]}**`;
  if (random.chance(0.001)) sentences.push(`A ${RARE_WORD} of readings.`);
  return sentences.join(" ");
}

/** 100,000 rows in batches of 1,000, as a busy seminar would accumulate them over a term. */
export async function insertAnnotations(random: Random, opts: { groupId: string; documentIds: string[]; userIds: string[]; count: number }) {
  const { db } = await import("../lib/db");
  const t0 = Date.now() - 90 * 24 * 3600 * 1000;
  const roots: { id: string; documentId: string; visibility: string }[] = [];
  const counts = { replies: 0, private: 0, pending: 0, hidden: 0, reactions: 0, rare: 0 };
  let batch: Record<string, unknown>[] = [];
  let reactions: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length) await db().annotation.createMany({ data: batch as never });
    if (reactions.length) await db().reaction.createMany({ data: reactions as never, skipDuplicates: true });
    batch = [];
    reactions = [];
  };
  for (let i = 0; i < opts.count; i++) {
    const authorId = opts.userIds[Math.min(opts.userIds.length - 1, Math.floor(random.next() ** 1.5 * opts.userIds.length))];
    const r = random.next();
    const status = r < 0.03 ? "pending" : r < 0.04 ? "hidden" : "approved";
    const body = note(random);
    if (body.includes(RARE_WORD)) counts.rare++;
    const base = {
      id: cuidLike(),
      groupId: opts.groupId,
      authorId,
      status,
      body,
      tags: random.chance(0.35) ? Array.from(new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(TAGS)))) : [],
      createdAt: new Date(t0 + i * 60_000 + random.int(0, 1000)),
    };
    if (status !== "approved") counts[status as "pending" | "hidden"]++;
    if (roots.length > 50 && random.chance(0.2)) {
      const root = random.pick(roots);
      batch.push({ ...base, documentId: root.documentId, motivation: "replying", parentId: root.id, threadId: root.id, visibility: root.visibility });
      counts.replies++;
    } else {
      const visibility = random.chance(0.08) ? "private" : "group";
      if (visibility === "private") counts.private++;
      const row = { ...base, documentId: random.pick(opts.documentIds), visibility, quoteExact: phrase(random, random.int(2, 12)), positionStart: 0, positionEnd: 10, resolved: random.chance(0.1) };
      batch.push(row);
      roots.push(row);
    }
    if (random.chance(0.15)) {
      for (const userId of new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(opts.userIds)))) {
        reactions.push({ annotationId: base.id, userId, kind: random.chance(0.7) ? "helpful" : "question" });
        counts.reactions++;
      }
    }
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return counts;
}

type Query = { name: string; params: Record<string, string> };

const benchmark: Benchmark = {
  name: "group-search",
  description: "Group-wide full-text search over 100,000 annotations: the API route vs the same SQL through pg, same run",
  async run() {
    const cfg = config();
    const random = seededRandom(cfg.seed);
    return withApiBenchDatabase({ log, users: cfg.users, content: corpusText(makeCorpus(random, 3_000)) }, async ({ raw, fixtures }) => {
      const documentIds: string[] = [];
      for (let i = 0; i < cfg.documents; i++) documentIds.push((await fixtures.createDocument(`Bench text ${i + 1}`)).id);
      const setupStarted = performance.now();
      const counts = await insertAnnotations(random, { groupId: fixtures.groupId, documentIds, userIds: fixtures.userIds, count: cfg.annotations });
      log(`inserted ${fmtInt(cfg.annotations)} annotations in ${fmt((performance.now() - setupStarted) / 1000, 1)} s: ${Object.entries(counts).map(([k, v]) => `${fmtInt(v)} ${k}`).join(", ")}`);

      const viewerIndex = 1;
      const viewerId = fixtures.userIds[viewerIndex];
      const token = fixtures.tokens[viewerIndex];
      await raw.query("VACUUM ANALYZE");

      const { NextRequest } = await import("next/server");
      const { GET } = await import("../app/api/v1/groups/[groupId]/search/route");
      const { groupSearchSql } = await import("../lib/queries/search");
      const { findMembership } = await import("../lib/queries/memberships");
      const { searchInput } = await import("../lib/validation/search");
      const groupId = fixtures.groupId;
      const viewer = { userId: viewerId, groupId, membership: await findMembership(groupId, viewerId) };

      const api = async (params: Record<string, string>) => {
        const url = new URL(`/api/v1/groups/${groupId}/search?${new URLSearchParams(params)}`, ORIGIN);
        const response = await GET(new NextRequest(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ groupId }) });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${text.slice(0, 300)}`);
        return text;
      };
      const sql = async (params: Record<string, string>) => {
        const statement = groupSearchSql(viewer, searchInput.parse(params));
        return (await raw.query(statement.text, statement.values as unknown[])).rows as { id: string }[];
      };

      const firstPage = JSON.parse(await api({ q: "reader" }));
      const queries: Query[] = [
        { name: "common word", params: { q: "reader" } },
        { name: "two words", params: { q: "memory archive" } },
        { name: "phrase", params: { q: '"careful reader"' } },
        { name: "rare word", params: { q: RARE_WORD } },
        { name: "word + tag", params: { q: "translation", tag: "question" } },
        { name: "word + author", params: { q: "letter", author: fixtures.userIds[0] } },
        { name: "word + text", params: { q: "silence", document: documentIds[0] } },
        { name: "second page", params: { q: "reader", cursor: firstPage.cursor } },
      ];

      // The API and the raw statement must return the same rows in the same order.
      const matched: Record<string, number> = {};
      for (const query of queries) {
        const apiIds = (JSON.parse(await api(query.params)).items as { id: string }[]).map((i) => i.id);
        const sqlIds = (await sql(query.params)).map((r) => r.id).slice(0, 20);
        if (apiIds.join() !== sqlIds.join()) throw new Error(`${query.name}: the API and the raw SQL disagree (${apiIds.length} vs ${sqlIds.length} rows)`);
        matched[query.name] = Number((await raw.query(`SELECT count(*) FROM "Annotation" WHERE "groupId" = $1 AND "searchVector" @@ websearch_to_tsquery('english', $2)`, [groupId, query.params.q])).rows[0].count);
      }

      for (const query of queries)
        for (let i = 0; i < 5; i++) {
          await api(query.params);
          await sql(query.params);
        }
      collectGarbage();
      const samples = new Map(queries.map((q) => [q.name, { api: [] as number[], sql: [] as number[] }]));
      for (let i = 0; i < cfg.iterations; i++) {
        for (const query of queries) {
          const s = samples.get(query.name)!;
          const order = i % 2 === 0 ? (["api", "sql"] as const) : (["sql", "api"] as const);
          for (const kind of order) {
            const started = performance.now();
            if (kind === "api") await api(query.params);
            else await sql(query.params);
            s[kind].push(performance.now() - started);
          }
        }
      }

      const allApi = [...samples.values()].flatMap((s) => s.api);
      const allSql = [...samples.values()].flatMap((s) => s.sql);
      const row = (name: string, matches: string, a: number[], s: number[]) => [
        name,
        matches,
        fmt(quantile(s, 0.5), 2),
        fmt(quantile(s, 0.99), 2),
        fmt(quantile(a, 0.5), 2),
        fmt(quantile(a, 0.99), 2),
        `${fmt(quantile(a, 0.5) / quantile(s, 0.5), 2)}×`,
        `${fmt(quantile(a, 0.99) / quantile(s, 0.99), 2)}×`,
      ];
      const ratioP50 = quantile(allApi, 0.5) / quantile(allSql, 0.5);
      const ratioP99 = quantile(allApi, 0.99) / quantile(allSql, 0.99);
      const targets: TargetResult[] = [
        { name: `API p50 ≤ ${TARGET_RATIO}× raw SQL (all queries)`, measured: `${fmt(ratioP50, 2)}×`, target: `≤ ${TARGET_RATIO}×`, met: ratioP50 <= TARGET_RATIO },
        { name: `API p99 ≤ ${TARGET_RATIO}× raw SQL (all queries)`, measured: `${fmt(ratioP99, 2)}×`, target: `≤ ${TARGET_RATIO}×`, met: ratioP99 <= TARGET_RATIO },
      ];
      const text = [
        `${fmtInt(cfg.annotations)} annotations in one group (${cfg.documents} texts, ${cfg.users} members); viewer: an editor with a Bearer token; ${cfg.iterations} runs per query, api/sql alternating; load average ${fmt(loadAverage(), 2)}.`,
        `"matches" = rows whose searchVector matches the words, before visibility, filters and the page of 20 (ms below).`,
        "",
        table(
          ["query", "matches", "SQL p50", "SQL p99", "API p50", "API p99", "p50 ratio", "p99 ratio"],
          [...queries.map((q) => row(q.name, fmtInt(matched[q.name]), samples.get(q.name)!.api, samples.get(q.name)!.sql)), row("all queries", "", allApi, allSql)],
        ),
        "",
        table(["target", "measured", "target", ""], targets.map((t) => [t.name, t.measured, t.target, t.met ? "PASS" : "MISS"])),
      ].join("\n");
      return {
        name: benchmark.name,
        text,
        targets,
        data: {
          config: cfg,
          counts,
          matched,
          queries: Object.fromEntries([...samples].map(([name, s]) => [name, { apiP50: quantile(s.api, 0.5), apiP99: quantile(s.api, 0.99), sqlP50: quantile(s.sql, 0.5), sqlP99: quantile(s.sql, 0.99) }])),
          overall: { apiP50: quantile(allApi, 0.5), apiP99: quantile(allApi, 0.99), sqlP50: quantile(allSql, 0.5), sqlP99: quantile(allSql, 0.99), ratioP50, ratioP99 },
        },
      };
    });
  },
};

export default benchmark;
