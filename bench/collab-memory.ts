/**
 * Memory of the collaboration server per open document and per connection. The server
 * ("ours", as in collab-fanout) runs alone in a child process, once per heap setting:
 * V8's default and `--initial-old-space-size=512` (what npm start passes, scripts/node-flags.mjs).
 * After a first document and two connections warm it up (modules, JIT, pools; not counted),
 * BENCH_DOCUMENTS documents of about BENCH_DOC_KB KiB of text are opened by one client each,
 * then BENCH_CONNECTIONS − 1 more clients join every one of them; the server's resident memory
 * (VmRSS) is read when idle and after each step, after a full garbage collection (the server runs
 * with --expose-gc; SIGUSR2 collects), so the steps measure what stays live, not when V8 last
 * collected. Then every client types BENCH_RATE updates/s for BENCH_SECONDS: the growth of
 * resident memory meanwhile (garbage included, as in production) is reported, and what remains
 * after a full collection at the end.
 */
import { Recorder, RawClient, type BenchClient } from "./lib/clients";
import { closeDb, createFixtures, startDatabase } from "./lib/database";
import { processMemoryMb, startServerProcess } from "./lib/proc";
import { envInt, fmt, table } from "./lib/stats";
import type { Benchmark } from "./lib/types";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTINGS: { name: string; nodeArgs: string[] }[] = [
  { name: "V8 default", nodeArgs: [] },
  { name: "--initial-old-space-size=512", nodeArgs: ["--initial-old-space-size=512"] },
];

function text(kb: number): string {
  const sentence = "A reading group annotates this paragraph together, sentence by sentence, and argues in the margin. ";
  const paragraph = sentence.repeat(8);
  return Array.from({ length: Math.max(1, Math.round((kb * 1024) / paragraph.length)) }, () => paragraph.trim()).join("\n\n");
}

const benchmark: Benchmark = {
  name: "collab-memory",
  description: "collaboration server memory per open document and per connection, with and without the 512 MB initial old space",
  async run() {
    const cfg = { documents: envInt("BENCH_DOCUMENTS", 40), kb: envInt("BENCH_DOC_KB", 20), connections: envInt("BENCH_CONNECTIONS", 5), seconds: envInt("BENCH_SECONDS", 60), rate: envInt("BENCH_RATE", 2) };
    const log = (m: string) => console.log(`  ${m}`);
    const database = await startDatabase(log);
    const rows: string[][] = [];
    const data: Record<string, unknown>[] = [];
    try {
      process.env.DATABASE_URL = database.url;
      // Each user may hold 40 connections per instance (AuthExtension): spread the clients over enough users.
      const fixtures = await createFixtures({ users: Math.ceil((cfg.documents * cfg.connections + 2) / 30) + 1, content: text(cfg.kb) });
      const documents: string[] = [];
      for (let i = 0; i <= cfg.documents; i++) documents.push((await fixtures.createDocument(`Memory ${i}`)).id);
      // The first document warms the server up (modules, JIT, pools): it is not counted.
      const warmUp = documents.shift()!;
      await closeDb();
      for (const setting of SETTINGS) {
        const server = await startServerProcess({ kind: "ours", cpu: null, env: { DATABASE_URL: database.url }, nodeArgs: ["--expose-gc", ...setting.nodeArgs] });
        const total = cfg.documents * cfg.connections + 2;
        const recorder = new Recorder(total, total * (cfg.rate * (cfg.seconds + 10) + 10));
        const clients: BenchClient[] = [];
        const connect = async (documentName: string) => {
          const client = new RawClient(clients.length, { kind: "hocuspocus", url: `ws://127.0.0.1:${server.port}/collab`, documentName, token: fixtures.tokens[1 + (clients.length % (fixtures.tokens.length - 1))] }, recorder, { full: false });
          clients.push(client);
          await client.connect();
        };
        const settled = async () => {
          await sleep(1500);
          process.kill(server.pid, "SIGUSR2");
          await sleep(1500);
          return processMemoryMb(server.pid).rss;
        };
        try {
          const idle = await settled();
          await connect(warmUp);
          await connect(warmUp);
          const warm = await settled();
          for (const id of documents) await connect(id);
          const opened = await settled();
          for (let extra = 1; extra < cfg.connections; extra++) for (const id of documents) await connect(id);
          const connected = await settled();
          const start = processMemoryMb(server.pid).rss;
          const period = 1000 / cfg.rate;
          const timer = setInterval(() => clients.forEach((c) => c.edit()), period);
          const samples: number[] = [];
          for (let s = 0; s < cfg.seconds; s += 5) {
            await sleep(5000);
            samples.push(processMemoryMb(server.pid).rss);
          }
          clearInterval(timer);
          const end = processMemoryMb(server.pid);
          const afterGc = await settled();
          const perDocumentKb = ((opened - warm) * 1024) / cfg.documents;
          const perConnectionKb = ((connected - opened) * 1024) / (cfg.documents * (cfg.connections - 1));
          const growthPerMin = (end.rss - start) / (cfg.seconds / 60);
          rows.push([setting.name, fmt(idle, 0), fmt(warm, 0), fmt(perDocumentKb, 0), fmt(perConnectionKb, 0), fmt(growthPerMin, 1), fmt(end.rss, 0), fmt(afterGc, 0), fmt(end.peak, 0)]);
          data.push({ setting: setting.name, idleMb: idle, warmMb: warm, openedMb: opened, connectedMb: connected, samplesMb: samples, endMb: end.rss, afterGcMb: afterGc, peakMb: end.peak, perDocumentKb, perConnectionKb, growthMbPerMin: growthPerMin });
        } finally {
          clients.forEach((c) => c.close());
          await sleep(500);
          await server.stop();
        }
      }
    } finally {
      await database.stop();
    }
    const lines = [
      `collab-memory — ${cfg.documents} documents of ~${cfg.kb} KiB text, ${cfg.connections} connections each, then ${cfg.seconds} s of ${cfg.rate} updates/s per connection`,
      "",
      table(["server heap", "idle MiB", "warm MiB", "per open document KiB", "per extra connection KiB", "RSS growth MiB/min typing", "end of typing MiB", "then after GC MiB", "peak MiB"], rows),
      "",
      "(resident memory of the server process, VmRSS, read after a full GC except during typing; warm = after a first document and two connections, not counted; per document = one client opening it, per connection = further clients on open documents)",
    ];
    return { name: "collab-memory", text: lines.join("\n"), targets: [], data: { cfg, settings: data } };
  },
};

export default benchmark;
