import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createDocument, createGroup, editorOf, openDocument, postNote, useBrowser } from "./helpers";

const app = useBrowser();

const CONTENT = [
  "## The keeper's ledger",
  "The harbour lights came on one by one, and the keeper counted them aloud  while the tide turned, a sentence long enough to wrap over several lines of the reading column so that where each line breaks matters.",
  "By morning the fishing boats had gone out past the breakwater, and nobody read the ledger for forty years, until a storm washed the door open.",
  "A line that ends in a hard break  \nand goes on after it.",
].join("\n\n");

/** The page's inlined React Server Components data (Next's self.__next_f.push([1, "…"]) scripts), joined in order. */
function inlinedPageData(html: string): string {
  const strings = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)].map((m) => JSON.parse(m[1]) as string);
  expect(strings.length).toBeGreaterThan(0);
  return strings.join("");
}

type Box = { tag: string; top: number; height: number };

/** The text's blocks, relative to the text's own top (after the web fonts have loaded), and the text's height. */
function layoutOf(page: Page, selector: string): Promise<{ blocks: Box[]; height: number }> {
  return page.evaluate(async (sel) => {
    await document.fonts.ready;
    const root = document.querySelector<HTMLElement>(sel)!;
    const top = root.getBoundingClientRect().top;
    const blocks = [...root.children].map((el) => {
      const box = el.getBoundingClientRect();
      return { tag: el.tagName, top: Math.round(box.top - top), height: Math.round(box.height) };
    });
    return { blocks, height: Math.round(root.getBoundingClientRect().height) };
  }, selector);
}

describe("the reading page's first paint", () => {
  it("the editor takes over the server-rendered text with the same layout, and is not a new largest paint", async () => {
    const owner = await app.person("Fiona First");
    const groupId = await createGroup(owner.page.request, owner.headers, { name: `First paint ${Date.now()}` });
    const documentId = await createDocument(owner.page.request, owner.headers, { groupId, title: "First paint", format: "markdown", content: CONTENT });
    await postNote(owner, documentId, "fishing boats had gone out", "Which boats?");

    // The server's HTML alone: no script of the app runs, so the text stays as rendered.
    const serverOnly = owner.page;
    await serverOnly.route("**/_next/static/**/*.js", (route) => route.abort());
    await serverOnly.goto(`/documents/${documentId}`);
    expect(await serverOnly.locator(".live-editor .server-text .anno-hl").count()).toBeGreaterThan(0);
    const server = await layoutOf(serverOnly, ".live-editor .server-text");
    await serverOnly.unrouteAll();

    const page = await app.page();
    await page.context().addCookies(await serverOnly.context().cookies());
    await page.addInitScript(() => {
      const seen: { inEditor: boolean; size: number }[] = [];
      (window as unknown as { lcp: typeof seen }).lcp = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null; size: number })[]) {
          seen.push({ inEditor: !!entry.element?.closest(".ProseMirror"), size: entry.size });
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await openDocument(page, documentId);
    const live = await layoutOf(page, ".live-editor .ProseMirror");

    expect(server.blocks.length).toBe(4);
    expect(live).toEqual(server);
    await editorOf(page).waitFor();
    const lcp = await page.evaluate(() => (window as unknown as { lcp: { inEditor: boolean; size: number }[] }).lcp);
    expect(lcp.length).toBeGreaterThan(0);
    // The editor's text paints over the server's at the same size: the largest paint stays the server's.
    expect(lcp.filter((entry) => entry.inEditor)).toEqual([]);
  });

  it("sends the text with its highlights first; the notes follow as data of their own that the text does not wait for", async () => {
    const owner = await app.person("Stella Stream");
    const groupId = await createGroup(owner.page.request, owner.headers, { name: `Streaming ${Date.now()}` });
    const documentId = await createDocument(owner.page.request, owner.headers, { groupId, title: "Streaming", format: "markdown", content: CONTENT });
    const body = `Which boats went out ${Date.now()}?`;
    await postNote(owner, documentId, "fishing boats had gone out", body);

    const response = await owner.page.request.get(`/documents/${documentId}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    // The text, highlight included, is in the HTML, and all of it comes before the note's words.
    const text = html.indexOf('class="prose-reading server-text"');
    expect(text).toBeGreaterThan(-1);
    const textEnd = html.indexOf("until a storm washed the door open", text);
    expect(html.slice(text, textEnd)).toContain('class="anno-hl"');
    expect(html.indexOf(body)).toBeGreaterThan(textEnd);

    // The props the text is rendered with hold the notes only as a promise ($@ in the RSC data),
    // resolved by a later row: the server sent the text without waiting for the notes.
    const data = inlinedPageData(html);
    const propsRow = data.split("\n").find((row) => row.includes('"initialNotes":'));
    expect(propsRow).toMatch(/"initialNotes":"\$@[0-9a-f]+"/);
    expect(propsRow).not.toContain(body);
    expect(data.indexOf(body)).toBeGreaterThan(data.indexOf(propsRow!));
    expect(html.split(body).length - 1).toBe(1);

    // And the page shows the note once its data has arrived.
    const page = owner.page;
    await openDocument(page, documentId);
    await page.locator('aside[aria-label="Margin"]').getByText(body).waitFor();
  });
});
