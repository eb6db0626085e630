import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { createDocument, demoUsersGroup, editorOf, openDocument, poll, signIn, useBrowser } from "./helpers";

const app = useBrowser();
const [ada, basil] = DEMO_USERS;

/** Long paragraphs that wrap over many lines of the column. */
const TEXT = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${"tells of words that wrap across the reading column, line after line, ".repeat(5)}`).join("\n\n");

/** The first character of every rendered line of the text's paragraphs (found by where each character is drawn). */
function lineStarts(page: Page): Promise<string[]> {
  return editorOf(page).evaluate((root) => {
    const starts: string[] = [];
    for (const p of [...root.querySelectorAll("p")].slice(0, 6)) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let top = -Infinity;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (!rect) continue;
          if (rect.top > top + 4) starts.push(node.data[i]);
          top = Math.max(top, rect.top);
        }
      }
    }
    return starts;
  });
}

describe("the reading page's chrome", () => {
  it("keeps the save status and who is here in view, starts no line with a space, and shows others' caret names only briefly", { timeout: 120_000 }, async () => {
    const page = await app.page();
    await signIn(page, ada.email, ada.password);
    const { groupId, headers } = await demoUsersGroup(page, "Chrome");
    const documentId = await createDocument(page.request, headers, { groupId, title: "Lines and bars", format: "text", content: TEXT });
    await openDocument(page, documentId);

    // Many lines, none starting with the space that ended the line before.
    const starts = await lineStarts(page);
    expect(starts.length).toBeGreaterThan(12);
    expect(starts.filter((c) => /\s/.test(c))).toEqual([]);

    // Scrolled far down, the status and the people here are still on screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.7));
    const status = page.locator("#document-status");
    await poll(() => status.textContent()).toMatch(/Saved|Live/);
    const inView = () =>
      status.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await poll(inView).toBe(true);
    expect(await status.getByRole("list").count()).toBe(1);

    // Another editor's caret: its name shows when it moves, then fades so it never covers the line above.
    const other = await app.page();
    await signIn(other, basil.email, basil.password);
    await openDocument(other, documentId);
    await editorOf(other).locator("p").nth(2).click();
    await other.keyboard.press("End");
    const label = page.locator(".collaboration-carets__label", { hasText: basil.name });
    await label.waitFor({ state: "attached" });
    await poll(() => label.evaluate((el) => Number(getComputedStyle(el).opacity))).toBeGreaterThan(0.5);
    await poll(() => label.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(0);
    await other.keyboard.press("Home");
    await poll(() => label.evaluate((el) => Number(getComputedStyle(el).opacity))).toBeGreaterThan(0.5);
  });
});
