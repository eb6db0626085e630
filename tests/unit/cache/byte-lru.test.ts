import { describe, expect, it } from "vitest";
import { ByteLru } from "@/lib/cache/byte-lru";

describe("ByteLru", () => {
  const lru = () => new ByteLru<string>(10, (v) => v.length);

  it("evicts the least recently used entries once the values exceed the budget", () => {
    const cache = lru();
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    expect(cache.get("a")).toBe("aaaa"); // a is now the most recent
    cache.set("c", "cccc");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("aaaa");
    expect(cache.get("c")).toBe("cccc");
    expect(cache.bytes).toBe(8);
  });

  it("replaces a key's value and its size; never keeps a value larger than the budget", () => {
    const cache = lru();
    cache.set("a", "aaaa");
    cache.set("a", "aaaaaaaa");
    expect(cache.bytes).toBe(8);
    cache.set("big", "x".repeat(11));
    expect(cache.get("big")).toBeUndefined();
    expect(cache.get("a")).toBe("aaaaaaaa");
    cache.delete("a");
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });
});
