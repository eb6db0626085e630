import type { APIRequestContext, Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { cspViolations, launchBrowser, newPage } from "./browser";

export { snap } from "./browser";

/** Every account the tests make through the sign-up form has this password. */
export const PASSWORD = "a long enough passphrase";

export type ApiHeaders = Record<string, string>;

/** A signed-in browser page with the same account's API token, for setting things up through the API. */
export type Person = { page: Page; email: string; headers: ApiHeaders };

/** Waits for a value to settle; live updates cross a socket and a database, so give them time. */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/**
 * One Chromium for the calling test file: launched before its tests, closed after them, and the file
 * fails if any page reported a Content-Security-Policy violation.
 */
export function useBrowser() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });
  return {
    /** A fresh page (its own context, so its own cookies) on the app under test. */
    page: (viewport?: { width: number; height: number }, colorScheme?: "light" | "dark") => newPage(browser, inject("baseUrl"), viewport, colorScheme),
    /** A fresh page signed up as a new account named `name`, with that account's API headers. */
    person: async (name: string): Promise<Person> => {
      const page = await newPage(browser, inject("baseUrl"));
      const email = await signUp(page, name);
      return { page, email, headers: await apiHeaders(page, email) };
    },
  };
}

/** An address no other test (or earlier run against the same database) has used. */
export function uniqueEmail(name: string): string {
  return `${name.split(" ")[0].toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/** Fills and submits the sign-up form the page is already on; returns the new account's email. Waits for nothing: where it lands depends on the callback. */
export async function submitSignUpForm(page: Page, name: string, email = uniqueEmail(name)): Promise<string> {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  return email;
}

/** Signs up a new account through /signup and waits for the groups page; returns its email. */
export async function signUp(page: Page, name: string, email?: string): Promise<string> {
  await page.goto("/signup");
  const created = await submitSignUpForm(page, name, email);
  await page.waitForURL("**/groups");
  return created;
}

/** Signs in through /signin (a demo user, say) and waits for the groups page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/groups");
}

/**
 * A fresh API token for the account. The request carries the context's session cookie, so it says
 * it comes from the app's own origin, as the browser would (cookie-authenticated writes must).
 */
async function freshToken(request: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await request.post("/api/v1/tokens", { data: { email, password }, headers: { origin: inject("baseUrl") } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).token as string;
}

/** Bearer headers for the public API, from a fresh token for the account. */
export async function apiHeaders(page: Page, email: string, password = PASSWORD): Promise<ApiHeaders> {
  return { authorization: `Bearer ${await freshToken(page.request, email, password)}` };
}

/** Creates a group through the API; returns its id. */
export async function createGroup(request: APIRequestContext, headers: ApiHeaders, data: { name: string; moderation?: string }): Promise<string> {
  const created = await request.post("/api/v1/groups", { headers, data });
  expect(created.status()).toBe(201);
  return (await created.json()).id as string;
}

/** Puts an existing account into a group through the API: the owner invites, the person accepts (with their own token). */
export async function addMember(request: APIRequestContext, headers: ApiHeaders, groupId: string, email: string, role: string, password = PASSWORD) {
  const invited = await request.post(`/api/v1/groups/${groupId}/members`, { headers, data: { email, role } });
  expect(invited.status()).toBe(202);
  const theirs = { authorization: `Bearer ${await freshToken(request, email, password)}` };
  const waiting = (await (await request.get("/api/v1/me/invitations", { headers: theirs })).json()).items as { id: string; group: { id: string } }[];
  const invitation = waiting.find((i) => i.group.id === groupId);
  expect(invitation, `no invitation to ${groupId} for ${email}`).toBeDefined();
  const accepted = await request.post(`/api/v1/me/invitations/${invitation!.id}/accept`, { headers: theirs });
  expect(accepted.status()).toBe(201);
}

/** Creates a document through the API; returns its id. */
export async function createDocument(
  request: APIRequestContext,
  headers: ApiHeaders,
  data: { groupId: string; title: string; format: "markdown" | "text"; content: string },
): Promise<string> {
  const response = await request.post("/api/v1/documents", { headers, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

/** A post-moderated group of `owner`'s with `members` in it (role member) and one plain-text document; returns the document's id. */
export async function seminarDocument(owner: Person, members: Person[], { group, title, content }: { group: string; title: string; content: string }): Promise<string> {
  const request = owner.page.request;
  const groupId = await createGroup(request, owner.headers, { name: `${group} ${Date.now()}`, moderation: "post" });
  for (const member of members) await addMember(request, owner.headers, groupId, member.email, "member");
  return createDocument(request, owner.headers, { groupId, title, format: "text", content });
}

/**
 * A post-moderated group that demo Ada owns and demo Basil edits, with Ada's API headers: a test file's
 * own place for documents, so they never crowd the demo group other tests read from.
 */
export async function demoUsersGroup(page: Page, name: string): Promise<{ headers: ApiHeaders; groupId: string }> {
  const [ada, basil] = DEMO_USERS;
  const headers = await apiHeaders(page, ada.email, ada.password);
  const groupId = await createGroup(page.request, headers, { name: `${name} ${Date.now()}`, moderation: "post" });
  await addMember(page.request, headers, groupId, basil.email, "editor", basil.password);
  return { headers, groupId };
}

/** Creates a group through the groups page's dialog and waits for its page; returns the group's path. */
export async function createGroupInUi(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: /group/i }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create group" }).click();
  await page.waitForURL(/\/groups\/[^/]+$/);
  return new URL(page.url()).pathname;
}

const W3C_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** A W3C target: the first occurrence of `exact` in the document. */
export function quoteTarget(documentId: string, exact: string) {
  return { source: `${inject("baseUrl")}/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } };
}

