import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { XSS_PAYLOADS } from "../unit/annotations-ui/xss-corpus";
import { createDocument, demoUsersGroup, openDocument, poll, postAnnotation, quoteTarget, selectWords, signIn, useBrowser, type ApiHeaders } from "./helpers";

// Every payload, if it ever ran, sets window.__xss. They go into note bodies, tags, replies and
// document titles, and are rendered in Chromium on the live path (another reader's open page),
// after a reload (server-rendered list) and on the group page. The first few notes and replies
// are typed into the real composer; the rest come through the W3C API as Markdown, as the
// composer sends them, since what is tested is how they render, wherever they came from.
const THROUGH_UI = 4;

/** A note in Markdown with a tag, as the composer would post it. */
async function postMarkdown(page: Page, headers: ApiHeaders, documentId: string, target: unknown, value: string, tag?: string) {
  const body = [{ type: "TextualBody", value, format: "text/markdown" }, ...(tag ? [{ type: "TextualBody", purpose: "tagging", value: tag }] : [])];
  const response = await postAnnotation(page.request, headers, documentId, { ...(typeof target === "string" ? { motivation: "replying" } : {}), body, target });
  expect(response.status(), value).toBe(201);
}

const app = useBrowser();

const [ada, basil] = DEMO_USERS;

async function api(page: Page) {
  // A group of its own: thirty odd titles must not crowd the demo group other tests read from.
  const { headers, groupId } = await demoUsersGroup(page, "Injection tests");
  const createDocumentHere = (title: string, content: string) => createDocument(page.request, headers, { groupId, title, format: "markdown", content });
  return { groupId, headers, createDocument: createDocumentHere };
}

/** Nothing ran, and nothing that could run later (a click, a hover) is in the page. */
async function expectInert(page: Page, where: string) {
  await page.waitForTimeout(400);
  const report = await page.evaluate(() => {
    const problems: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) problems.push(`window.__xss = ${String((window as unknown as { __xss?: unknown }).__xss)}`);
    for (const el of document.body.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`<${el.localName} ${attr.name}>`);
        if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
          problems.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        }
      }
    }
    for (const el of document.querySelectorAll(".note-body *, h1 *, title *")) {
      if (!["p", "br", "strong", "b", "em", "i", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "h4", "span"].includes(el.localName)) {
        problems.push(`<${el.localName}> inside a note or title`);
      }
    }
    return problems;
  });
  expect(report, where).toEqual([]);
}

describe("script injection", () => {
  it(`renders ${XSS_PAYLOADS.length} payloads in notes, tags, replies and titles as inert text`, { timeout: 600_000 }, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(20);
    const author = await app.page();
    const reader = await app.page();
    await signIn(author, ada.email, ada.password);
    await signIn(reader, basil.email, basil.password);
    const { groupId, headers, createDocument } = await api(author);
    const documentId = await createDocument("Payloads in the margin", "Words to hang notes on, one after another.\n\nA second paragraph for the replies.");
    await Promise.all([openDocument(author, documentId), openDocument(reader, documentId)]);

    // Notes with payload bodies and tags, through the selection menu and composer.
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      if (i >= THROUGH_UI) {
        await postMarkdown(author, headers, documentId, quoteTarget(documentId, i % 2 ? "hang notes on" : "one after another"), payload, payload.slice(0, 60));
        continue;
      }
      await selectWords(author, i % 2 ? "hang notes on" : "one after another");
      await author.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
      await author.getByRole("textbox", { name: "Note" }).fill(payload);
      await author.getByRole("textbox", { name: "Tags" }).fill(payload.slice(0, 60));
      await author.keyboard.press("Enter");
      await author.getByRole("button", { name: "Comment", exact: true }).click();
      await author.getByRole("textbox", { name: "Note" }).waitFor({ state: "detached" });
    }
    // Beside the text, notes on the same words fold into a stack; the list layout shows every card,
    // a page of 20 at first and the rest behind "Show more".
    await reader.getByLabel("Sort notes").selectOption("activity");
    const cards = reader.locator('aside[aria-label="Margin"] article[data-annotation-id]');
    await poll(() => cards.count()).toBe(20);
    await reader.locator('aside[aria-label="Margin"]').getByRole("button", { name: `Show more (${XSS_PAYLOADS.length - 20})` }).click();
    await poll(() => cards.count()).toBe(XSS_PAYLOADS.length);
    await reader.getByLabel("Sort notes").selectOption("position");

    // Replies with payloads, in one thread.
    const thread = author.locator('aside[aria-label="Margin"] article[data-annotation-id]').first();
    await thread.getByText("Ada Lindqvist").first().click();
    const threadIri = `${new URL(author.url()).origin}/api/annotations/${documentId}/${await thread.getAttribute("data-annotation-id")}`;
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      if (i >= THROUGH_UI) {
        await postMarkdown(author, headers, documentId, threadIri, payload);
        continue;
      }
      await thread.getByRole("textbox", { name: "Reply" }).fill(payload);
      await thread.getByRole("button", { name: "Reply", exact: true }).click();
      await poll(() => thread.getByRole("textbox", { name: "Reply" }).inputValue()).toBe("");
    }
    await poll(() => thread.locator("[data-reply-id]").count()).toBe(XSS_PAYLOADS.length);
    // Payloads are shown as the text they are: the entity-encoded ones too.
    await thread.getByText("<script>window.__xss=1</script>").first().waitFor();

    await expectInert(author, "the author's page");
    await reader.locator('aside[aria-label="Margin"] article[data-annotation-id]').first().getByText("Ada Lindqvist").first().click();
    await expectInert(reader, "the live page of another reader");

    // The server-rendered list after a reload, on a wide and a narrow screen.
    await openDocument(reader, documentId);
    await expectInert(reader, "after a reload");
    const phone = await app.page({ width: 390, height: 844 });
    await signIn(phone, basil.email, basil.password);
    await openDocument(phone, documentId);
    await phone.getByRole("button", { name: `${XSS_PAYLOADS.length} notes` }).click();
    await phone.getByRole("dialog", { name: "Notes" }).locator("article[data-annotation-id]").first().waitFor();
    await expectInert(phone, "the bottom sheet");

    // Titles: each payload as a document title, on its page and on the group page.
    const titled = await Promise.all(XSS_PAYLOADS.map((payload) => createDocument(payload.slice(0, 300), "Plain words.")));
    await reader.goto(`/groups/${groupId}`);
    await reader.getByText("<script>window.__xss=1</script>").first().waitFor();
    await expectInert(reader, "the group page");
    // Every title is on the group page; their own pages render them the same way, so a sample of them.
    for (const [i, id] of titled.entries()) {
      if (i % 4 !== 0 && i !== 1) continue;
      await openDocument(reader, id);
      expect(await reader.locator("h1#document-title").textContent()).toBe(XSS_PAYLOADS[i].slice(0, 300).trim());
      await expectInert(reader, `the page titled ${JSON.stringify(XSS_PAYLOADS[i])}`);
    }
  });
});
