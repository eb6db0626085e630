import { flattenThreads, type ExportThread } from "./items";

export const CSV_COLUMNS = ["id", "parent_id", "author", "created", "quote", "note", "tags", "visibility", "status", "orphaned"] as const;

/**
 * Spreadsheets run cells that start with = + - @ (or a tab or carriage return) as formulas;
 * a leading apostrophe makes them text (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The annotations as CSV (RFC 4180, CRLF), one row per annotation, replies after their parent with its id. */
export function annotationsToCsv(threads: ExportThread[]): string {
  const rows = flattenThreads(threads).map((item) =>
    [item.id, item.parentId ?? "", item.author, item.created, item.quote ?? "", item.note, item.tags.join("; "), item.visibility, item.status, String(item.orphaned)],
  );
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
