import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { axeViolations, describeViolations } from "./axe";
import { createDocument, demoUsersGroup, editorOf, highlightCount, highlightText, openDocument, poll, signIn, snap, useBrowser } from "./helpers";

const app = useBrowser();
const [ada] = DEMO_USERS;

/** Paragraphs of plain prose, each with a numbered phrase to annotate. */
function longText(paragraphs: number): string[] {
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i} opens with marked words number ${i} and goes on for a while about margins, readers and the slow work of reading together, so that every paragraph wraps over a few lines of the column.`,
  );
}

/** Imports one note per paragraph (two on every `twice`th), anchored by quote, through the W3C import. */
async function importNotes(page: Page, headers: Record<string, string>, documentId: string, paragraphs: string[], twice = 3) {
  const items = paragraphs.flatMap((text, i) => {
    const note = (exact: string, body: string) => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: body, format: "text/plain" },
      target: { source: `${inject("baseUrl")}/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact, prefix: `Paragraph ${i} opens with `, suffix: "" } },
    });
    const list = [note(`marked words number ${i}`, `Note on paragraph ${i}.`)];
    if (i % twice === 0) list.push(note(`words number ${i} and`, `A second note on paragraph ${i}.`));
    return list;
  });
  // A thousand notes anchored in one request: more than the default 30 s on a busy machine.
  const response = await page.request.post(`/api/v1/documents/${documentId}/annotations/import`, { headers, data: items, timeout: 120_000 });
  expect(response.status(), await response.text()).toBe(200);
  return items.length;
}

const marginCards = (page: Page) => page.locator('aside[aria-label="Margin"] article[data-annotation-id]');

