import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addMember, createDocument, createGroup, openDocument, postNote, snap, useBrowser, type Person } from "./helpers";

const { page: newPage, person } = useBrowser();

const TEXT = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.\n\nHowever little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families.";

/** A pre-moderated group of `owner`'s with `members` in it and one plain-text document. */
async function preModeratedDocument(owner: Person, members: Person[], name: string, title: string) {
  const groupId = await createGroup(owner.page.request, owner.headers, { name, moderation: "pre" });
  for (const member of members) await addMember(owner.page.request, owner.headers, groupId, member.email, "member");
  return { groupId, documentId: await createDocument(owner.page.request, owner.headers, { groupId, title, format: "text", content: TEXT }) };
}

/** A note's moderation status, as its author sees it. */
async function statusOf(who: Person, documentId: string, id: string) {
  return (await (await who.page.request.get(`/api/annotations/${documentId}/${id}`, { headers: who.headers })).json()).moderationStatus as string;
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
    const [moderator, author, reader] = [await person("Monica Moderator"), await person("Mara Member"), await person("Otto Other")];
    const [mod, otto] = [moderator.page, reader.page];
    const modDoc = await newPage();
    await modDoc.context().addCookies(await mod.context().cookies());
    const { groupId, documentId } = await preModeratedDocument(moderator, [author, reader], "Live seminar", "Pride and Prejudice, chapter 1");
    // The moderator's own note is approved at once; it will be flagged later.
    const remark = await postNote(moderator, documentId, "a good fortune", "Money, as ever, comes first.");
    expect(await statusOf(moderator, documentId, remark.id)).toBe("approved");

    // Otto reads the document; the moderator has it open in a second tab too.
    for (const page of [otto, modDoc]) {
      await openDocument(page, documentId);
      await page.locator('[data-connection="live"], [data-connection="saved"]').first().waitFor();
    }
    await modDoc.getByText("Money, as ever, comes first.").first().waitFor();

    // The queue is open, empty and live.
    await mod.goto(`/groups/${groupId}/moderation`);
    await mod.getByText("Nothing needs a decision").waitFor();
    await mod.locator('[data-live="live"]').waitFor();
    const items = mod.locator("article[id^=item-]");
    const announcement = mod.getByTestId("queue-announcement");

    // Mara posts: the item appears without a reload, with the counts in the nav and the tabs.
    const first = await postNote(author, documentId, "a truth universally acknowledged", "The irony starts in the first sentence.");
    expect(await statusOf(author, documentId, first.id)).toBe("pending");
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
    const second = await postNote(author, documentId, "surrounding families", "The neighbours decide before he arrives.");
    const third = await postNote(author, documentId, "a single man in possession", "Note the word “must”.");
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
    const flagged = await author.page.request.post(`/api/v1/annotations/${remark.id}/flags`, { headers: author.headers, data: { reason: "off_topic" } });
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
    const [moderator, author] = [await person("Fern Focus"), await person("Mia Member")];
    const mod = moderator.page;
    const { groupId, documentId } = await preModeratedDocument(moderator, [author], "Focused seminar", "Chapter 3");
    for (const [exact, text] of [["a truth universally acknowledged", "One."], ["a single man in possession", "Two."], ["surrounding families", "Three."]]) {
      await postNote(author, documentId, exact, text);
    }
    // Another moderator's decision, as their client would send it.
    const decideElsewhere = async (id: string) => {
      const response = await mod.request.patch(`/api/v1/annotations/${id}/moderation`, { headers: moderator.headers, data: { status: "approved" } });
      expect(response.status()).toBe(200);
    };
    const focused = () => mod.evaluate(() => ({ id: document.activeElement?.id ?? "", inQueue: !!document.activeElement?.closest("[data-moderation-queue]") }));

    await mod.goto(`/groups/${groupId}/moderation`);
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
    const [moderator, author] = [await person("Hana Home"), await person("Milo Member")];
    const [mod, mara] = [moderator.page, author.page];
    const { groupId, documentId } = await preModeratedDocument(moderator, [author], "Home seminar", "Chapter 4");
    const streams = { mod: 0, mara: 0 };
    mod.on("request", (r) => void (r.url().endsWith("/moderation/events") && streams.mod++));
    mara.on("request", (r) => void (r.url().endsWith("/moderation/events") && streams.mara++));

    await mod.goto(`/groups/${groupId}`);
    await mara.goto(`/groups/${groupId}`);
    const tab = mod.getByRole("navigation", { name: "Group" }).getByRole("link", { name: /^Moderation/ });
    await tab.waitFor();
    await expect.poll(() => streams.mod).toBeGreaterThan(0);
    expect(await tab.textContent()).not.toContain("waiting");

    await postNote(author, documentId, "a good fortune", "Fortune first.");
    await mod.getByRole("link", { name: /Moderation \(1 waiting\)/ }).waitFor();
    await postNote(author, documentId, "surrounding families", "Families next.");
    await mod.getByRole("link", { name: /Moderation \(2 waiting\)/ }).waitFor();
    await shot(mod, "group-home-live-count");

    // The member's group page has no Moderation tab and no stream.
    await mara.getByRole("navigation", { name: "Group" }).getByRole("link", { name: "Documents" }).waitFor();
    expect(await mara.getByRole("navigation", { name: "Group" }).getByRole("link", { name: /^Moderation/ }).count()).toBe(0);
    expect(streams.mara).toBe(0);

    // Removing a member asks first, in the shared confirmation dialog, and closes once done.
    await mod.getByRole("button", { name: "Remove Milo Member from the group" }).click();
    const confirm = mod.getByRole("dialog", { name: "Remove Milo Member?" });
    await snap(mod, "group-home-remove-member");
    await confirm.getByRole("button", { name: "Remove from group" }).click();
    await confirm.waitFor({ state: "detached" });
    await mod.getByText(author.email).waitFor({ state: "detached" });
  });

  it("a queue page that cannot stream polls the queue API instead, and still shows new items", async () => {
    const [moderator, author] = [await person("Polly Poller"), await person("Mel Member")];
    const mod = moderator.page;
    const { groupId, documentId } = await preModeratedDocument(moderator, [author], "Polled seminar", "Chapter 2");
    // The stream answers 503 here, as a proxy that does not pass it would.
    await mod.route("**/moderation/events", (route) => route.fulfill({ status: 503, body: "" }));
    await mod.goto(`/groups/${groupId}/moderation`);
    await mod.locator('[data-live="polling"]').waitFor();
    const note = await postNote(author, documentId, "a good fortune", "Fortune, again.");
    // Within one polling period (15 s) and a little.
    await mod.locator(`#item-${note.id}`).waitFor({ timeout: 25_000 });
    await mod.getByRole("link", { name: /Moderation \(1 waiting\)/ }).waitFor();
    await shot(mod, "queue-live-polling");
  });
});
