import { describe, expect, it, vi } from "vitest";
import { Dependency } from "@/lib/health/dependency";
import { logger } from "@/lib/log";

describe("a dependency's record", () => {
  it("logs one line when it goes away and one when it is back, however many operations fail in between", () => {
    const warn = vi.spyOn(logger(), "warn").mockImplementation(() => {});
    const info = vi.spyOn(logger(), "info").mockImplementation(() => {});
    const redis = new Dependency("redis");
    const states: string[] = [];
    redis.onChange((state) => states.push(state));
    redis.succeeded();
    for (let i = 0; i < 300; i++) redis.failed(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "relaying an update");
    expect(redis.state).toBe("unreachable");
    redis.succeeded();
    redis.succeeded();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0][0]).toMatchObject({ dependency: "redis", failures: 300 });
    expect(states).toEqual(["unreachable", "ok"]);
    warn.mockRestore();
    info.mockRestore();
  });
});
