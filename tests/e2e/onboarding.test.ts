import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cspViolations, launchBrowser, newPage, snap } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(cspViolations).toEqual([]);
});

const MARKDOWN = `# The Lighthouse Letters

Dear *Harriet*, the lamp was lit at dusk — as it has been for “forty years”.

- the oil store
- the logbook

> Keep the light.`;

describe("a newcomer's first session", () => {
  it("signs up, creates a group and a document from pasted Markdown, and sees it rendered", async () => {
    const page = await newPage(browser, inject("baseUrl"));
    const email = `newcomer-${Date.now()}@example.test`;

    const signup = await page.goto("/signup");
    const csp = signup?.headers()["content-security-policy"] ?? "";
    // A strict policy: scripts only with this response's nonce, nothing inline.
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(signup?.headers()["x-content-type-options"]).toBe("nosniff");
    await page.getByLabel("Name").fill("Nadia Newcomer");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/groups");
    await snap(page, "groups-empty");

    await page.getByRole("button", { name: /group/i }).first().click();
    const groupDialog = page.getByRole("dialog");
    await groupDialog.getByLabel("Name").fill("Lighthouse seminar");
    await groupDialog.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(/\/groups\/[^/]+$/);
    await page.getByRole("heading", { name: "Lighthouse seminar" }).waitFor();

    await page.getByRole("button", { name: /document|paste/i }).first().click();
    const docDialog = page.getByRole("dialog");
    await docDialog.getByLabel("Title").fill("The Lighthouse Letters");
    await docDialog.getByLabel("Format").selectOption("markdown");
    await docDialog.getByLabel("Text").fill(MARKDOWN);
    await docDialog.getByRole("button", { name: "Create document" }).click();
    await page.waitForURL(/\/documents\/[^/]+$/);

    const article = page.locator(".prose-reading").first();
    await article.getByRole("heading", { name: "The Lighthouse Letters" }).waitFor();
    expect(await article.locator("em").first().textContent()).toBe("Harriet");
    expect(await article.locator("li").allTextContents()).toEqual(["the oil store", "the logbook"]);
    expect(await article.locator("blockquote").textContent()).toContain("Keep the light.");
    expect(await article.textContent()).toContain("“forty years”");
    await snap(page, "document-rendered");

    const plain = await page.request.get(page.url().replace("/documents/", "/api/v1/documents/") + "/text");
    expect(plain.status()).toBe(200);
    expect(await plain.text()).toContain("Dear Harriet, the lamp was lit at dusk — as it has been for “forty years”.");
  });

  it("answers a stranger's group exactly like a missing one: 404", async () => {
    const owner = await newPage(browser, inject("baseUrl"));
    await signUp(owner, "Owen Owner");
    await owner.getByRole("button", { name: /group/i }).first().click();
    await owner.getByRole("dialog").getByLabel("Name").fill("Private circle");
    await owner.getByRole("dialog").getByRole("button", { name: "Create group" }).click();
    await owner.waitForURL(/\/groups\/[^/]+$/);
    const groupPath = new URL(owner.url()).pathname;

    const stranger = await newPage(browser, inject("baseUrl"));
    await signUp(stranger, "Sam Stranger");
    const hidden = await stranger.goto(groupPath);
    const hiddenText = await stranger.locator("main").innerText();
    const missing = await stranger.goto("/groups/no-such-group");
    const missingText = await stranger.locator("main").innerText();
    expect(hidden?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    expect(hiddenText === missingText, "the two 404 pages differ").toBe(true);
    expect(hiddenText).not.toContain("Private circle");
  });
});

async function signUp(page: import("playwright-core").Page, name: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.split(" ")[0].toLowerCase()}-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/groups");
}
