import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_TITLE } from "@/lib/demo/content";
import { DEMO_USERS } from "@/lib/demo/seed";
import { addMember, apiHeaders, editorOf, signIn, signUp, snap, useBrowser } from "./helpers";

const app = useBrowser();

/** The demo document's id and its group, found through the public API with Ada's token. */
async function demoDocument(page: Page) {
  const [ada] = DEMO_USERS;
  const headers = await apiHeaders(page, ada.email, ada.password);
  const groups = (await (await page.request.get("/api/v1/groups", { headers })).json()).items;
  const group = groups.find((g: { name: string }) => g.name === "Demo reading group");
  const documents = (await (await page.request.get(`/api/v1/groups/${group.id}/documents`, { headers })).json()).items;
  // By title: other browser tests add documents to this group, and the list is newest first.
  const demo = documents.find((d: { title: string }) => d.title === DEMO_TITLE);
  return { groupId: group.id as string, documentId: demo.id as string, headers };
}

describe("live co-editing in two browsers", () => {
  it("two editors see each other's text and named carets; a viewer's page cannot type", async () => {
    const [ada, basil] = DEMO_USERS;
    const pageA = await app.page();
    const pageB = await app.page();
    await signIn(pageA, ada.email, ada.password);
    await signIn(pageB, basil.email, basil.password);
    const { groupId, documentId, headers } = await demoDocument(pageA);

    await Promise.all([pageA.goto(`/documents/${documentId}`), pageB.goto(`/documents/${documentId}`)]);
    const [editorA, editorB] = [editorOf(pageA), editorOf(pageB)];
    await editorA.waitFor();
    await editorB.waitFor();
    expect(await editorA.getAttribute("contenteditable")).toBe("true");

    await editorA.locator("h2").first().click();
    await pageA.keyboard.press("End");
    await pageA.keyboard.type(" — revised by Ada");
    await editorB.locator("p").first().click();
    await pageB.keyboard.press("Home");
    await pageB.keyboard.type("Basil says: ");

    await pageB.getByText("— revised by Ada").waitFor();
    await pageA.getByText("Basil says:").waitFor();
    await pageA.locator(".collaboration-carets__label", { hasText: basil.name }).waitFor();
    await pageB.locator(".collaboration-carets__label", { hasText: ada.name }).waitFor();
    await pageA.getByText("Saved", { exact: true }).first().waitFor();
    await snap(pageA, "co-editing-ada");
    await snap(pageB, "co-editing-basil");

    // A viewer added through the API gets the same live text, and typing changes nothing.
    const pageV = await app.page();
    const viewerEmail = await signUp(pageV, "Vera Viewer");
    await addMember(pageA.request, headers, groupId, viewerEmail, "viewer");
    await pageV.goto(`/documents/${documentId}`);
    const editorV = editorOf(pageV);
    await editorV.waitFor();
    await pageV.getByText("Basil says:").waitFor();
    // A caret to read and select with, but no edits: the text says it is read-only.
    expect(await editorV.getAttribute("aria-readonly")).toBe("true");
    const before = await editorV.innerText();
    await editorV.locator("p").first().click();
    await pageV.keyboard.type("vandalism");
    await pageV.keyboard.press("Enter");
    await pageV.keyboard.press("Backspace");
    await pageV.keyboard.press("Control+b");
    await pageA.keyboard.type("!");
    await pageV.getByText("revised by Ada!").waitFor();
    expect(await editorV.innerText()).not.toContain("vandalism");
    expect((await editorA.innerText()).includes("vandalism")).toBe(false);
    expect(before.length).toBeGreaterThan(100);
    await snap(pageV, "co-editing-viewer");
  });
});
