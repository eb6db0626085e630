import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addMember, cardOf, createDocument, createGroup, editorOf, highlightText, openDocument, poll, postNote, selectWords, snap, useBrowser, type Person } from "./helpers";

const app = useBrowser();

const TEXT = [
  "The harbour lights came on one by one, and the keeper counted them aloud.",
  "By morning the fishing boats had gone out past the breakwater.",
  "Nobody read the ledger for forty years, until a storm washed the door open.",
].join("\n\n");

/** A post-moderated group of `owner`'s with `members` (role member) and one fresh document. */
async function setup(owner: Person, title: string, members: Person[] = []) {
  const groupId = await createGroup(owner.page.request, owner.headers, { name: `Reading page ${Date.now()}`, moderation: "post" });
  for (const member of members) await addMember(owner.page.request, owner.headers, groupId, member.email, "member");
  return createDocument(owner.page.request, owner.headers, { groupId, title, format: "text", content: TEXT });
}

/** The document's text as the API projects it. */
async function textOf(who: Person, documentId: string): Promise<string> {
  return (await who.page.request.get(`/api/v1/documents/${documentId}/text`, { headers: who.headers })).text();
}

/** An annotation as the API answers it now. */
async function stored(who: Person, documentId: string, id: string) {
  return (await who.page.request.get(`/api/annotations/${documentId}/${id}`, { headers: who.headers })).json();
}

/** Page coordinates just inside the left edge of the `index`-th character of `words` in the text: a click there puts the caret before it. */
async function pointAt(page: Page, words: string, index: number) {
  return page.evaluate(
    ({ w, i }) => {
      const root = document.querySelector<HTMLElement>(".live-editor .ProseMirror")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const all = nodes.map((n) => n.data).join("");
      let at = all.indexOf(w) + i;
      for (const node of nodes) {
        if (at < node.data.length) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const box = range.getBoundingClientRect();
          return { x: box.left + 1, y: box.top + box.height / 2 };
        }
        at -= node.data.length;
      }
      throw new Error(`"${w}" is not in the text`);
    },
    { w: words, i: index },
  );
}

const orphans = (page: Page) => page.locator("#annotation-orphans");
const focusedCardId = (page: Page) => page.evaluate(() => document.activeElement?.closest<HTMLElement>("[data-annotation-id]")?.dataset.annotationId ?? null);

describe("the reading page for an editor", () => {
  it("the first click inside a highlight puts the caret there and shows its note", async () => {
    const owner = await app.person("Hana Harbour");
    const documentId = await setup(owner, "First click");
    const note = await postNote(owner, documentId, "fishing boats", "Which boats?");
    const page = owner.page;
    await openDocument(page, documentId);
    await poll(() => highlightText(page, note.id)).toBe("fishing boats");
    // The caret starts elsewhere, at the very end of the text.
    await editorOf(page).click();
    await page.keyboard.press("Control+End");

    const { x, y } = await pointAt(page, "fishing boats", 4);
    await page.mouse.click(x, y);
    await page.keyboard.type("X");
    await poll(() => textOf(owner, documentId)).toContain("By morning the fishXing boats had gone out");
    expect(await textOf(owner, documentId)).not.toMatch(/years, until a storm washed the door open\.X/);
    await poll(() => cardOf(page, note.id).getAttribute("data-active")).toBe("true");
  });

  it("undoing the deletion of a whole annotated passage brings its note back onto the words", async () => {
    const owner = await app.person("Uma Undo");
    const documentId = await setup(owner, "Undo");
    const note = await postNote(owner, documentId, "the keeper counted them aloud", "Counting as a ritual.");
    const page = owner.page;
    await openDocument(page, documentId);
    await cardOf(page, note.id).waitFor();

    await selectWords(page, "the keeper counted them aloud");
    await page.keyboard.press("Backspace");
    await orphans(page).locator(`article[data-annotation-id="${note.id}"]`).waitFor();
    await poll(async () => (await stored(owner, documentId, note.id)).orphaned).toBe(true);

    await page.keyboard.press("Control+z");
    await poll(() => textOf(owner, documentId)).toContain("and the keeper counted them aloud.");
    // Back on the words, for this page and for the API (the server re-attached it).
    await poll(async () => (await stored(owner, documentId, note.id)).orphaned).toBe(false);
    await orphans(page).waitFor({ state: "detached" });
    await poll(() => highlightText(page, note.id)).toBe("the keeper counted them aloud");
    await snap(page, "reading-undo-reattached");
  });

  it("an orphan's author finds its quote again elsewhere, or attaches it to selected words", async () => {
    const owner = await app.person("Otto Orphan");
    const documentId = await setup(owner, "Orphans");
    const ledger = await postNote(owner, documentId, "the ledger", "Which ledger?");
    const storm = await postNote(owner, documentId, "a storm", "When was the storm?");
    const page = owner.page;
    await openDocument(page, documentId);
    await cardOf(page, storm.id).waitFor();

    // Both passages deleted, then "the ledger" typed again in another sentence: no automatic return.
    for (const words of ["the ledger", "a storm"]) {
      await selectWords(page, words);
      await page.keyboard.press("Backspace");
    }
    await selectWords(page, "breakwater");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type(" to fetch the ledger");
    await poll(async () => [(await stored(owner, documentId, ledger.id)).orphaned, (await stored(owner, documentId, storm.id)).orphaned]).toEqual([true, true]);
    const ledgerCard = orphans(page).locator(`article[data-annotation-id="${ledger.id}"]`);
    await ledgerCard.getByRole("button", { name: "Find the quote again" }).waitFor();
    await snap(page, "reading-orphan-actions");

    await ledgerCard.getByRole("button", { name: "Find the quote again" }).click();
    await poll(async () => (await stored(owner, documentId, ledger.id)).orphaned).toBe(false);
    await poll(() => highlightText(page, ledger.id)).toBe("the ledger");

    // The storm's words are gone for good: the note goes onto words the author selects.
    const stormCard = orphans(page).locator(`article[data-annotation-id="${storm.id}"]`);
    await stormCard.getByRole("button", { name: "Attach to my selection" }).click();
    await stormCard.getByRole("alert").getByText("Select the words").waitFor();
    await selectWords(page, "washed the door open");
    await stormCard.getByRole("button", { name: "Attach to my selection" }).click();
    await poll(async () => {
      const row = await stored(owner, documentId, storm.id);
      return [row.orphaned, row.target.selector.find((s: { type: string }) => s.type === "TextQuoteSelector")?.exact];
    }).toEqual([false, "washed the door open"]);
    await orphans(page).waitFor({ state: "detached" });
  });
});

