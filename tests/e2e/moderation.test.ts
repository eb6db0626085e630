import type { APIRequestContext, Browser, Page } from "playwright-core";
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

const PASSWORD = "a long enough passphrase";
const TEXT = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.\n\nHowever little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families.";

/** Signs up through the page and returns the new account's API token. */
async function signUp(page: Page, name: string) {
  const email = `${name.split(" ")[0].toLowerCase()}-${Date.now()}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/groups");
  const token = (await (await page.request.post("/api/v1/tokens", { data: { email, password: PASSWORD } })).json()).token as string;
  return { email, headers: { authorization: `Bearer ${token}` } };
}

async function post(request: APIRequestContext, headers: Record<string, string>, documentId: string, exact: string, text: string) {
  const response = await request.post(`/api/annotations/${documentId}/`, {
    headers: { ...headers, "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    data: {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: text, format: "text/plain" },
      target: { source: `${inject("baseUrl")}/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
    },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body.moderationStatus).toBe("pending");
  // A same-origin path: IRIs are built from APP_URL, which need not be the address the test reaches.
  return `/api/annotations/${documentId}/${(body.id as string).split("/").at(-1)}`;
}

describe("moderating a pre-moderated seminar", () => {
  it("a member's post waits unseen; the moderator approves it from the queue with the keyboard; then everyone sees it", async () => {
    const base = inject("baseUrl");
    const [mod, mara, otto] = [await newPage(browser, base), await newPage(browser, base), await newPage(browser, base)];
    const moderator = await signUp(mod, "Monica Moderator");
    const author = await signUp(mara, "Mara Member");
    const reader = await signUp(otto, "Otto Other");

    const group = await (await mod.request.post("/api/v1/groups", { headers: moderator.headers, data: { name: "Austen seminar", moderation: "pre" } })).json();
    for (const who of [author, reader]) {
      expect((await mod.request.post(`/api/v1/groups/${group.id}/members`, { headers: moderator.headers, data: { email: who.email, role: "member" } })).status()).toBe(201);
    }
    const document = await (await mod.request.post("/api/v1/documents", { headers: moderator.headers, data: { groupId: group.id, title: "Pride and Prejudice, chapter 1", format: "text", content: TEXT } })).json();

    // Mara posts three notes; in a pre-moderated group they wait for a moderator.
    const first = await post(mara.request, author.headers, document.id, "a truth universally acknowledged", "The irony starts in the first sentence.");
    const second = await post(mara.request, author.headers, document.id, "a single man in possession", "BUY CHEAP ESSAYS at example.test");
    const third = await post(mara.request, author.headers, document.id, "surrounding families", "BEST ESSAYS, BEST PRICES");

    // Otto does not see them: absent from the container, 404 on their own.
    const container = await (await otto.request.get(`/api/annotations/${document.id}/`, { headers: reader.headers })).text();
    const idOf = (iri: string) => iri.split("/").at(-1)!;
    expect(container).not.toContain(idOf(first));
    expect(container).not.toContain("The irony starts");
    expect((await otto.request.get(first, { headers: reader.headers })).status()).toBe(404);

    // The moderator hears of it in the header and the inbox.
    await mod.goto("/inbox");
    await mod.getByRole("link", { name: /Inbox, 3 unread/ }).waitFor();
    await mod.getByText("Mara Member posted a note that waits for approval").first().waitFor();
    await snap(mod, "moderation-inbox");

    // The queue: j/k move, a approves, x selects, s marks the selection as spam.
    await mod.goto(`/groups/${group.id}/moderation`);
    const items = mod.locator("article[id^=item-]");
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    await mod.getByRole("link", { name: /Moderation \(3 waiting\)/ }).waitFor();
    await snap(mod, "moderation-queue");
    await mod.keyboard.press("j");
    await mod.keyboard.press("k");
    await expect.poll(() => items.first().getAttribute("aria-current")).toBe("true");
    await mod.keyboard.press("a");
    await mod.locator(`#item-${idOf(first)}`).waitFor({ state: "detached" });
    await expect.poll(() => mod.locator(`#item-${idOf(second)}`).getAttribute("aria-current")).toBe("true");
    await mod.keyboard.press("x");
    await mod.keyboard.press("j");
    await mod.keyboard.press("x");
    await mod.getByText("2 selected").waitFor();
    await snap(mod, "moderation-queue-selection");
    await mod.keyboard.press("s");
    await mod.getByText("Nothing needs a decision").waitFor();
    await mod.getByRole("link", { name: /Spam\s*2/ }).waitFor();
    // Decided items are no longer work to do: the moderator's bell goes quiet.
    await mod.getByRole("link", { name: "Inbox", exact: true }).waitFor();
    await snap(mod, "moderation-queue-empty");

    // Otto now sees the approved note, and only it.
    const after = await otto.request.get(first, { headers: reader.headers });
    expect(after.status()).toBe(200);
    expect((await after.json()).moderationStatus).toBe("approved");
    for (const spam of [second, third]) expect((await otto.request.get(spam, { headers: reader.headers })).status()).toBe(404);
    expect((await otto.request.get(`/api/v1/groups/${group.id}/moderation/queue`, { headers: reader.headers })).status()).toBe(403);
    await otto.goto(`/documents/${document.id}`);
    await otto.getByText("The irony starts in the first sentence.").first().waitFor();
    await snap(otto, "moderation-reader-after");
    expect(await otto.getByText("BUY CHEAP ESSAYS").count()).toBe(0);

    // The log records every decision; a member asking for the queue is told it is for moderators.
    await mod.goto(`/groups/${group.id}/moderation/log`);
    await mod.getByRole("cell", { name: "Marked spam" }).first().waitFor();
    expect(await mod.locator("tbody tr").count()).toBe(3);
    await snap(mod, "moderation-log");
    await otto.goto(`/groups/${group.id}/moderation`);
    await otto.getByText("For moderators only").waitFor();
    await mod.goto(`/groups/${group.id}/moderation?filter=spam`);
    await items.first().waitFor();
    await snap(mod, "moderation-queue-spam");
    await mod.keyboard.press("?");
    await mod.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await snap(mod, "moderation-shortcuts");
    await mod.keyboard.press("Escape");

    // On a phone the same queue stacks, with every decision still a tap away.
    const phone = await newPage(browser, base, { width: 390, height: 844 });
    await phone.goto("/signin");
    await phone.getByLabel("Email").fill(moderator.email);
    await phone.getByLabel("Password").fill(PASSWORD);
    await phone.getByRole("button", { name: "Sign in" }).click();
    await phone.waitForURL("**/groups");
    await phone.goto(`/groups/${group.id}/moderation?filter=spam`);
    await phone.locator("article[id^=item-]").first().waitFor();
    await snap(phone, "moderation-queue-phone");
    await mod.emulateMedia({ colorScheme: "dark" });
    await mod.goto(`/groups/${group.id}/moderation?filter=spam`);
    await items.first().waitFor();
    await snap(mod, "moderation-queue-dark");
  }, 180_000);
});