/** POSTs a W3C annotation to a document's container, as another client would; the raw response. */
export function postAnnotation(request: APIRequestContext, headers: ApiHeaders, documentId: string, annotation: Record<string, unknown>) {
  return request.post(`/api/annotations/${documentId}/`, {
    headers: { ...headers, "content-type": W3C_CONTENT_TYPE },
    data: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", ...annotation },
  });
}

/** Posts a plain-text note on `exact` through the W3C API; returns its IRI and id. */
export async function postNote(who: Pick<Person, "page" | "headers">, documentId: string, exact: string, text: string) {
  const response = await postAnnotation(who.page.request, who.headers, documentId, {
    body: { type: "TextualBody", value: text, format: "text/plain" },
    target: quoteTarget(documentId, exact),
  });
  expect(response.status()).toBe(201);
  const iri = (await response.json()).id as string;
  return { iri, id: iri.split("/").at(-1)! };
}

/** Posts a plain-text reply to the annotation at `parentIri`; returns the reply's id. */
export async function postReply(who: Pick<Person, "page" | "headers">, documentId: string, parentIri: string, text: string): Promise<string> {
  const response = await postAnnotation(who.page.request, who.headers, documentId, {
    motivation: "replying",
    body: { type: "TextualBody", value: text, format: "text/plain" },
    target: parentIri,
  });
  expect(response.status()).toBe(201);
  return ((await response.json()).id as string).split("/").at(-1)!;
}

/** Opens a document's reading page and waits until its live editor has synced. */
export async function openDocument(page: Page, documentId: string, hash = "") {
  await page.goto(`/documents/${documentId}${hash}`);
  await page.locator(".live-editor[data-ready]").waitFor();
}

/** The live editor's text (aria-readonly="true" for readers who may not edit: a caret, but no edits). */
export const editorOf = (page: Page) => page.locator(".live-editor .ProseMirror[contenteditable]");

/** The margin beside the text. */
export const marginOf = (page: Page) => page.locator('aside[aria-label="Margin"]');

/** One annotation's card in the margin. */
export const cardOf = (page: Page, id: string): Locator => page.locator(`aside[aria-label="Margin"] article[data-annotation-id="${id}"]`);

