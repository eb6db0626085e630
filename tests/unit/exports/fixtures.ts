import type { ExportItem } from "@/lib/exports/items";

/** An export item with sensible defaults, for formatter tests. */
export function item(overrides: Partial<ExportItem> & { id: string }): ExportItem {
  return {
    iri: `https://m.test/api/annotations/doc/${overrides.id}`,
    parentId: null,
    author: "Ada Lindqvist",
    created: "2026-01-02T10:00:00.000Z",
    quote: null,
    note: "",
    noteFormat: "text/markdown",
    tags: [],
    visibility: "group",
    status: "approved",
    orphaned: false,
    position: null,
    ...overrides,
  };
}
