import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { createDocument, demoUsersGroup, editorOf, openDocument, poll, postNote, signIn, useBrowser } from "./helpers";

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

  it("on a phone, the editor's toolbar keeps to the screen with an overflow menu, and the moderation log fits", { timeout: 120_000 }, async () => {
    const page = await app.page({ width: 375, height: 740 });
    await signIn(page, ada.email, ada.password);
    const { groupId, headers } = await demoUsersGroup(page, "Phone chrome");
    const documentId = await createDocument(page.request, headers, { groupId, title: "Small screens", format: "text", content: TEXT });
    await openDocument(page, documentId);

    const toolbar = page.getByRole("toolbar", { name: /format/i });
    await toolbar.waitFor();
    const box = await toolbar.evaluate((el) => ({ right: el.getBoundingClientRect().right, overflow: el.scrollWidth - el.clientWidth }));
    expect(box.right).toBeLessThanOrEqual(375);
    expect(box.overflow).toBeLessThanOrEqual(1);
    await toolbar.getByRole("button", { name: "More formatting" }).click();
    await page.getByRole("menuitem", { name: /Strikethrough/ }).waitFor();
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // A moderation decision with a long note, read on the phone: nothing wider than the screen.
    const note = await postNote({ page, headers }, documentId, "Paragraph 7 tells", "A note to hide");
    const hidden = await page.request.patch(`/api/v1/annotations/${note.id}/moderation`, {
      headers,
      data: { status: "hidden", note: "Hidden because it repeats what the paragraph says, at great length, without adding a reading of its own" },
    });
    expect(hidden.status()).toBe(200);
    await page.goto(`/groups/${groupId}/moderation/log`);
    await page.getByText("Hidden because it repeats").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
