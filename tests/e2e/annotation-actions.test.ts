import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cardOf, highlightBox, openDocument, poll, postNote, postReply, selectWords, seminarDocument, snap, useBrowser } from "./helpers";

const app = useBrowser();

const PARAGRAPHS = [
  "Reading together is slower than reading alone, and better for it.",
  "A good question in the margin saves the next reader an hour of puzzling.",
  ...Array.from({ length: 14 }, (_, i) => `Filler paragraph ${i + 1} keeps the page long, so that a link to a note near the end has somewhere to scroll.`),
  "The final sentence hides far below the fold, where only a link will find it.",
];
const TEXT = PARAGRAPHS.join("\n\n");

/** A moderator (the group's owner) and two members, in a post-moderated group with one document. */
async function seminar() {
  const [moderator, author, reader] = [await app.person("Monica Moderator"), await app.person("Mara Member"), await app.person("Otto Other")];
  const documentId = await seminarDocument(moderator, [author, reader], { group: "Reading circle", title: "On reading together", content: TEXT });
  return { moderator, author, reader, documentId };
}

/** Opens a card by keyboard: focus it, Enter. */
async function expand(card: Locator) {
  await card.focus();
  await card.press("Enter");
  await poll(() => card.getAttribute("data-active")).toBe("true");
}

