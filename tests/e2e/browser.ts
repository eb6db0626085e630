import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (or CHROMIUM_PATH); a missing browser is an error naming the install command, never a skip. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(`No Chromium at ${candidate}. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return candidate;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Console errors in any page that mention the Content-Security-Policy; tests assert it stays empty. */
export const cspViolations: string[] = [];

/** A page that fails the test on any uncaught page error and records CSP violations. */
export async function newPage(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 900 }, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, colorScheme });
  const page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return page;
}

/** Saves a screenshot under tests/e2e/artifacts/ for people to look at. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/artifacts/${name}.png`, fullPage: true });
}
