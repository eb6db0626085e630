/** What every benchmark in bench/ exports as its default export. */
export type Benchmark = {
  name: string;
  description: string;
  run: () => Promise<BenchmarkReport>;
};

export type TargetResult = {
  name: string;
  /** Human-readable measured value, e.g. "1.07×" or "12.3 ms". */
  measured: string;
  /** Human-readable target, e.g. "≤ 1.2×". */
  target: string;
  met: boolean;
};

export type BenchmarkReport = {
  name: string;
  /** Everything to print, already formatted (tables, ratios, notes). */
  text: string;
  targets: TargetResult[];
  /** Written as JSON to bench/results/. */
  data: unknown;
};
