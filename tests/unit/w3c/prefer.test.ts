import { describe, expect, it } from "vitest";
import { parsePrefer, PREFER_CONTAINED_DESCRIPTIONS, PREFER_CONTAINED_IRIS, PREFER_MINIMAL_CONTAINER } from "@/lib/w3c/prefer";

const include = (...iris: string[]) => `return=representation;include="${iris.join(" ")}"`;

describe("parsePrefer", () => {
  it("says nothing when there is no Prefer header", () => {
    expect(parsePrefer(null)).toEqual({ minimal: null, iris: null, representation: false });
    expect(parsePrefer("")).toEqual({ minimal: null, iris: null, representation: false });
  });

  it("reads each of the Protocol's three preferences", () => {
    expect(parsePrefer(include(PREFER_MINIMAL_CONTAINER))).toEqual({ minimal: true, iris: null, representation: true });
    expect(parsePrefer(include(PREFER_CONTAINED_IRIS))).toEqual({ minimal: null, iris: true, representation: true });
    expect(parsePrefer(include(PREFER_CONTAINED_DESCRIPTIONS))).toEqual({ minimal: null, iris: false, representation: true });
  });

  it("reads several IRIs in one include, as the Protocol's minimal + IRIs example sends", () => {
    expect(parsePrefer(include(PREFER_MINIMAL_CONTAINER, PREFER_CONTAINED_IRIS))).toMatchObject({ minimal: true, iris: true });
  });

  it("lets descriptions win when both IRIs and descriptions are asked for, in any order", () => {
    expect(parsePrefer(include(PREFER_CONTAINED_IRIS, PREFER_CONTAINED_DESCRIPTIONS)).iris).toBe(false);
    expect(parsePrefer(include(PREFER_CONTAINED_DESCRIPTIONS, PREFER_CONTAINED_IRIS)).iris).toBe(false);
    expect(parsePrefer(`${include(PREFER_CONTAINED_IRIS)}, ${include(PREFER_CONTAINED_DESCRIPTIONS)}`).iris).toBe(false);
  });

  it("treats omitting descriptions as asking for IRIs", () => {
    expect(parsePrefer(`return=representation; omit="${PREFER_CONTAINED_DESCRIPTIONS}"`).iris).toBe(true);
  });

  it("accepts LDP's older PreferEmptyContainer, spaces, case and other preferences around it", () => {
    expect(parsePrefer('respond-async, wait=10, RETURN = representation ; include = "http://www.w3.org/ns/ldp#PreferEmptyContainer"').minimal).toBe(true);
  });

  it("ignores include parameters of other preferences and unknown IRIs", () => {
    expect(parsePrefer(`return=minimal;include="${PREFER_CONTAINED_IRIS}"`)).toEqual({ minimal: null, iris: null, representation: false });
    expect(parsePrefer(include("http://example.org/unknown"))).toEqual({ minimal: null, iris: null, representation: true });
  });

  it("does not split on commas or semicolons inside quotes", () => {
    expect(parsePrefer(`return=representation;include="${PREFER_CONTAINED_IRIS} http://x.test/a,b;c"`).iris).toBe(true);
  });
});
