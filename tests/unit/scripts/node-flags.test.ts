import { describe, expect, it } from "vitest";
import { DEFAULT_INITIAL_HEAP_MB, serverNodeFlags } from "../../../scripts/node-flags.mjs";

describe("serverNodeFlags", () => {
  it("starts the server with a roomy old generation by default", () => {
    expect(serverNodeFlags({})).toEqual([`--initial-old-space-size=${DEFAULT_INITIAL_HEAP_MB}`]);
    expect(serverNodeFlags({ MARGINALIA_INITIAL_HEAP_MB: "" })).toEqual([`--initial-old-space-size=${DEFAULT_INITIAL_HEAP_MB}`]);
  });

  it("takes the size from MARGINALIA_INITIAL_HEAP_MB, and 0 leaves V8's default", () => {
    expect(serverNodeFlags({ MARGINALIA_INITIAL_HEAP_MB: "256" })).toEqual(["--initial-old-space-size=256"]);
    expect(serverNodeFlags({ MARGINALIA_INITIAL_HEAP_MB: "0" })).toEqual([]);
  });

  it("refuses what is not a whole number of megabytes, saying which variable", () => {
    for (const bad of ["-1", "1.5", "lots", "999999"]) {
      expect(() => serverNodeFlags({ MARGINALIA_INITIAL_HEAP_MB: bad })).toThrow(/MARGINALIA_INITIAL_HEAP_MB must be a whole number/);
    }
  });
});
