import { describe, expect, it } from "vitest";
import { createGroupInUi, signUp, snap, submitSignUpForm, useBrowser } from "./helpers";

const app = useBrowser();

const MARKDOWN = `# The Lighthouse Letters

Dear *Harriet*, the lamp was lit at dusk — as it has been for “forty years”.

- the oil store
- the logbook

> Keep the light.`;

describe("a newcomer's first session", () => {
  it("signs up, creates a group and a document from pasted Markdown, and sees it rendered", async () => {
    const page = await app.page();

    const signup = await page.goto("/signup");
    const csp = signup?.headers()["content-security-policy"] ?? "";
    // A strict policy: scripts only with this response's nonce, nothing inline.
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(signup?.headers()["x-content-type-options"]).toBe("nosniff");
    await submitSignUpForm(page, "Nadia Newcomer");
    await page.waitForURL("**/groups");
    await snap(page, "groups-empty");

    await createGroupInUi(page, "Lighthouse seminar");
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
    const owner = await app.page();
    await signUp(owner, "Owen Owner");
    const groupPath = await createGroupInUi(owner, "Private circle");

    const stranger = await app.page();
    await signUp(stranger, "Sam Stranger");
    const hidden = await stranger.goto(groupPath);
    const hiddenText = await stranger.locator("main").innerText();
    const missing = await stranger.goto("/groups/no-such-group");
    const missingText = await stranger.locator("main").innerText();
    expect(hidden?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    expect(hiddenText === missingText, "the two 404 pages differ").toBe(true);
    expect(hiddenText).not.toContain("Private circle");

    // Signing out (the header menu's form, signOutAction) ends the session: the groups page asks to sign in again.
    await owner.getByRole("button", { name: /Owen Owner/ }).click();
    await owner.getByRole("menuitem", { name: "Sign out" }).click();
    await owner.waitForURL((url) => url.pathname === "/");
    await owner.goto("/groups");
    await owner.waitForURL(/\/(signin|login)/);
  });
});
