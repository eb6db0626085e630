/**
 * Runs every benchmark in bench/ (each *.ts file next to this one default-exports a
 * Benchmark), prints its table and whether each target is met, and writes the results as
 * JSON to bench/results/. Targets are reported, never enforced: the exit code is 0 unless
 * a benchmark fails to run.
 *
 *   npm run bench                     all benchmarks
 *   npm run bench -- collab-fanout    only the named ones
 *
 * Knobs (environment): see bench/README.md.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Benchmark, BenchmarkReport } from "./lib/types";

const dir = import.meta.dirname;

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && e.name !== "run.ts" && !e.name.endsWith(".d.ts"))
    .map((e) => e.name)
    .sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: Benchmark };
    if (!mod.default?.run) throw new Error(`bench/${file} does not default-export a benchmark`);
    if (!only.length || only.includes(mod.default.name)) benchmarks.push(mod.default);
  }
  if (!benchmarks.length) throw new Error(`no benchmark matches ${only.join(", ")} (have: ${files.join(", ")})`);

  const resultsDir = path.join(dir, "results");
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const reports: BenchmarkReport[] = [];
  let failed = false;
  for (const benchmark of benchmarks) {
    console.log(`\n=== ${benchmark.name}: ${benchmark.description}\n`);
    const started = Date.now();
    try {
      const report = await benchmark.run();
      reports.push(report);
      const file = path.join(resultsDir, `${benchmark.name}-${stamp}.json`);
      await writeFile(file, JSON.stringify({ benchmark: benchmark.name, date: new Date().toISOString(), node: process.version, ...(report.data as object) }, null, 2));
      console.log(`\n${report.text}\n`);
      console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s; results in ${path.relative(process.cwd(), file)})`);
    } catch (error) {
      failed = true;
      console.error(`benchmark ${benchmark.name} failed:`, error);
    }
  }
  const targets = reports.flatMap((r) => r.targets.map((t) => ({ ...t, benchmark: r.name })));
  if (targets.length) {
    console.log("\n=== Summary of targets (informational; noisy machines, so never a failure)\n");
    for (const t of targets) console.log(`${t.met ? "PASS" : "MISS"}  ${t.benchmark}: ${t.name}: ${t.measured} (target ${t.target})`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
