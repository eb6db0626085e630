import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { XSS_PAYLOADS } from "../unit/annotations-ui/xss-corpus";
import { cspViolations, launchBrowser, newPage } from "./browser";

// Every payload, if it ever ran, sets window.__xss. They go into note bodies, tags, replies and
// document titles, through the real UI and API, and are rendered in Chromium on the live path
// (another reader's open page), after a reload (server-rendered list) and on the group page.

/** Waits for a value to settle; live updates cross a socket and a database, so give them time. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(cspViolations).toEqual([]);
});

const [ada, basil] = DEMO_USERS;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/groups");
}

async function api(page: Page) {
  const token = (await (await page.request.post("/api/v1/tokens", { data: { email: ada.email, password: ada.password } })).json()).token as string;
  const headers = { authorization: `Bearer ${token}` };
  // A group of its own: thirty odd titles must not crowd the demo group other tests read from.
  const created = await page.request.post("/api/v1/groups", { headers, data: { name: `Injection tests ${Date.now()}`, moderation: "post" } });
  expect(created.status()).toBe(201);
  const group = (await created.json()) as { id: string };
  expect((await page.request.post(`/api/v1/groups/${group.id}/members`, { headers, data: { email: basil.email, role: "editor" } })).status()).toBe(201);
  const createDocument = async (title: string, content: string) => {
    const response = await page.request.post("/api/v1/documents", { headers, data: { groupId: group.id, title, format: "markdown", content } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()).id as string;
  };
  return { groupId: group.id as string, createDocument };
}

async function openDocument(page: Page, documentId: string) {
  await page.goto(`/documents/${documentId}`);
  await page.locator(".live-editor[data-ready]").waitFor();
}

async function selectWords(page: Page, words: string) {
  await page.evaluate((w) => {
    const root = document.querySelector<HTMLElement>(".live-editor .ProseMirror")!;
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // Other people's caret labels are widgets inside the text; they are not part of it.
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest(".collaboration-carets__caret")) nodes.push(node as Text);
    const text = nodes.map((n) => n.data).join("");
    const at = text.indexOf(w);
    if (at < 0) throw new Error(`"${w}" is not in the text`);
    const locate = (offset: number, end: boolean): [Text, number] => {
      let passed = 0;
      for (const node of nodes) {
        if (offset < passed + node.data.length || (end && offset === passed + node.data.length)) return [node, offset - passed];
        passed += node.data.length;
      }
      throw new Error("offset out of range");
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + w.length, true));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, words);
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
    const author = await newPage(browser, inject("baseUrl"));
    const reader = await newPage(browser, inject("baseUrl"));
    await signIn(author, ada.email, ada.password);
    await signIn(reader, basil.email, basil.password);
    const { groupId, createDocument } = await api(author);
    const documentId = await createDocument("Payloads in the margin", "Words to hang notes on, one after another.\n\nA second paragraph for the replies.");
    await Promise.all([openDocument(author, documentId), openDocument(reader, documentId)]);

    // Notes with payload bodies and tags, through the selection menu and composer.
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      await selectWords(author, i % 2 ? "hang notes on" : "one after another");
      await author.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: "Comment" }).click();
      await author.getByRole("textbox", { name: "Note" }).fill(payload);
      await author.getByRole("textbox", { name: "Tags" }).fill(payload.slice(0, 60));
      await author.keyboard.press("Enter");
      await author.getByRole("button", { name: "Comment", exact: true }).click();
      await author.getByRole("textbox", { name: "Note" }).waitFor({ state: "detached" });
    }
    await poll(() => reader.locator('aside[aria-label="Margin"] article[data-annotation-id]').count()).toBe(XSS_PAYLOADS.length);

    // Replies with payloads, in one thread.
    const thread = author.locator('aside[aria-label="Margin"] article[data-annotation-id]').first();
    await thread.getByText("Ada Lindqvist").first().click();
    for (const payload of XSS_PAYLOADS) {
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
    const phone = await newPage(browser, inject("baseUrl"), { width: 390, height: 844 });
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
