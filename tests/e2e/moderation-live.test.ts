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
  const email = `${name.split(" ")[0].toLowerCase()}-live-${Date.now()}@example.test`;
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
  return { id: (body.id as string).split("/").at(-1)!, status: body.moderationStatus as string };
}

/** Screenshots for people to look at: the usual artifacts folder, and /tmp for a quick look. */
async function shot(page: Page, name: string) {
  // From the top: a full-page capture of a scrolled page draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
}

describe("the moderation queue, live", () => {
  it("new posts and flags arrive without a reload; an approval from the queue reaches a reader's open page", async () => {
    const base = inject("baseUrl");
    const [mod, modDoc, mara, otto] = [await newPage(browser, base), await newPage(browser, base), await newPage(browser, base), await newPage(browser, base)];
    const moderator = await signUp(mod, "Monica Moderator");
    await modDoc.context().addCookies(await mod.context().cookies());
    const author = await signUp(mara, "Mara Member");
    const reader = await signUp(otto, "Otto Other");

    const group = await (await mod.request.post("/api/v1/groups", { headers: moderator.headers, data: { name: "Live seminar", moderation: "pre" } })).json();
    for (const who of [author, reader]) {
      expect((await mod.request.post(`/api/v1/groups/${group.id}/members`, { headers: moderator.headers, data: { email: who.email, role: "member" } })).status()).toBe(201);
    }
    const document = await (await mod.request.post("/api/v1/documents", { headers: moderator.headers, data: { groupId: group.id, title: "Pride and Prejudice, chapter 1", format: "text", content: TEXT } })).json();
    // The moderator's own note is approved at once; it will be flagged later.
    const remark = await post(mod.request, moderator.headers, document.id, "a good fortune", "Money, as ever, comes first.");
    expect(remark.status).toBe("approved");

    // Otto reads the document; the moderator has it open in a second tab too.
    for (const page of [otto, modDoc]) {
      await page.goto(`/documents/${document.id}`);
      await page.locator(".live-editor[data-ready]").waitFor();
      await page.locator('[data-connection="live"], [data-connection="saved"]').first().waitFor();
    }
    await modDoc.getByText("Money, as ever, comes first.").first().waitFor();

    // The queue is open, empty and live.
    await mod.goto(`/groups/${group.id}/moderation`);
    await mod.getByText("Nothing needs a decision").waitFor();
    await mod.locator('[data-live="live"]').waitFor();
    const items = mod.locator("article[id^=item-]");
    const announcement = mod.getByTestId("queue-announcement");

    // Mara posts: the item appears without a reload, with the counts in the nav and the tabs.
    const first = await post(mara.request, author.headers, document.id, "a truth universally acknowledged", "The irony starts in the first sentence.");
    expect(first.status).toBe("pending");
    await mod.locator(`#item-${first.id}`).waitFor();
    await mod.getByRole("link", { name: /Moderation \(1 waiting\)/ }).waitFor();
    await mod.getByRole("link", { name: /Pending\s*1/ }).waitFor();
    await expect.poll(() => announcement.textContent()).toContain("1 new item in the queue");
    await shot(mod, "queue-live-arrived");

    // A half-made selection and the keyboard position survive the next arrival.
    await mod.keyboard.press("j");
    await expect.poll(() => items.first().getAttribute("aria-current")).toBe("true");
    await mod.keyboard.press("x");
    await mod.getByText("1 selected").waitFor();
    const second = await post(mara.request, author.headers, document.id, "surrounding families", "The neighbours decide before he arrives.");
    const third = await post(mara.request, author.headers, document.id, "a single man in possession", "Note the word “must”.");
    await mod.locator(`#item-${third.id}`).waitFor();
    await mod.locator(`#item-${second.id}`).waitFor();
    await mod.getByRole("link", { name: /Moderation \(3 waiting\)/ }).waitFor();
    expect(await items.count()).toBe(3);
    await mod.getByText("1 selected").waitFor();
    expect(await mod.locator(`#item-${first.id}`).getAttribute("data-selected")).toBe("true");
    expect(await mod.locator(`#item-${first.id}`).getAttribute("aria-current")).toBe("true");
    expect(await mod.evaluate(() => document.activeElement?.id)).toBe(`item-${first.id}`);
    await shot(mod, "queue-live-selection-kept");
    await mod.keyboard.press("Escape");

    // Otto has not seen any of it.
    expect(await otto.getByText("The irony starts").count()).toBe(0);

    // On the Flagged tab: Mara flags the moderator's approved note, and it arrives there.
    await mod.getByRole("link", { name: /Flagged\s*0/ }).click();
    await mod.getByText("No open flags").waitFor();
    await mod.locator('[data-live="live"]').waitFor();
    const flagged = await mara.request.post(`/api/v1/annotations/${remark.id}/flags`, { headers: author.headers, data: { reason: "off_topic" } });
    expect(flagged.status()).toBe(201);
    await mod.locator(`#item-${remark.id}`).waitFor();
    await mod.getByRole("link", { name: /Flagged\s*1/ }).waitFor();
    await mod.getByRole("link", { name: /Moderation \(4 waiting\)/ }).waitFor();
    await shot(mod, "queue-live-flagged");
    // The moderator's open document shows the flag on the card at once; readers are not told.
    await modDoc.getByText("1 flag", { exact: true }).first().waitFor();
    await shot(modDoc, "queue-live-document-flag");
    expect(await otto.getByText("1 flag", { exact: true }).count()).toBe(0);

    // Back to what needs review: approve Mara's first note with the keyboard.
    await mod.getByRole("link", { name: /Needs review\s*4/ }).click();
    await mod.locator(`#item-${first.id}`).waitFor();
    await mod.locator(`#item-${first.id}`).focus();
    await mod.keyboard.press("a");
    await mod.locator(`#item-${first.id}`).waitFor({ state: "detached" });
    await mod.getByRole("link", { name: /Moderation \(3 waiting\)/ }).waitFor();

    // Otto's open page shows it without a reload.
    await otto.getByText("The irony starts in the first sentence.").first().waitFor();
    expect(await otto.getByText("The neighbours decide").count()).toBe(0);
    await shot(otto, "queue-live-reader-approved");
    await shot(mod, "queue-live-after-approve");
  });

  it("when another moderator decides the focused item, focus stays in the queue on the next one, and the keys keep working", async () => {
    const base = inject("baseUrl");
    const [mod, mara] = [await newPage(browser, base), await newPage(browser, base)];
    const moderator = await signUp(mod, "Fern Focus");
    const author = await signUp(mara, "Mia Member");
    const group = await (await mod.request.post("/api/v1/groups", { headers: moderator.headers, data: { name: "Focused seminar", moderation: "pre" } })).json();
    expect((await mod.request.post(`/api/v1/groups/${group.id}/members`, { headers: moderator.headers, data: { email: author.email, role: "member" } })).status()).toBe(201);
    const document = await (await mod.request.post("/api/v1/documents", { headers: moderator.headers, data: { groupId: group.id, title: "Chapter 3", format: "text", content: TEXT } })).json();
    for (const [exact, text] of [["a truth universally acknowledged", "One."], ["a single man in possession", "Two."], ["surrounding families", "Three."]]) {
      await post(mara.request, author.headers, document.id, exact, text);
    }
    // Another moderator's decision, as their client would send it.
    const decideElsewhere = async (id: string) => {
      const response = await mod.request.patch(`/api/v1/annotations/${id}/moderation`, { headers: moderator.headers, data: { status: "approved" } });
      expect(response.status()).toBe(200);
    };
    const focused = () => mod.evaluate(() => ({ id: document.activeElement?.id ?? "", inQueue: !!document.activeElement?.closest("[data-moderation-queue]") }));

    await mod.goto(`/groups/${group.id}/moderation`);
    await mod.locator('[data-live="live"]').waitFor();
    const items = mod.locator("article[id^=item-]");
    await expect.poll(() => items.count()).toBe(3);
    const [a, b, c] = await items.evaluateAll((els) => els.map((el) => el.id));

    // The second item is focused; someone else approves it: the highlight and the focus move to the third.
    await mod.keyboard.press("j");
    await expect.poll(focused).toEqual({ id: b, inQueue: true });
    await decideElsewhere(b.slice("item-".length));
    await mod.locator(`#${b}`).waitFor({ state: "detached" });
    await expect.poll(() => mod.locator(`#${c}`).getAttribute("aria-current")).toBe("true");
    expect(await focused()).toEqual({ id: c, inQueue: true });
    await shot(mod, "queue-live-focus-kept");

    // No click needed: k moves the highlight and the focus up.
    await mod.keyboard.press("k");
    await expect.poll(() => mod.locator(`#${a}`).getAttribute("aria-current")).toBe("true");
    expect(await focused()).toEqual({ id: a, inQueue: true });

    // The last items go elsewhere: focus rests on the (empty) queue, not the page.
    await decideElsewhere(a.slice("item-".length));
    await decideElsewhere(c.slice("item-".length));
    await mod.getByText("Nothing needs a decision").waitFor();
    await expect.poll(async () => (await focused()).inQueue).toBe(true);
    expect(await mod.evaluate(() => document.activeElement?.hasAttribute("data-moderation-queue"))).toBe(true);
  });

  it("the Moderation tab's count is live on the group home for moderators; members never open the stream", async () => {
    const base = inject("baseUrl");
    const [mod, mara] = [await newPage(browser, base), await newPage(browser, base)];
    const moderator = await signUp(mod, "Hana Home");
    const author = await signUp(mara, "Milo Member");
    const group = await (await mod.request.post("/api/v1/groups", { headers: moderator.headers, data: { name: "Home seminar", moderation: "pre" } })).json();
    expect((await mod.request.post(`/api/v1/groups/${group.id}/members`, { headers: moderator.headers, data: { email: author.email, role: "member" } })).status()).toBe(201);
    const document = await (await mod.request.post("/api/v1/documents", { headers: moderator.headers, data: { groupId: group.id, title: "Chapter 4", format: "text", content: TEXT } })).json();
    const streams = { mod: 0, mara: 0 };
    mod.on("request", (r) => void (r.url().endsWith("/moderation/events") && streams.mod++));
    mara.on("request", (r) => void (r.url().endsWith("/moderation/events") && streams.mara++));

    await mod.goto(`/groups/${group.id}`);
    await mara.goto(`/groups/${group.id}`);
    const tab = mod.getByRole("navigation", { name: "Group" }).getByRole("link", { name: /^Moderation/ });
    await tab.waitFor();
    await expect.poll(() => streams.mod).toBeGreaterThan(0);
    expect(await tab.textContent()).not.toContain("waiting");

    await post(mara.request, author.headers, document.id, "a good fortune", "Fortune first.");
    await mod.getByRole("link", { name: /Moderation \(1 waiting\)/ }).waitFor();
    await post(mara.request, author.headers, document.id, "surrounding families", "Families next.");
    await mod.getByRole("link", { name: /Moderation \(2 waiting\)/ }).waitFor();
    await shot(mod, "group-home-live-count");

    // The member's group page has no Moderation tab and no stream.
    await mara.getByRole("navigation", { name: "Group" }).getByRole("link", { name: "Documents" }).waitFor();
    expect(await mara.getByRole("navigation", { name: "Group" }).getByRole("link", { name: /^Moderation/ }).count()).toBe(0);
    expect(streams.mara).toBe(0);
  });

  it("a queue page that cannot stream polls the queue API instead, and still shows new items", async () => {
    const base = inject("baseUrl");
    const mod = await newPage(browser, base);
    const member = await newPage(browser, base);
    const moderator = await signUp(mod, "Polly Poller");
    const author = await signUp(member, "Mel Member");
    const group = await (await mod.request.post("/api/v1/groups", { headers: moderator.headers, data: { name: "Polled seminar", moderation: "pre" } })).json();
    expect((await mod.request.post(`/api/v1/groups/${group.id}/members`, { headers: moderator.headers, data: { email: author.email, role: "member" } })).status()).toBe(201);
    const document = await (await mod.request.post("/api/v1/documents", { headers: moderator.headers, data: { groupId: group.id, title: "Chapter 2", format: "text", content: TEXT } })).json();
    // The stream answers 503 here, as a proxy that does not pass it would.
    await mod.route("**/moderation/events", (route) => route.fulfill({ status: 503, body: "" }));
    await mod.goto(`/groups/${group.id}/moderation`);
    await mod.locator('[data-live="polling"]').waitFor();
    const note = await post(member.request, author.headers, document.id, "a good fortune", "Fortune, again.");
    // Within one polling period (15 s) and a little.
    await mod.locator(`#item-${note.id}`).waitFor({ timeout: 25_000 });
    await mod.getByRole("link", { name: /Moderation \(1 waiting\)/ }).waitFor();
    await shot(mod, "queue-live-polling");
  });
});
