import { describe, expect, it } from "vitest";
import { ANNO_MEDIA_TYPE, isJsonContentType, negotiate } from "@/lib/w3c/media";

describe("negotiate", () => {
  it("answers JSON-LD with the anno profile by default and for JSON-LD or wildcards", () => {
    for (const accept of [null, "", "*/*", "application/*", "application/ld+json", ANNO_MEDIA_TYPE, "text/html, */*;q=0.8"]) {
      expect(negotiate(accept)).toBe(ANNO_MEDIA_TYPE);
    }
  });

  it("answers plain JSON to clients that prefer it", () => {
    expect(negotiate("application/json")).toBe("application/json");
    expect(negotiate("application/json, application/ld+json;q=0.5")).toBe("application/json");
    expect(negotiate("application/ld+json;q=0, */*")).toBe("application/json");
  });

  it("prefers JSON-LD on equal quality", () => {
    expect(negotiate("application/json, application/ld+json")).toBe(ANNO_MEDIA_TYPE);
  });

  it("gives up (406) when no JSON type is acceptable", () => {
    expect(negotiate("text/html")).toBeNull();
    expect(negotiate("text/turtle, application/ld+json;q=0")).toBeNull();
  });
});

describe("isJsonContentType", () => {
  it("reads JSON-LD (any profile) and JSON, nothing else", () => {
    expect(isJsonContentType(ANNO_MEDIA_TYPE)).toBe(true);
    expect(isJsonContentType("application/ld+json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("text/plain")).toBe(false);
    expect(isJsonContentType("application/x-www-form-urlencoded")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
