import { readFile } from "node:fs/promises";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiHeaders, createDocument, createGroup, createGroupInUi, marginOf, openDocument, poll, selectWords, signUp, snap, submitSignUpForm, useBrowser } from "./helpers";

const app = useBrowser();

const TEXT = [
  "The harbour lights came on one by one, and the keeper counted them from the lantern room.",
  "By morning the fishing boats had gone out past the breakwater, and the gulls followed them.",
  "The keeper wrote it all down in a log that nobody else would read for a hundred years.",
].join("\n\n");

async function newDocument(page: Page, headers: Record<string, string>, groupId: string, title: string) {
  return createDocument(page.request, headers, { groupId, title, format: "markdown", content: TEXT });
}

/** Opens the top bar's Export / Import menu. */
async function openTransferMenu(page: Page) {
  await page.getByRole("button", { name: "Export / Import" }).click();
  await page.getByRole("menu").waitFor();
}

/** Downloads one export format through the menu; returns the file's name and text. */
async function exportThroughMenu(page: Page, item: RegExp) {
  await openTransferMenu(page);
  const [download] = (await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: item }).click()])) as [Download, unknown];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path!, "utf8") };
}

describe("a seminar: invite, mention, export and import", () => {
  it("the owner invites through the group page; the new member joins, is mentioned in a note, sees it in the header and the inbox, and follows it to the document", { timeout: 240_000 }, async () => {
    const owner = await app.page();
    const ownerEmail = await signUp(owner, "Sofia Seminar");
    const groupPath = await createGroupInUi(owner, "Lighthouse reading circle");
    const groupId = groupPath.split("/").at(-1)!;

    // The owner makes an invite link in the group page.
    await owner.getByRole("button", { name: "Invite people" }).click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Role").selectOption("member");
    await dialog.getByRole("button", { name: "Create invite link" }).click();
    const linkBox = dialog.getByLabel("Invite link");
    await linkBox.waitFor();
    const link = (await linkBox.textContent())!.trim();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
    await dialog.getByRole("button", { name: "Done" }).click();

    // A new reader opens it, signs up and joins.
    const member = await app.page();
    await member.goto(link);
    await member.getByRole("heading", { name: /Join Lighthouse reading circle/ }).waitFor();
    await member.getByRole("link", { name: "Create an account to join" }).click();
    await member.waitForURL(/\/signup\?callbackUrl=/);
    await submitSignUpForm(member, "Milo Member");
    await member.waitForURL(new URL(link).pathname);
    await member.getByRole("button", { name: "Join Lighthouse reading circle" }).click();
    await member.waitForURL(`**${groupPath}`);
    await member.getByRole("region", { name: "Members" }).getByText("Milo Member").waitFor();
    // Nothing has happened yet: the bell has no count.
    expect(await member.getByTestId("inbox-unread").count()).toBe(0);

    // The owner writes a note on the words that mentions the new member.
    const headers = await apiHeaders(owner, ownerEmail);
    const documentId = await newDocument(owner, headers, groupId, "The Keeper’s Log");
    await openDocument(owner, documentId);
    await selectWords(owner, "counted them from the lantern room");
    await owner.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
    await owner.getByRole("textbox", { name: "Note" }).fill("@[Milo Member] why does the keeper count the lights from up there? A ritual, or a duty?");
    await owner.getByRole("button", { name: "Comment", exact: true }).click();
    const card = marginOf(owner).locator("article[data-annotation-id]").first();
    await card.getByText("A ritual, or a duty?").waitFor();
    const annotationId = (await card.getAttribute("data-annotation-id"))!;
    expect(annotationId).not.toBe("draft");

    // The member's header shows the unread notification.
    await poll(async () => {
      await member.goto("/groups");
      return member.getByTestId("inbox-unread").count();
    }).toBe(1);
    expect(await member.getByTestId("inbox-unread").textContent()).toBe("1");
    expect(await member.getByRole("link", { name: "Inbox, 1 unread" }).count()).toBe(1);
    await snap(member, "seminar-member-unread");

    // In the inbox, the mention is listed; following it opens the document at the note.
    await member.getByRole("link", { name: "Inbox, 1 unread" }).click();
    await member.waitForURL("**/inbox");
    const entry = member.getByRole("listitem").filter({ hasText: "Sofia Seminar mentioned you" });
    await entry.waitFor();
    expect(await entry.innerText()).toContain("A ritual, or a duty?");
    expect(await entry.innerText()).toContain("The Keeper’s Log");
    await snap(member, "seminar-inbox-mention");
    await entry.getByRole("link", { name: "Sofia Seminar mentioned you" }).click();
    await member.waitForURL(new RegExp(`/documents/${documentId}#annotation-${annotationId}$`));
    await member.locator(".live-editor[data-ready]").waitFor();
    await marginOf(member).locator(`article[data-annotation-id="${annotationId}"]`).getByText("A ritual, or a duty?").waitFor();
    // Read now: the bell has no count after the next page load.
    await member.goto("/groups");
    expect(await member.getByTestId("inbox-unread").count()).toBe(0);

    // The owner exports the notes through the top bar's menu, as CSV and as Markdown.
    await openTransferMenu(owner);
    await owner.waitForTimeout(200); // the menu's pop-in
    await snap(owner, "seminar-transfer-menu");
    await owner.keyboard.press("Escape");
    const csv = await exportThroughMenu(owner, /^CSV/);
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain("A ritual, or a duty?");
    expect(csv.text).toContain("counted them from the lantern room");
    expect(csv.text).toContain("Sofia Seminar");
    const markdown = await exportThroughMenu(owner, /^Markdown/);
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain("The Keeper’s Log");
    expect(markdown.text).toContain("A ritual, or a duty?");
    expect(markdown.text).toContain("counted them from the lantern room");
  });

  it("a member imports a W3C JSON-LD file through the menu: progress, then “2 imported, 1 failed” with the reason, and the two notes in the margin", { timeout: 180_000 }, async () => {
    const owner = await app.page();
    const ownerEmail = await signUp(owner, "Iris Importer");
    const headers = await apiHeaders(owner, ownerEmail);
    const groupId = await createGroup(owner.request, headers, { name: `Import circle ${Date.now()}` });
    const documentId = await newDocument(owner, headers, groupId, "A Log to Import Into");
    await openDocument(owner, documentId);

    const annotation = (exact: string, note: string, n: number) => ({
      id: `https://elsewhere.example/annotations/${n}`,
      type: "Annotation",
      body: { type: "TextualBody", value: note, format: "text/plain", purpose: "commenting" },
      target: { source: "https://elsewhere.example/texts/keepers-log", selector: { type: "TextQuoteSelector", exact } },
    });
    const file = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationPage",
      items: [
        annotation("fishing boats had gone out", "Imported: the boats leave before the lights go off.", 1),
        annotation("a hundred years", "Imported: who read the log in the end?", 2),
        annotation("a purple lighthouse on the moon", "Imported: this quote is in no version of the text.", 3),
      ],
    };

    await openTransferMenu(owner);
    await owner.getByRole("menuitem", { name: "Import W3C annotations…" }).click();
    const dialog = owner.getByRole("dialog", { name: "Import W3C annotations" });
    await dialog.waitFor();
    await dialog.getByLabel("Annotation file").setInputFiles({ name: "keepers-log.jsonld", mimeType: "application/ld+json", buffer: Buffer.from(JSON.stringify(file, null, 2)) });
    await owner.waitForTimeout(200); // the dialog's pop-in
    await snap(owner, "seminar-import-dialog");

    // Hold the answer back a moment so the progress bar can be seen before the result.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await owner.route("**/annotations/import", async (route) => {
      await held;
      await route.continue();
    });
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    const progress = dialog.getByRole("progressbar", { name: "Import progress" });
    await progress.waitFor();
    expect(await progress.getAttribute("aria-valuenow")).toBe("0");
    expect(await progress.getAttribute("aria-valuemax")).toBe("3");
    await snap(owner, "seminar-import-progress");
    release();

    await dialog.getByText("2 imported, 1 failed").waitFor();
    const failures = dialog.getByRole("region", { name: "Annotations that were not imported" });
    expect(await failures.getByRole("listitem").count()).toBe(1);
    const failure = await failures.getByRole("listitem").innerText();
    expect(failure).toContain("#3");
    expect(failure).toContain("a purple lighthouse on the moon");
    expect(failure).toContain("quote_not_found");
    expect(await progress.count()).toBe(0);
    await snap(owner, "seminar-import-result");
    await owner.unroute("**/annotations/import");

    // The two anchored notes are in the margin, live, and stay after a reload.
    await dialog.getByRole("button", { name: "Done" }).click();
    await marginOf(owner).getByText("the boats leave before the lights go off").waitFor();
    await marginOf(owner).getByText("who read the log in the end?").waitFor();
    expect(await marginOf(owner).getByText("this quote is in no version").count()).toBe(0);
    await openDocument(owner, documentId);
    await poll(() => marginOf(owner).locator("article[data-annotation-id]").count()).toBe(2);
    await snap(owner, "seminar-import-margin");
  });
});
