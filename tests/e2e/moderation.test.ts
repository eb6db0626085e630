import { describe, expect, it } from "vitest";
import { addMember, createDocument, createGroup, PASSWORD, postNote, signIn, snap, useBrowser, type Person } from "./helpers";

const { page: newPage, person } = useBrowser();

const TEXT = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.\n\nHowever little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families.";

/** Posts a note that must wait for a moderator; returns its same-origin path (IRIs are built from APP_URL, which need not be the address the test reaches). */
async function postPending(who: Person, documentId: string, exact: string, text: string) {
  const path = `/api/annotations/${documentId}/${(await postNote(who, documentId, exact, text)).id}`;
  expect((await (await who.page.request.get(path, { headers: who.headers })).json()).moderationStatus).toBe("pending");
  return path;
}

describe("moderating a pre-moderated seminar", () => {
  it("a member's post waits unseen; the moderator approves it from the queue with the keyboard; then everyone sees it", async () => {
    const [moderator, author, reader] = [await person("Monica Moderator"), await person("Mara Member"), await person("Otto Other")];
    const [mod, otto] = [moderator.page, reader.page];
    const groupId = await createGroup(mod.request, moderator.headers, { name: "Austen seminar", moderation: "pre" });
    for (const who of [author, reader]) await addMember(mod.request, moderator.headers, groupId, who.email, "member");
    const documentId = await createDocument(mod.request, moderator.headers, { groupId, title: "Pride and Prejudice, chapter 1", format: "text", content: TEXT });

    // Mara posts three notes; in a pre-moderated group they wait for a moderator.
    const first = await postPending(author, documentId, "a truth universally acknowledged", "The irony starts in the first sentence.");
    const second = await postPending(author, documentId, "a single man in possession", "BUY CHEAP ESSAYS at example.test");
    const third = await postPending(author, documentId, "surrounding families", "BEST ESSAYS, BEST PRICES");

    // Otto does not see them: absent from the container, 404 on their own.
    const container = await (await otto.request.get(`/api/annotations/${documentId}/`, { headers: reader.headers })).text();
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
    await mod.goto(`/groups/${groupId}/moderation`);
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
    expect((await otto.request.get(`/api/v1/groups/${groupId}/moderation/queue`, { headers: reader.headers })).status()).toBe(403);
    await otto.goto(`/documents/${documentId}`);
    await otto.getByText("The irony starts in the first sentence.").first().waitFor();
    await snap(otto, "moderation-reader-after");
    expect(await otto.getByText("BUY CHEAP ESSAYS").count()).toBe(0);

    // The log records every decision; a member asking for the queue is told it is for moderators.
    await mod.goto(`/groups/${groupId}/moderation/log`);
    await mod.getByRole("cell", { name: "Marked spam" }).first().waitFor();
    expect(await mod.locator("tbody tr").count()).toBe(3);
    await snap(mod, "moderation-log");
    await otto.goto(`/groups/${groupId}/moderation`);
    await otto.getByText("For moderators only").waitFor();
    await mod.goto(`/groups/${groupId}/moderation?filter=spam`);
    await items.first().waitFor();
    await snap(mod, "moderation-queue-spam");
    await mod.keyboard.press("?");
    await mod.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await snap(mod, "moderation-shortcuts");
    await mod.keyboard.press("Escape");

    // On a phone the same queue stacks, with every decision still a tap away.
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, moderator.email, PASSWORD);
    await phone.goto(`/groups/${groupId}/moderation?filter=spam`);
    await phone.locator("article[id^=item-]").first().waitFor();
    await snap(phone, "moderation-queue-phone");
    await mod.emulateMedia({ colorScheme: "dark" });
    await mod.goto(`/groups/${groupId}/moderation?filter=spam`);
    await items.first().waitFor();
    await snap(mod, "moderation-queue-dark");
  }, 180_000);
});
