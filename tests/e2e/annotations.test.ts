import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { addMember, cardOf, clickHighlight, createDocument, demoUsersGroup, editorOf, highlightBox, highlightCount, highlightText, openDocument, poll, selectWords, signIn, signUp, snap, useBrowser } from "./helpers";

const app = useBrowser();

const [ada, basil] = DEMO_USERS;

/** One group for this file's documents (Ada owns it, Basil edits), made on first use. */
let group: ReturnType<typeof demoUsersGroup> | null = null;
function testGroup(page: Page) {
  group ??= demoUsersGroup(page, "Margin tests");
  return group;
}

/** A fresh document, so each test starts from known text. */
async function newDocument(page: Page, title: string, content: string) {
  const { headers, groupId } = await testGroup(page);
  const documentId = await createDocument(page.request, headers, { groupId, title, format: "markdown", content });
  return { documentId, headers, groupId };
}

const TEXT = [
  "The first paragraph sets the scene for everything that follows, and it is long enough to wrap.",
  "Marginal notes travel with their words, even while someone edits the sentence around them.",
  "A third paragraph gives the margin some room, so that cards can sit beside their own lines.",
  "The last paragraph closes the text with a sentence about endings.",
].join("\n\n");

async function top(locator: Locator): Promise<number> {
  return (await locator.boundingBox())!.y;
}

