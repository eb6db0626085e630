import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { annotationPage, collectionIri, containerDescription, hasPage, lastPageIndex, PAGE_SIZE, pageIri, pageWindow, parseContainerQuery, type CollectionState } from "@/lib/w3c/collection";

const base = "https://m.test/api/annotations/doc1/";
const state = (total: number, extra: Partial<CollectionState> = {}): CollectionState => ({
  origin: "https://m.test",
  documentId: "doc1",
  label: "Annotations on “Doc”",
  total,
  modified: new Date("2026-01-02T03:04:05Z"),
  iris: false,
  ...extra,
});

describe("container query", () => {
  it("reads ?iris and ?page, and refuses anything else (400)", () => {
    expect(parseContainerQuery(new URLSearchParams(""))).toEqual({ iris: null, page: null });
    expect(parseContainerQuery(new URLSearchParams("iris=1&page=3"))).toEqual({ iris: true, page: 3 });
    expect(parseContainerQuery(new URLSearchParams("iris=0"))).toEqual({ iris: false, page: null });
    for (const q of ["page=-1", "page=1.5", "page=x", "iris=yes", "page="]) expect(() => parseContainerQuery(new URLSearchParams(q))).toThrow(ValidationError);
  });
});

describe("IRIs and windows", () => {
  it("gives the IRIs variant its own collection and page IRIs, as the Protocol's examples do", () => {
    expect(collectionIri(state(1))).toBe(base);
    expect(collectionIri(state(1, { iris: true }))).toBe(`${base}?iris=1`);
    expect(pageIri(state(1), 2)).toBe(`${base}?page=2`);
    expect(pageIri(state(1, { iris: true }), 0)).toBe(`${base}?iris=1&page=0`);
  });

  it("counts pages from 0; an empty collection has none", () => {
    expect(lastPageIndex(state(0))).toBe(-1);
    expect(lastPageIndex(state(1))).toBe(0);
    expect(lastPageIndex(state(PAGE_SIZE))).toBe(0);
    expect(lastPageIndex(state(PAGE_SIZE + 1))).toBe(1);
    expect(hasPage(state(0), 0)).toBe(false);
    expect(hasPage(state(PAGE_SIZE + 1), 1)).toBe(true);
    expect(hasPage(state(PAGE_SIZE + 1), 2)).toBe(false);
    expect(pageWindow(state(500), 3)).toEqual({ skip: 3 * PAGE_SIZE, take: PAGE_SIZE });
  });
});

describe("containerDescription", () => {
  it("describes a BasicContainer AnnotationCollection with total, modified, an embedded first page and last", () => {
    const c = containerDescription(state(250), ["a1", "a2"]);
    expect(c["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", "http://www.w3.org/ns/ldp.jsonld", expect.any(Object)]);
    expect(c).toMatchObject({ id: base, type: ["BasicContainer", "AnnotationCollection"], label: "Annotations on “Doc”", total: 250, modified: "2026-01-02T03:04:05.000Z", last: `${base}?page=2` });
    expect(c.first).toEqual({ id: `${base}?page=0`, type: "AnnotationPage", partOf: { id: base, total: 250, modified: "2026-01-02T03:04:05.000Z" }, startIndex: 0, next: `${base}?page=1`, items: ["a1", "a2"] });
  });

  it("links the first page instead of embedding it for a minimal container", () => {
    const c = containerDescription(state(5, { iris: true }));
    expect(c).toMatchObject({ id: `${base}?iris=1`, first: `${base}?iris=1&page=0`, last: `${base}?iris=1&page=0` });
  });

  it("has neither first nor last when empty", () => {
    const c = containerDescription(state(0, { modified: null }));
    expect(c).not.toHaveProperty("first");
    expect(c).not.toHaveProperty("last");
    expect(c).not.toHaveProperty("modified");
    expect(c.total).toBe(0);
  });
});

describe("annotationPage", () => {
  it("links prev and next, gives startIndex and partOf, and its own @context when fetched alone", () => {
    const p = annotationPage(state(250), 1, ["x"]);
    expect(p).toMatchObject({ id: `${base}?page=1`, type: "AnnotationPage", startIndex: PAGE_SIZE, prev: `${base}?page=0`, next: `${base}?page=2`, partOf: { id: base, total: 250 } });
    expect(p["@context"]).toBeDefined();
  });

  it("has no next on the last page and no prev on the first", () => {
    expect(annotationPage(state(250), 2, ["x"])).not.toHaveProperty("next");
    expect(annotationPage(state(250), 0, ["x"])).not.toHaveProperty("prev");
    expect(annotationPage(state(250), 0, ["x"], { embedded: true })).not.toHaveProperty("@context");
  });
});