describe("the reading page for a member, by keyboard only", () => {
  it("skips into the read-only text, selects words, writes a note, lands on its card and jumps back to the words", async () => {
    const owner = await app.person("Olga Owner");
    const member = await app.person("Milo Member");
    const documentId = await setup(owner, "By keyboard", [member]);
    const page = member.page;
    await openDocument(page, documentId);

    // The first Tab reaches "Skip to content", which goes into the text.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    const text = editorOf(page);
    await poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await text.getAttribute("aria-readonly")).toBe("true");

    // Typing changes nothing; the caret moves and Shift+arrows select.
    await page.keyboard.type("scribble");
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < "The ".length; i++) await page.keyboard.press("ArrowRight");
    for (let i = 0; i < "harbour lights".length; i++) await page.keyboard.press("Shift+ArrowRight");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("harbour lights");

    await page.keyboard.press("Control+Alt+m");
    const composer = page.getByRole("textbox", { name: "Note" });
    await poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("Why count them aloud?");
    await page.keyboard.press("Control+Enter");

    // Focus lands on the new note's card (the composer's draft card is gone), and the text is unchanged.
    const postedCard = async () => {
      const id = await focusedCardId(page);
      return id === "draft" ? null : id;
    };
    await poll(postedCard).not.toBeNull();
    const id = (await postedCard())!;
    expect(await cardOf(page, id).innerText()).toContain("Why count them aloud?");
    expect(await textOf(member, documentId)).not.toContain("scribble");
    await snap(page, "reading-keyboard-member-posted");

    // Mod-Alt-N: from the card back to its words (the caret in them), and from the words to the card.
    await page.keyboard.press("Control+Alt+n");
    await poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Control+Alt+n");
    await poll(() => focusedCardId(page)).toBe(id);

    // The shortcuts are written down on the page itself.
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    for (const keys of ["Ctrl+Alt+M", "Ctrl+Alt+H", "Ctrl+Alt+N"]) await shortcuts.getByText(keys, { exact: true }).waitFor();
    await snap(page, "reading-keyboard-shortcuts");
  });

  it("announces another reader's new note politely", async () => {
    const owner = await app.person("Ada Announcer");
    const member = await app.person("Ben Listener");
    const documentId = await setup(owner, "Announcements", [member]);
    await openDocument(member.page, documentId);
    await postNote(owner, documentId, "breakwater", "The breakwater is older than the lighthouse.");
    const region = member.page.locator('[aria-live="polite"][data-testid="annotation-announcer"]');
    await poll(() => region.innerText()).toMatch(/Ada Announcer/);
  });
});
