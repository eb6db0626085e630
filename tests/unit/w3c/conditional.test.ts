import { describe, expect, it } from "vitest";
import { ifMatchFails, ifNoneMatchHits, parseEntityTags } from "@/lib/w3c/conditional";

const etag = '"abc"';

describe("entity tags", () => {
  it("parses lists, weak tags and *", () => {
    expect(parseEntityTags('"a", W/"b" ,"c,d"')).toEqual(['"a"', 'W/"b"', '"c,d"']);
    expect(parseEntityTags("*")).toEqual(["*"]);
    expect(parseEntityTags(null)).toEqual([]);
  });

  it("If-Match: absent passes, current or * passes, anything else fails (412)", () => {
    expect(ifMatchFails(null, etag)).toBe(false);
    expect(ifMatchFails("", etag)).toBe(false);
    expect(ifMatchFails(etag, etag)).toBe(false);
    expect(ifMatchFails(`"old", ${etag}`, etag)).toBe(false);
    expect(ifMatchFails("*", etag)).toBe(false);
    expect(ifMatchFails('"old"', etag)).toBe(true);
    expect(ifMatchFails("garbage", etag)).toBe(true);
  });

  it("If-Match uses strong comparison: a weak tag never matches", () => {
    expect(ifMatchFails(`W/${etag}`, etag)).toBe(true);
  });

  it("If-None-Match uses weak comparison and * (304)", () => {
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits(`"x", ${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits("*", etag)).toBe(true);
    expect(ifNoneMatchHits('"x"', etag)).toBe(false);
    expect(ifNoneMatchHits(null, etag)).toBe(false);
  });
});
