import { afterEach, describe, expect, it } from "vitest";
import { chromiumPath } from "../../e2e/browser";

describe("browser lookup for the e2e tests", () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it("fails with the install command when no browser is there, never skipping", () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    expect(() => chromiumPath()).toThrow(/apt-get install -y chromium/);
  });

  it("returns the configured browser when it exists", () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(chromiumPath()).toBe(process.execPath);
  });
});