/**
 * Selects the first occurrence of `words` in the text (across highlight pieces), as a reader's drag would.
 *
 * The editor writes its own selection back into the page ~20 ms after it gains focus, and reads the
 * page's selection only on the next `selectionchange`: a key pressed before both have happened acts
 * on the old caret. So this focuses first, lets that pass, selects, and returns once the selection
 * is still the words after the editor has had its turn.
 */
export async function selectWords(page: Page, words: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const focused = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>(".live-editor .ProseMirror")!;
      if (!root.isContentEditable || root.contains(document.activeElement)) return false;
      root.focus();
      return true;
    });
    if (focused) await page.waitForTimeout(60);
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
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, words);
    await page.waitForTimeout(60);
    if ((await page.evaluate(() => window.getSelection()?.toString() ?? "")) === words) return;
  }
  throw new Error(`could not keep "${words}" selected in the text`);
}

/** What each kind of highlight is drawn as in the live text (annotations.css): a selector for its spans. */
const HIGHLIGHT_SELECTORS: Record<string, string> = {
  "anno-others-1": '.anno-hl[data-depth="1"]:not([data-mine]):not([data-draft])',
  "anno-others-2": '.anno-hl[data-depth="2"]:not([data-mine]):not([data-draft])',
  "anno-others-3": '.anno-hl[data-depth="3"]:not([data-mine]):not([data-draft])',
  "anno-mine-1": '.anno-hl[data-depth="1"][data-mine]',
  "anno-mine-2": '.anno-hl[data-depth="2"][data-mine]',
  "anno-mine-3": '.anno-hl[data-depth="3"][data-mine]',
  "anno-draft": ".anno-hl[data-draft]",
  "anno-private": ".anno-hl[data-private]",
  "anno-pending": ".anno-hl[data-pending]",
  "anno-active": ".anno-active",
  "anno-active-mine": ".anno-active-mine",
};

/** The live text's spans drawn for one annotation (for any annotation without an id), in text order. */
const HIGHLIGHTED = (id?: string) => `.live-editor .ProseMirror .anno-hl${id === undefined ? "" : `[data-annotation-ids~="${id}"]`}`;

/**
 * The text under one annotation's highlights, joined in text order ("" when none is drawn).
 * Highlights are spans drawn near the viewport, each listing its annotations in data-annotation-ids.
 */
export function highlightText(page: Page, id: string): Promise<string> {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)].map((span) => span.textContent ?? "").join(""), HIGHLIGHTED(id));
}

/** How many spans are drawn as highlight `names` (e.g. "anno-others-2", "anno-private", "anno-active"). */
export function highlightCount(page: Page, ...names: string[]): Promise<number> {
  const selector = names.map((name) => `.live-editor .ProseMirror ${HIGHLIGHT_SELECTORS[name] ?? name}`).join(", ");
  return page.evaluate((list) => document.querySelectorAll(list).length, selector);
}

/** The viewport box of the first line of an annotation's words (of any highlighted words without an id), or null. */
export function highlightBox(page: Page, id?: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate((selector) => {
    const rect = document.querySelector(selector)?.getClientRects()[0];
    return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
  }, HIGHLIGHTED(id));
}

/** Clicks the middle of the first piece of an annotation's highlighted words (of any, without an id), scrolled into view. */
export async function clickHighlight(page: Page, id?: string) {
  let box = await settledHighlightBox(page, id);
  if (!box) throw new Error(`no highlight drawn${id ? ` for ${id}` : ""}`);
  // Clear of the sticky bars at the top (page bar, editor toolbar) and of the bottom edge.
  if (box.y < 200 || box.y + box.height > page.viewportSize()!.height - 40) {
    await page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 2), box.y);
    box = (await settledHighlightBox(page, id))!;
  }
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** highlightBox once it stays put for 100 ms: a smooth scroll or a sheet closing may still be moving the words. */
async function settledHighlightBox(page: Page, id?: string) {
  let box = await highlightBox(page, id);
  for (let still = 0, tries = 0; still < 2 && tries < 60; tries++) {
    await page.waitForTimeout(50);
    const next = await highlightBox(page, id);
    still = JSON.stringify(next) === JSON.stringify(box) ? still + 1 : 0;
    box = next;
  }
  return box;
}
