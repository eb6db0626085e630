/** Small statistics and table helpers shared by the benchmarks. */

/** The q-quantile (0..1) of the values, by nearest rank; NaN when there are none. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: ArrayLike<number>) => quantile(values, 0.5);

/** Median of the finite values only (runs that produced no sample are skipped). */
export function medianOf(values: number[]): number {
  return median(values.filter(Number.isFinite));
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "–";
  return value.toFixed(digits);
}

export function fmtInt(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return Math.round(value).toLocaleString("en-US");
}

/** A plain-text table with right-aligned numeric columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}

/** Reads a positive number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

/** envNumber rounded to a whole number (counts, seeds, sizes). */
export function envInt(name: string, fallback: number): number {
  return Math.round(envNumber(name, fallback));
}