describe("acting on notes in the margin", () => {
  it("a reaction shows live on another reader's page; the author resolves and the thread folds away", { timeout: 180_000 }, async () => {
    const { author, reader, documentId } = await seminar();
    const question = await postNote(author, documentId, "A good question in the margin", "Does this hold for long texts too?");
    await Promise.all([openDocument(author.page, documentId), openDocument(reader.page, documentId)]);

    // Otto reaches the toggles by keyboard and says he has the same question, and that it helps.
    const ottoCard = cardOf(reader.page, question.id);
    await ottoCard.getByText("Does this hold").waitFor();
    const same = ottoCard.getByRole("button", { name: /^Same question \d/ });
    expect(await same.getAttribute("aria-pressed")).toBe("false");
    await same.focus();
    await reader.page.keyboard.press("Enter");
    await poll(() => same.getAttribute("aria-pressed")).toBe("true");
    await ottoCard.getByRole("button", { name: /^Helpful \d/ }).click();
    await poll(() => ottoCard.getByRole("button", { name: "Helpful 1" }).count()).toBe(1);

    // Mara sees both counts arrive without reloading; her own toggles are not pressed.
    const maraCard = cardOf(author.page, question.id);
    await maraCard.getByRole("button", { name: "Same question 1" }).waitFor({ timeout: 15_000 });
    await maraCard.getByRole("button", { name: "Helpful 1" }).waitFor({ timeout: 15_000 });
    expect(await maraCard.getByRole("button", { name: "Helpful 1" }).getAttribute("aria-pressed")).toBe("false");
    await snap(author.page, "annotation-actions-reactions");

    // Otto takes "helpful" back; the count follows.
    await ottoCard.getByRole("button", { name: "Helpful 1" }).click();
    await maraCard.getByRole("button", { name: "Helpful 0" }).waitFor({ timeout: 15_000 });

    // Only the author (or a moderator) may resolve.
    expect(await ottoCard.getByRole("button", { name: "Resolve" }).count()).toBe(0);
    await maraCard.getByRole("button", { name: "Resolve" }).click();
    await maraCard.waitFor({ state: "detached" });
    const fold = author.page.getByRole("button", { name: /1 resolved — show/ });
    await fold.waitFor();
    // Otto's margin folds it too, live.
    await cardOf(reader.page, question.id).waitFor({ state: "detached", timeout: 15_000 });
    await reader.page.getByRole("button", { name: /1 resolved — show/ }).waitFor();
    await snap(author.page, "annotation-actions-resolved-folded");

    // Shown again on request, with a Reopen button; reopening brings it back for good.
    await fold.click();
    await maraCard.getByText("Resolved").first().waitFor();
    await maraCard.getByRole("button", { name: "Reopen" }).click();
    await author.page.getByRole("button", { name: /resolved — / }).waitFor({ state: "detached" });
    await cardOf(reader.page, question.id).waitFor({ timeout: 15_000 });
  });

  it("a member flags a note; the moderator sees the flag, hides it, and the note is gone for the member", { timeout: 180_000 }, async () => {
    const { moderator, author, reader, documentId } = await seminar();
    const rude = await postNote(author, documentId, "Reading together is slower", "Only fools read slowly.");
    await openDocument(reader.page, documentId);

    // The author is never offered Flag on her own note.
    await openDocument(author.page, documentId);
    await cardOf(author.page, rude.id).getByRole("button", { name: "Actions for this note" }).click();
    await author.page.getByRole("menuitem", { name: "Edit" }).waitFor();
    expect(await author.page.getByRole("menuitem", { name: "Flag" }).count()).toBe(0);
    await author.page.keyboard.press("Escape");

    const card = cardOf(reader.page, rude.id);
    const flag = async () => {
      await card.getByRole("button", { name: "Actions for this note" }).click();
      await reader.page.getByRole("menuitem", { name: "Flag" }).click();
      const dialog = reader.page.getByRole("dialog", { name: "Flag this note" });
      await dialog.waitFor();
      await dialog.getByRole("radio", { name: /Abusive/ }).check();
      await dialog.getByLabel(/Anything the moderators should know/).fill("Insults other readers.");
      await dialog.getByRole("button", { name: "Flag", exact: true }).click();
      return dialog;
    };
    const dialog = await flag();
    await dialog.getByText("Thanks — moderators will take a look").waitFor();
    await snap(reader.page, "annotation-actions-flagged");
    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "detached" });
    // A second flag from the same reader is refused, with the reason.
    const again = await flag();
    await again.getByText("You have already flagged this annotation").waitFor();
    await reader.page.keyboard.press("Escape");
    await again.waitFor({ state: "detached" });

    // The moderator sees the open flag on the card, opens it and hides the note.
    await openDocument(moderator.page, documentId);
    const modCard = cardOf(moderator.page, rude.id);
    await modCard.getByText("1 flag").waitFor();
    expect(await cardOf(reader.page, rude.id).getByText("1 flag").count()).toBe(0);
    await expand(modCard);
    await modCard.getByRole("group", { name: "Moderation" }).waitFor();
    await snap(moderator.page, "annotation-actions-moderator");
    await modCard.getByRole("button", { name: "Hide", exact: true }).click();
    await modCard.getByText("Hidden by a moderator").waitFor();
    await modCard.getByRole("button", { name: "Approve", exact: true }).waitFor();

    // Gone from the member's margin at once, and still gone after a reload.
    await card.waitFor({ state: "detached", timeout: 15_000 });
    await openDocument(reader.page, documentId);
    expect(await reader.page.getByText("Only fools read slowly.").count()).toBe(0);

    // Lock: the moderator locks the thread and the author can no longer reply.
    await modCard.getByRole("button", { name: "Approve", exact: true }).click();
    await modCard.getByRole("button", { name: "Lock thread" }).click();
    await modCard.getByRole("button", { name: "Unlock thread" }).waitFor();
    await openDocument(author.page, documentId);
    const maraCard = cardOf(author.page, rude.id);
    await maraCard.getByText("Locked").waitFor();
    await expand(maraCard);
    expect(await maraCard.getByRole("textbox").count()).toBe(0);
  });

  it("an #annotation- link opens the page with that thread focused and its words in view; a reply's id finds its thread", { timeout: 180_000 }, async () => {
    const { author, reader, documentId } = await seminar();
    const far = await postNote(author, documentId, "hides far below the fold", "The ending is the point.");
    const answer = await postReply(reader, documentId, far.iri, "Agreed, it is.");

    await openDocument(reader.page, documentId, `#annotation-${answer}`);
    const card = cardOf(reader.page, far.id);
    await poll(() => reader.page.evaluate(() => document.activeElement?.getAttribute("data-annotation-id") ?? null)).toBe(far.id);
    expect(await card.getAttribute("data-active")).toBe("true");
    await card.getByText("Agreed, it is.").waitFor();
    // The words are on screen.
    await poll(() =>
      highlightBox(reader.page, far.id).then((box) => Boolean(box && box.y >= 0 && box.y + box.height <= 900)),
    ).toBe(true);
    await snap(reader.page, "annotation-actions-deep-link");

    // Sorting by latest activity lists the threads with their quotes, newest first.
    const early = await postNote(author, documentId, "Reading together is slower", "Slow is fine.");
    await postReply(author, documentId, far.iri, "And it rewards a second look.");
    await openDocument(author.page, documentId);
    await cardOf(author.page, early.id).waitFor();
    await author.page.getByLabel("Sort notes").selectOption("activity");
    const order = () => author.page.locator('aside[aria-label="Margin"] article[data-annotation-id]').evaluateAll((els) => els.map((el) => el.getAttribute("data-annotation-id")));
    await poll(order).toEqual([far.id, early.id]);
    // Beside the text again, the margin mounts the cards near the viewport: the early one first, the far one once scrolled to.
    await author.page.getByLabel("Sort notes").selectOption("position");
    await poll(async () => (await order())[0]).toBe(early.id);
    await author.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await cardOf(author.page, far.id).waitFor();
  });

  it("when others' notes wait for the reader's own, the margin says so calmly and reveals them after the first post", { timeout: 180_000 }, async () => {
    const { moderator, author, reader, documentId } = await seminar();
    const patched = await moderator.page.request.patch(`/api/v1/documents/${documentId}`, { headers: moderator.headers, data: { hideUntilPosted: true } });
    expect(patched.status()).toBe(200);
    const theirs = await postNote(author, documentId, "A good question in the margin", "Mara's reading, held back for now.");

    await openDocument(reader.page, documentId);
    const margin = reader.page.locator('aside[aria-label="Margin"]');
    await margin.getByText("Post your own note to see the group’s.").waitFor();
    expect(await reader.page.getByText("Mara's reading").count()).toBe(0);
    await snap(reader.page, "annotation-actions-hidden-until-posted");

    // A highlight without a note is not a post: the others stay hidden, and the margin says so still.
    await selectWords(reader.page, "slower than reading alone");
    await reader.page.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Highlight" }).click();
    await margin.locator("article[data-annotation-id]").first().waitFor();
    await margin.getByText("Post your own note to see the group’s.").waitFor();
    expect(await reader.page.getByText("Mara's reading").count()).toBe(0);

    // Posting focused the new highlight's card; leave it before selecting in the text again.
    await reader.page.keyboard.press("Escape");
    await selectWords(reader.page, "better for it");
    await reader.page.getByRole("toolbar", { name: "Annotate the selection" }).waitFor();
    await reader.page.keyboard.press("Control+Alt+m");
    await reader.page.getByRole("textbox", { name: "Note" }).fill("Slow reading is the point.");
    await reader.page.getByRole("button", { name: "Comment", exact: true }).click();

    await cardOf(reader.page, theirs.id).getByText("Mara's reading, held back for now.").waitFor({ timeout: 15_000 });
    await margin.getByText("Post your own note to see the group’s.").waitFor({ state: "detached" });
  });
});
