import { expect, it } from "vitest";
import { ByteLru } from "@/lib/cache/byte-lru";
import { clearCaches, registerCache } from "@/lib/cache/registry";

it("clearCaches empties every registered cache, whatever its kind, and leaves others alone", () => {
  const map = registerCache("test.map", new Map<string, number>([["a", 1]]));
  const lru = registerCache("test.lru", new ByteLru<string>(1024, (v) => v.length));
  lru.set("k", "value");
  const unregistered = new Map([["b", 2]]);
  clearCaches();
  expect(map.size).toBe(0);
  expect(lru.get("k")).toBeUndefined();
  expect(unregistered.size).toBe(1);
});
