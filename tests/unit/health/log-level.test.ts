import { afterEach, describe, expect, it } from "vitest";
import { logger } from "@/lib/log";

const cache = globalThis as unknown as { marginaliaLogger?: unknown };
const before = process.env.LOG_LEVEL;
afterEach(() => {
  delete cache.marginaliaLogger;
  if (before === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = before;
});

describe("the server's logger", () => {
  it("logs at LOG_LEVEL, info by default", () => {
    delete cache.marginaliaLogger;
    delete process.env.LOG_LEVEL;
    expect(logger().level).toBe("info");
    delete cache.marginaliaLogger;
    process.env.LOG_LEVEL = "warn";
    expect(logger().level).toBe("warn");
    expect(logger().isLevelEnabled("info")).toBe(false);
    expect(logger().isLevelEnabled("error")).toBe(true);
  });
});
