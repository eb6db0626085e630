import { describe, expect, it } from "vitest";
import { openDocument, poll, postAnnotation, quoteTarget, seminarDocument, snap, useBrowser, type Person } from "./helpers";

const app = useBrowser();

/** A teacher who owns a post-moderated group with one plain-text document, and a student in it. */
async function seminar(teacherName: string, studentName: string, title: string, content: string) {
  const [teacher, student] = [await app.person(teacherName), await app.person(studentName)];
  const documentId = await seminarDocument(teacher, [student], { group: "Seminar", title, content });
  return { teacher, student, documentId };
}

describe("document settings on the reading page", () => {
  it("a moderator switches on hide-and-reveal from the page; a member follows the document and hears of new threads", async () => {
    const { teacher: moderator, student: member, documentId } = await seminar("Tessa Teacher", "Sam Student", "Seminar text", "Words for the seminar to discuss.\n\nA second paragraph.");
    const request = moderator.page.request;

    await moderator.page.goto(`/documents/${documentId}`);
    await moderator.page.getByRole("button", { name: "Follow this document" }).click();
    await moderator.page.getByRole("menuitemcheckbox", { name: /only after posting their own/ }).click();
    await poll(async () => (await (await request.get(`/api/v1/documents/${documentId}`, { headers: moderator.headers })).json()).hideUntilPosted).toBe(true);
    await snap(moderator.page, "document-settings-moderator");

    // The member now sees the hide-and-reveal banner, and follows the document from the menu.
    await member.page.goto(`/documents/${documentId}`);
    await member.page.getByText("Post your own note to see the group").first().waitFor();
    await member.page.getByRole("button", { name: "Follow this document" }).click();
    await expect(member.page.getByRole("menuitemcheckbox", { name: /only after posting/ }).count()).resolves.toBe(0);
    await member.page.getByRole("menuitemcheckbox", { name: "Tell me about every new thread here" }).click();
    await poll(async () => (await (await member.page.request.get(`/api/v1/documents/${documentId}/follow`, { headers: member.headers })).json()).following).toBe(true);

    const post = (who: Person, exact: string, text: string) =>
      postAnnotation(who.page.request, who.headers, documentId, { body: { type: "TextualBody", value: text }, target: quoteTarget(documentId, exact) });
    // While others' notes are hidden from the member, a new thread notifies them of nothing.
    expect((await post(moderator, "seminar", "Start here.")).status()).toBe(201);
    // Once the member has posted, the next new thread reaches the follower's inbox.
    expect((await post(member, "Words", "My first note.")).status()).toBe(201);
    expect((await post(moderator, "second paragraph", "And here.")).status()).toBe(201);
    await poll(async () => (await (await member.page.request.get("/api/v1/notifications?unread=1", { headers: member.headers })).json()).items.map((n: { kind: string }) => n.kind)).toEqual(["activity"]);

    // Beside the text, moderators see where discussion gathers; members do not.
    await moderator.page.reload();
    await moderator.page.getByTestId("text-density-strip").waitFor();
    await member.page.reload();
    await member.page.locator(".live-editor").first().waitFor();
    expect(await member.page.getByTestId("text-density-strip").count()).toBe(0);
    await snap(moderator.page, "document-density-strip");
  });

  it("completes an @mention from the document's readers while writing a note, and the mentioned member is notified", async () => {
    const { teacher, student, documentId } = await seminar("Tessa Teacher", "Rosalind Reader", "Mentions", "A sentence worth asking about.");

    const page = teacher.page;
    await openDocument(page, documentId);
    await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>(".live-editor .ProseMirror")!;
      root.focus();
      const text = root.querySelector("p")!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 10);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await page.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
    const note = page.getByRole("textbox", { name: "Note" });
    await note.pressSequentially("What do you think, @Ros");
    const list = page.getByRole("listbox", { name: "Mention someone" });
    await list.getByRole("option", { name: "Rosalind Reader" }).waitFor();
    await snap(page, "mention-completion");
    await note.press("Enter");
    await expect(note.inputValue()).resolves.toBe("What do you think, @[Rosalind Reader] ");
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await note.waitFor({ state: "detached" });
    await poll(async () => (await (await student.page.request.get("/api/v1/notifications?unread=1", { headers: student.headers })).json()).items.map((n: { kind: string }) => n.kind)).toEqual(["mention"]);
  });
});
