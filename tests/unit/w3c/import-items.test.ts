import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { TooManyItemsError } from "@/lib/w3c/errors";
import { importItems, importOrder, retarget } from "@/lib/w3c/import-items";
import { wantsNdjson } from "@/lib/w3c/ndjson";

const a = (id: string, target: unknown = { source: "https://elsewhere.test/doc", selector: { type: "TextQuoteSelector", exact: "x" } }) => ({ id, type: "Annotation", target });

describe("importItems", () => {
  it("reads an array, one Annotation, a page, and a collection with embedded pages (also chained through next)", () => {
    expect(importItems([a("1"), a("2")])).toHaveLength(2);
    expect(importItems(a("1"))).toEqual([a("1")]);
    expect(importItems({ type: "AnnotationPage", items: [a("1")] })).toEqual([a("1")]);
    expect(importItems({ type: ["AnnotationCollection"], first: { type: "AnnotationPage", items: [a("1")], next: { type: "AnnotationPage", items: [a("2")] } } })).toEqual([a("1"), a("2")]);
    expect(importItems({ type: "AnnotationCollection", total: 0 })).toEqual([]);
  });

  it("refuses what it cannot read (400) and more than the limit (413)", () => {
    for (const body of [null, "text", 5, { type: "Other" }, { type: "AnnotationCollection", first: "https://x.test/page1" }, { type: "AnnotationPage", items: [a("1")], next: "https://x.test/page2" }]) {
      expect(() => importItems(body)).toThrow(ValidationError);
    }
    expect(() => importItems([a("1"), a("2"), a("3")], 2)).toThrow(TooManyItemsError);
  });
});

describe("importOrder", () => {
  it("keeps the given order, moving an item a reply answers just before the reply", () => {
    const items = [a("r2", "p2"), a("p1"), a("rr", "r1"), a("r1", "p1"), a("p2"), a("ext", "https://other.test/anno")];
    expect(importOrder(items)).toEqual([4, 0, 1, 3, 2, 5]);
    expect(importOrder([a("p"), a("r", "p"), a("q")])).toEqual([0, 1, 2]);
  });

  it("places every item once, even replies in a cycle", () => {
    expect(importOrder([a("x", "y"), a("y", "x"), a("z")])).toEqual([1, 0, 2]);
    expect(importOrder([a("self", "self")])).toEqual([0]);
  });
});

describe("retarget", () => {
  const ctx = { documentSource: "https://m.test/documents/d", containerIri: "https://m.test/api/annotations/d/", importedIri: (iri: string) => (iri === "old-parent" ? "https://m.test/api/annotations/d/new" : undefined) };

  it("points a text target at this document, keeping its selectors", () => {
    expect(retarget(a("1"), ctx)?.target).toEqual({ source: "https://m.test/documents/d", selector: { type: "TextQuoteSelector", exact: "x" } });
    expect(retarget({ target: [{ source: "s", selector: [] }] }, ctx)?.target).toEqual({ source: "https://m.test/documents/d", selector: [] });
  });

  it("points a reply at the annotation made from its parent, or at one already in this document", () => {
    expect(retarget(a("r", "old-parent"), ctx)?.target).toBe("https://m.test/api/annotations/d/new");
    expect(retarget(a("r", "https://m.test/api/annotations/d/here"), ctx)?.target).toBe("https://m.test/api/annotations/d/here");
    expect(retarget(a("r", "https://other.test/anno/1"), ctx)).toBeNull();
  });
});

describe("wantsNdjson", () => {
  it("is true only when Accept names application/x-ndjson", () => {
    expect(wantsNdjson(new Request("https://x.test", { headers: { accept: "application/x-ndjson" } }))).toBe(true);
    expect(wantsNdjson(new Request("https://x.test", { headers: { accept: "application/json, application/x-ndjson;q=0.5" } }))).toBe(true);
    expect(wantsNdjson(new Request("https://x.test", { headers: { accept: "application/json" } }))).toBe(false);
    expect(wantsNdjson(new Request("https://x.test"))).toBe(false);
  });
});