describe("the reading page with hundreds of notes", () => {
  it("mounts only the cards near the viewport, stacks crowded ones, keeps the margin as tall as the text, and the overview bar jumps", { timeout: 240_000 }, async () => {
    const page = await app.page();
    await signIn(page, ada.email, ada.password);
    const { headers, groupId } = await demoUsersGroup(page, "Scale");
    const paragraphs = longText(160);
    const documentId = await createDocument(page.request, headers, { groupId, title: "A long seminar text", format: "text", content: paragraphs.join("\n\n") });
    const total = await importNotes(page, headers, documentId, paragraphs);

    // The server-rendered text already carries the highlights, before any script runs.
    const html = await (await page.request.get(`/documents/${documentId}`)).text();
    expect(html.match(/class="anno-hl"/g)?.length ?? 0).toBeGreaterThan(150);

    await openDocument(page, documentId);
    await page.getByText(`${total} notes`).waitFor();
    // The notes' words are drawn in the text only near the viewport: the text gains no element per note.
    await poll(async () => highlightText(page, (await cardIdAt(page, 0))!)).toContain("words number");
    const drawn = await highlightCount(page, "anno-mine-1", "anno-mine-2", "anno-mine-3");
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(total / 2);
    expect(await editorOf(page).locator("span.anno-hl").count()).toBe(drawn);

    // Only what is near the viewport is mounted.
    const mounted = await marginCards(page).count();
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(total / 3);

    // Notes close together share a stack that opens in place.
    const stackBlock = page.locator('aside[aria-label="Margin"] [data-margin-stack="closed"]').first();
    await stackBlock.waitFor();
    const inStack = (await stackBlock.getAttribute("data-margin-ids"))!.split(" ");
    expect(inStack.length).toBeGreaterThan(1);
    expect(await stackBlock.getByRole("button").textContent()).toContain(`${inStack.length} notes`);
    await stackBlock.getByRole("button").click();
    for (const id of inStack) await page.locator(`aside[aria-label="Margin"] article[data-annotation-id="${id}"]`).waitFor();
    await page.locator('aside[aria-label="Margin"] [data-margin-stack="opened"] button').first().click();
    await poll(() => page.locator(`aside[aria-label="Margin"] article[data-annotation-id="${inStack[1]}"]`).count()).toBe(0);

    // The margin is never much taller than the text.
    const heights = await page.evaluate(() => ({
      margin: document.querySelector<HTMLElement>('[data-testid="margin-canvas"]')!.offsetHeight,
      text: document.querySelector<HTMLElement>(".live-editor .ProseMirror")!.offsetHeight,
    }));
    expect(heights.margin).toBeLessThan(heights.text + 600);

    // Each card sits level with its words (or a little below, with a leader line), once the
    // margin has laid itself out again after the stack closed.
    const offsets = () => page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('aside[aria-label="Margin"] article[data-annotation-id]')].slice(0, 5).map((card) => {
        const id = card.dataset.annotationId!;
        const words = document.querySelector(`.live-editor .ProseMirror .anno-hl[data-annotation-ids~="${id}"]`);
        return card.getBoundingClientRect().top - (words?.getBoundingClientRect().top ?? NaN);
      }),
    );
    await poll(async () => Math.max(...(await offsets()).map(Math.abs))).toBeLessThan(260);

    // The overview bar counts the notes below and jumps to the nearest.
    const below = page.getByRole("navigation", { name: "Where the notes are" }).getByRole("button", { name: /notes? below/ });
    await below.waitFor();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await poll(() => page.getByRole("navigation", { name: "Where the notes are" }).getByRole("button", { name: /notes? above/ }).count()).toBe(1);
    await snap(page, "reading-scale-middle");
    const scrolledTo = await page.evaluate(() => window.scrollY);
    await below.click();
    await poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledTo);
    expect(scrolledTo).toBeGreaterThan(scrollBefore);
    // Far down the text, the words there are drawn too.
    await poll(() => highlightCount(page, "anno-mine-1", "anno-mine-2", "anno-mine-3")).toBeGreaterThan(5);
    // After a jump the focused card is mounted where its words are.
    await poll(() => page.locator('aside[aria-label="Margin"] article[data-active]').count()).toBe(1);

    // The bar's ticks are one stop in the tab order: arrow keys move along them, Enter jumps there.
    const ticks = page.getByRole("toolbar", { name: "Notes down the page" }).getByRole("button");
    expect(await ticks.count()).toBeGreaterThan(5);
    expect(await page.getByRole("toolbar", { name: "Notes down the page" }).locator('button[tabindex="0"]').count()).toBe(1);
    await ticks.last().focus();
    await page.keyboard.press("Home");
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^\d+ notes?, 0% down the page$/);
    await page.keyboard.press("ArrowDown");
    const second = (await page.evaluate(() => document.activeElement?.getAttribute("aria-label")))!;
    expect(second).toMatch(/^\d+ notes?, \d+% down the page$/);
    expect(await ticks.nth(1).getAttribute("aria-label")).toBe(second);
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(await ticks.last().getAttribute("aria-label"));
    await page.keyboard.press("Home");
    const bottom = await page.evaluate(() => window.scrollY);
    await page.keyboard.press("Enter");
    await poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(bottom);
    await poll(() => page.locator('aside[aria-label="Margin"] article[data-active]').textContent()).toContain("on paragraph 0.");
    // What the keyboard reaches passes axe: named buttons in a named toolbar.
    const violations = await axeViolations(page, ['[data-testid="overview-bar"]']);
    expect(violations, describeViolations("overview bar", violations)).toEqual([]);
  });

  it("on a phone, the notes sheet with 1,000 notes mounts a few pages of cards; every thread is reached with Show more", { timeout: 300_000 }, async () => {
    const page = await app.page({ width: 390, height: 844 });
    await signIn(page, ada.email, ada.password);
    const { headers, groupId } = await demoUsersGroup(page, "Sheet scale");
    const paragraphs = longText(500);
    const documentId = await createDocument(page.request, headers, { groupId, title: "A very long seminar text", format: "text", content: paragraphs.join("\n\n") });
    const total = await importNotes(page, headers, documentId, paragraphs, 1);
    expect(total).toBe(1000);

    await openDocument(page, documentId);
    const empty = await page.evaluate(() => document.getElementsByTagName("*").length);
    await page.getByRole("button", { name: "1000 notes" }).click();
    const sheet = page.getByRole("dialog", { name: "Notes" });
    const list = sheet.getByRole("list", { name: "Notes" });
    await list.locator("article[data-annotation-id]").first().waitFor();

    // A page of cards, not a thousand: the page grows by a bounded number of elements.
    expect(await list.locator("article[data-annotation-id]").count()).toBe(20);
    const opened = await page.evaluate(() => document.getElementsByTagName("*").length);
    expect(opened - empty).toBeLessThan(1500);
    // Each card says where it stands in the whole list.
    const items = list.getByRole("listitem");
    expect(await items.first().getAttribute("aria-setsize")).toBe("1000");
    expect(await items.first().getAttribute("aria-posinset")).toBe("1");

    // By keyboard: Show more mounts the next page and takes focus to its first card.
    const more = sheet.getByRole("button", { name: "Show more (980)" });
    await more.focus();
    await page.keyboard.press("Enter");
    await poll(() => page.evaluate(() => document.activeElement?.closest("[role=listitem]")?.getAttribute("aria-posinset"))).toBe("21");
    expect(await list.locator("article[data-annotation-id]").count()).toBe(40);

    // Walking on to the end never mounts more than three pages, and reaches the last thread.
    for (let shown = 40; shown < 1000; shown += 20) await sheet.getByRole("button", { name: /^Show more/ }).click();
    await poll(() => page.evaluate(() => document.activeElement?.closest("[role=listitem]")?.getAttribute("aria-posinset"))).toBe("981");
    expect(await list.locator("article[data-annotation-id]").count()).toBe(60);
    expect(await sheet.getByRole("button", { name: /^Show more/ }).count()).toBe(0);
    expect(await items.last().getAttribute("aria-posinset")).toBe("1000");
    await sheet.getByRole("button", { name: "Show earlier (940)" }).click();
    await poll(() => page.evaluate(() => document.activeElement?.closest("[role=listitem]")?.getAttribute("aria-posinset"))).toBe("940");
    expect(await page.evaluate(() => document.getElementsByTagName("*").length) - empty).toBeLessThan(3500);
  });

  it("the latest-activity list beside the text mounts a page of cards with 1,000 notes", { timeout: 300_000 }, async () => {
    const page = await app.page();
    await signIn(page, ada.email, ada.password);
    const { headers, groupId } = await demoUsersGroup(page, "List scale");
    const paragraphs = longText(500);
    const documentId = await createDocument(page.request, headers, { groupId, title: "A very long list", format: "text", content: paragraphs.join("\n\n") });
    await importNotes(page, headers, documentId, paragraphs, 1);
    await openDocument(page, documentId);
    await page.getByText("1000 notes").waitFor();
    await page.getByLabel("Sort notes").selectOption("activity");
    const list = page.getByRole("complementary", { name: "Margin" }).getByRole("list", { name: "Notes" });
    await list.locator("article[data-annotation-id]").first().waitFor();
    expect(await list.locator("article[data-annotation-id]").count()).toBe(20);
    expect(await page.evaluate(() => document.getElementsByTagName("*").length)).toBeLessThan(6000);
    await page.getByRole("complementary", { name: "Margin" }).getByRole("button", { name: "Show more (980)" }).click();
    expect(await list.locator("article[data-annotation-id]").count()).toBe(40);
  });
});

async function cardIdAt(page: Page, index: number): Promise<string | null> {
  return marginCards(page).nth(index).getAttribute("data-annotation-id");
}