describe("annotations on the reading page", () => {
  it("a note follows its words while another reader types before them; a reply arrives live; deleting the words orphans it", { timeout: 180_000 }, async () => {
    const pageA = await app.page();
    const pageB = await app.page();
    await signIn(pageA, ada.email, ada.password);
    await signIn(pageB, basil.email, basil.password);
    const { documentId } = await newDocument(pageA, "Notes that travel", TEXT);
    await Promise.all([openDocument(pageA, documentId), openDocument(pageB, documentId)]);

    // Ada selects words and, by keyboard, starts a note on them.
    const words = "travel with their words";
    await selectWords(pageA, words);
    await pageA.getByRole("toolbar", { name: "Annotate the selection" }).waitFor();
    await pageA.keyboard.press("Control+Alt+m");
    const composer = pageA.getByRole("textbox", { name: "Note" });
    await composer.waitFor();
    expect(await composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await composer.fill("Which words *travel*? **These** ones — see [the docs](https://example.org/docs).");
    await pageA.getByRole("textbox", { name: "Tags" }).fill("movement");
    await pageA.keyboard.press("Enter");
    await pageA.getByRole("button", { name: "Comment", exact: true }).click();

    const cardA = pageA.locator('aside[aria-label="Margin"] article[data-annotation-id]').first();
    await cardA.getByText("These").waitFor();
    const id = (await cardA.getAttribute("data-annotation-id"))!;
    expect(id).not.toBe("draft");
    expect(await highlightText(pageA, id)).toBe(words);
    expect(await cardA.locator("a").getAttribute("href")).toBe("https://example.org/docs");
    expect(await cardA.locator("a").getAttribute("rel")).toContain("noopener");

    // Basil sees it appear without a reload, beside the same words.
    const cardB = cardOf(pageB, id);
    await cardB.getByText("These").waitFor();
    expect(await highlightText(pageB, id)).toBe(words);

    // Basil types before the words; on both pages the highlight and the card follow them.
    const highlightTop = async () => (await highlightBox(pageA, id))!.y;
    const cardTopBefore = await top(cardA);
    const lineTopBefore = await highlightTop();
    await editorOf(pageB).getByText("Marginal notes").click();
    await pageB.keyboard.press("Home");
    await pageB.keyboard.type("Indeed, in a shared text with many readers and a long opening clause that wraps the line, ");
    await pageA.getByText("Indeed, in a shared text").waitFor();
    await poll(() => highlightText(pageA, id)).toBe(words);
    await poll(() => highlightText(pageB, id)).toBe(words);
    await poll(async () => Math.round((await highlightTop()) - lineTopBefore)).toBeGreaterThan(10);
    await poll(async () => Math.abs((await top(cardA)) - (await highlightTop()))).toBeLessThan(24);
    expect(await top(cardA)).toBeGreaterThan(cardTopBefore);

    // Clicking the highlight focuses its card.
    await pageA.mouse.click(10, 10);
    await poll(() => cardA.getAttribute("data-active")).toBeNull();
    await clickHighlight(pageA, id);
    await poll(() => cardA.getAttribute("data-active")).toBe("true");

    // Basil replies; Ada's page shows it live and announces it.
    await cardB.getByText("Ada Lindqvist").click();
    await cardB.getByRole("textbox", { name: "Reply" }).fill("They do — I just *moved* them.");
    await cardB.getByRole("button", { name: "Reply", exact: true }).click();
    await cardB.getByText("I just").waitFor();
    await cardA.getByText("I just").waitFor();
    await poll(() => pageA.getByTestId("annotation-announcer").textContent()).toContain("New reply from Basil Okafor");
    await snap(pageA, "annotations-ada-1280-light");

    // Ada edits her note; Basil's copy changes with it, and the note stays on its words.
    await cardA.getByRole("button", { name: "Actions for this note" }).click();
    await pageA.getByRole("menuitem", { name: "Edit" }).click();
    const editor = cardA.getByRole("textbox", { name: "Note" });
    expect(await editor.inputValue()).toContain("**These** ones");
    await editor.fill("Which words travel? These ones, and they keep going.");
    await cardA.getByRole("button", { name: "Save", exact: true }).click();
    await cardB.getByText("they keep going").waitFor();
    expect(await highlightText(pageB, id)).toBe(words);

    // A second, overlapping highlight from Basil deepens the tint where they overlap.
    await selectWords(pageB, "their words, even");
    await pageB.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Highlight" }).click();
    await poll(() => highlightCount(pageA, "anno-others-2", "anno-mine-2")).toBeGreaterThan(0);
    await poll(() => pageB.locator('aside[aria-label="Margin"] article[data-annotation-id]').count()).toBe(2);

    // Filters: Ada's own notes only, then a search.
    await pageA.getByRole("button", { name: "Filters" }).click();
    await pageA.getByRole("menuitemcheckbox", { name: "Mine" }).click();
    await pageA.keyboard.press("Escape");
    await poll(() => pageA.locator('aside[aria-label="Margin"] article[data-annotation-id]').count()).toBe(1);
    await pageA.getByRole("button", { name: /Filters/ }).click();
    await pageA.getByRole("menuitem", { name: "Clear filters" }).click();
    await pageA.getByRole("searchbox", { name: "Search notes and quoted words" }).fill("moved");
    await poll(() => pageA.locator('aside[aria-label="Margin"] article[data-annotation-id]').count()).toBe(1);
    await pageA.getByRole("searchbox", { name: "Search notes and quoted words" }).fill("");
    await poll(() => pageA.locator('aside[aria-label="Margin"] article[data-annotation-id]').count()).toBe(2);

    // Dark theme, same page.
    await pageA.emulateMedia({ colorScheme: "dark" });
    await pageA.mouse.click(10, 10);
    await snap(pageA, "annotations-ada-1280-dark");
    await pageA.emulateMedia({ colorScheme: "light" });

    // Ada deletes the annotated words: on both pages the thread moves to Orphans with its last quote.
    await selectWords(pageA, "travel with their words");
    await pageA.keyboard.press("Backspace");
    const orphansA = pageA.locator("#annotation-orphans");
    const orphansB = pageB.locator("#annotation-orphans");
    await orphansA.locator(`article[data-annotation-id="${id}"]`).waitFor();
    await orphansB.locator(`article[data-annotation-id="${id}"]`).waitFor();
    expect(await orphansA.locator("q").first().textContent()).toBe(words);
    await poll(() => highlightText(pageA, id)).toBe("");
    await snap(pageB, "annotations-basil-orphans-1280-light");

    // Ada deletes her note; it disappears from Basil's page too.
    const orphanCard = orphansA.locator(`article[data-annotation-id="${id}"]`);
    await orphanCard.getByRole("button", { name: "Actions for this note" }).click();
    await pageA.getByRole("menuitem", { name: "Delete" }).click();
    await orphanCard.getByRole("button", { name: "Delete", exact: true }).click();
    await orphansB.waitFor({ state: "detached" });
  });

  it("on a phone the margin is a bottom sheet; a viewer sees notes but gets no annotate menu", { timeout: 120_000 }, async () => {
    const setup = await app.page();
    await signIn(setup, ada.email, ada.password);
    const { documentId, headers, groupId } = await newDocument(setup, "Read on a phone", TEXT);
    await openDocument(setup, documentId);
    await selectWords(setup, "sets the scene");
    await setup.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
    await setup.getByRole("textbox", { name: "Note" }).fill("A *private* reminder to myself.");
    await setup.getByRole("radio", { name: "Only me" }).click();
    await setup.getByRole("button", { name: "Comment", exact: true }).click();
    await setup.locator('aside[aria-label="Margin"] article[data-annotation-id]').getByText("reminder").waitFor();
    await selectWords(setup, "closes the text");
    await setup.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
    await setup.getByRole("textbox", { name: "Note" }).fill("Endings deserve a note everyone can read.");
    await setup.getByRole("button", { name: "Comment", exact: true }).click();
    await setup.locator('aside[aria-label="Margin"] article[data-annotation-id]').nth(1).waitFor();
    await poll(() => highlightCount(setup, "anno-private")).toBeGreaterThan(0);

    for (const scheme of ["light", "dark"] as const) {
      const phone = await app.page({ width: 390, height: 844 });
      await phone.emulateMedia({ colorScheme: scheme });
      await signIn(phone, ada.email, ada.password);
      await openDocument(phone, documentId);
      expect(await phone.locator('aside[aria-label="Margin"]').isVisible()).toBe(false);
      await snap(phone, `annotations-ada-390-${scheme}`);
      await phone.getByRole("button", { name: "2 notes" }).click();
      const sheet = phone.getByRole("dialog", { name: "Notes" });
      await sheet.getByText("Endings deserve").waitFor();
      await phone.waitForTimeout(300); // the sheet's fade-in
      await snap(phone, `annotations-ada-390-${scheme}-sheet`);
      // From the sheet to the words: the sheet closes and the words are marked.
      await sheet.getByRole("button", { name: /Show in the text: closes the text/ }).click();
      await poll(() => highlightCount(phone, "anno-active", "anno-active-mine")).toBeGreaterThan(0);
      // And back: tapping a highlight opens the sheet on its card.
      await clickHighlight(phone);
      await sheet.locator("article[data-active]").waitFor();
      await phone.context().close();
    }

    // A viewer of the group: the group's note is there, the private one is not, and no menu appears.
    const viewer = await app.page();
    const viewerEmail = await signUp(viewer, "Rhea Reader");
    await addMember(setup.request, headers, groupId, viewerEmail, "viewer");
    await openDocument(viewer, documentId);
    await viewer.locator('aside[aria-label="Margin"]').getByText("Endings deserve").waitFor();
    expect(await viewer.getByText("reminder to myself").count()).toBe(0);
    await selectWords(viewer, "gives the margin some room");
    await viewer.waitForTimeout(300);
    expect(await viewer.getByRole("toolbar", { name: "Annotate the selection" }).count()).toBe(0);
    await viewer.keyboard.press("Control+Alt+m");
    expect(await viewer.getByRole("textbox", { name: "Note" }).count()).toBe(0);
    expect(await viewer.locator('aside[aria-label="Margin"]').getByRole("textbox", { name: "Reply" }).count()).toBe(0);

    // Made a member, the same reader still cannot change the text but can annotate it.
    const { items: members } = await (await setup.request.get(`/api/v1/groups/${groupId}/members`, { headers })).json();
    const rheaId = members.find((m: { email: string }) => m.email === viewerEmail).userId as string;
    expect((await setup.request.patch(`/api/v1/groups/${groupId}/members/${rheaId}`, { headers, data: { role: "member" } })).status()).toBe(200);
    await openDocument(viewer, documentId);
    expect(await editorOf(viewer).getAttribute("aria-readonly")).toBe("true");
    await selectWords(viewer, "gives the margin some room");
    await viewer.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
    await viewer.getByRole("textbox", { name: "Note" }).fill("A reader's note on a text she cannot edit.");
    await viewer.getByRole("button", { name: "Comment", exact: true }).click();
    await viewer.locator('aside[aria-label="Margin"]').getByText("cannot edit").waitFor();
    await setup.locator('aside[aria-label="Margin"]').getByText("cannot edit").waitFor();
  });
});
