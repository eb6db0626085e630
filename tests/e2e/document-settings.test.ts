import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cspViolations, launchBrowser, newPage, snap } from "./browser";

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const PASSWORD = "a long enough passphrase";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(cspViolations).toEqual([]);
});

type Person = { page: Page; email: string; headers: Record<string, string> };

async function signUp(name: string): Promise<Person> {
  const page = await newPage(browser, inject("baseUrl"));
  const email = `${name.split(" ")[0].toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/groups");
  const token = (await (await page.request.post("/api/v1/tokens", { data: { email, password: PASSWORD } })).json()).token as string;
  return { page, email, headers: { authorization: `Bearer ${token}` } };
}

describe("document settings on the reading page", () => {
  it("a moderator switches on hide-and-reveal from the page; a member follows the document and hears of new threads", async () => {
    const [moderator, member] = [await signUp("Tessa Teacher"), await signUp("Sam Student")];
    const request = moderator.page.request;
    const group = await (await request.post("/api/v1/groups", { headers: moderator.headers, data: { name: `Seminar ${Date.now()}`, moderation: "post" } })).json();
    expect((await request.post(`/api/v1/groups/${group.id}/members`, { headers: moderator.headers, data: { email: member.email, role: "member" } })).status()).toBe(201);
    const doc = await (await request.post("/api/v1/documents", { headers: moderator.headers, data: { groupId: group.id, title: "Seminar text", format: "text", content: "Words for the seminar to discuss.\n\nA second paragraph." } })).json();

    await moderator.page.goto(`/documents/${doc.id}`);
    await moderator.page.getByRole("button", { name: "Follow this document" }).click();
    await moderator.page.getByRole("menuitemcheckbox", { name: /only after posting their own/ }).click();
    await poll(async () => (await (await request.get(`/api/v1/documents/${doc.id}`, { headers: moderator.headers })).json()).hideUntilPosted).toBe(true);
    await snap(moderator.page, "document-settings-moderator");

    // The member now sees the hide-and-reveal banner, and follows the document from the menu.
    await member.page.goto(`/documents/${doc.id}`);
    await member.page.getByText("Post your own note to see the group").first().waitFor();
    await member.page.getByRole("button", { name: "Follow this document" }).click();
    await expect(member.page.getByRole("menuitemcheckbox", { name: /only after posting/ }).count()).resolves.toBe(0);
    await member.page.getByRole("menuitemcheckbox", { name: "Tell me about every new thread here" }).click();
    await poll(async () => (await (await member.page.request.get(`/api/v1/documents/${doc.id}/follow`, { headers: member.headers })).json()).following).toBe(true);

    const W3C = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
    const post = (who: Person, exact: string, text: string) =>
      who.page.request.post(`/api/annotations/${doc.id}/`, {
        headers: { ...who.headers, "content-type": W3C },
        data: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", body: { type: "TextualBody", value: text }, target: { source: `${inject("baseUrl")}/documents/${doc.id}`, selector: { type: "TextQuoteSelector", exact } } },
      });
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
    const [teacher, student] = [await signUp("Tessa Teacher"), await signUp("Rosalind Reader")];
    const request = teacher.page.request;
    const group = await (await request.post("/api/v1/groups", { headers: teacher.headers, data: { name: `Seminar ${Date.now()}`, moderation: "post" } })).json();
    expect((await request.post(`/api/v1/groups/${group.id}/members`, { headers: teacher.headers, data: { email: student.email, role: "member" } })).status()).toBe(201);
    const doc = await (await request.post("/api/v1/documents", { headers: teacher.headers, data: { groupId: group.id, title: "Mentions", format: "text", content: "A sentence worth asking about." } })).json();

    const page = teacher.page;
    await page.goto(`/documents/${doc.id}`);
    await page.locator(".live-editor[data-ready]").waitFor();
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
