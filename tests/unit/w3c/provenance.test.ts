import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { isIri, provenanceOf } from "@/lib/w3c/provenance";

describe("provenanceOf", () => {
  it("keeps canonical as sent and the client's id as via", () => {
    expect(provenanceOf({ id: "urn:uuid:1", canonical: "urn:uuid:2" })).toEqual({ canonical: "urn:uuid:2", via: ["urn:uuid:1"] });
  });

  it("adds the client's id to the via it already had, without duplicates", () => {
    expect(provenanceOf({ id: "https://a.test/1", via: ["https://b.test/2", "https://a.test/1"] }).via).toEqual(["https://b.test/2", "https://a.test/1"]);
    expect(provenanceOf({ via: "https://b.test/2" }).via).toEqual(["https://b.test/2"]);
  });

  it("drops an id that is not an IRI (a bare key is no provenance)", () => {
    expect(provenanceOf({ id: "local-7" })).toEqual({ via: [] });
    expect(provenanceOf({ id: 7 })).toEqual({ via: [] });
  });

  it("refuses a canonical or via that is not an absolute IRI (400)", () => {
    expect(() => provenanceOf({ canonical: "not an iri" })).toThrow(ValidationError);
    expect(() => provenanceOf({ canonical: 5 })).toThrow(ValidationError);
    expect(() => provenanceOf({ via: ["https://ok.test", "relative/path"] })).toThrow(ValidationError);
    expect(() => provenanceOf({ via: Array.from({ length: 25 }, (_, i) => `urn:x:${i}`) })).toThrow(ValidationError);
  });
});

describe("isIri", () => {
  it("takes absolute IRIs of any scheme and refuses the rest", () => {
    for (const ok of ["https://example.org/a", "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", "tag:example.org,2026:x"]) expect(isIri(ok)).toBe(true);
    for (const bad of ["", "/relative", "no scheme", "http://a b", `https://x.test/${"a".repeat(3000)}`, null]) expect(isIri(bad)).toBe(false);
  });
});
