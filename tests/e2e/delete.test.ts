import { describe, expect, it } from "vitest";
import { createDocument, openDocument, poll, seminarDocument, snap, useBrowser } from "./helpers";

const app = useBrowser();

describe("deleting a document", () => {
  it("the owner deletes a document from its menu after typing its title, lands on the group page and the document is gone; a member has no such entry", async () => {
    const [owner, member] = [await app.person("Olive Owner"), await app.person("Milo Member")];
    const title = "Draft to discard";
    const documentId = await seminarDocument(owner, [member], { group: "Deletion", title, content: "Words nobody will miss.\n\nA second paragraph." });
    const { groupId } = await (await owner.page.request.get(`/api/v1/documents/${documentId}`, { headers: owner.headers })).json();
    await createDocument(owner.page.request, owner.headers, { groupId, title: "Keeper", format: "text", content: "This one stays." });

    // A member reads the same page, and the menu offers no way to delete.
    await openDocument(member.page, documentId);
    await member.page.getByRole("button", { name: "Follow this document" }).click();
    await member.page.getByRole("menuitemcheckbox", { name: "Tell me about every new thread here" }).waitFor();
    expect(await member.page.getByRole("menuitem", { name: /Delete document/ }).count()).toBe(0);
    await member.page.keyboard.press("Escape");

    const page = owner.page;
    await openDocument(page, documentId);
    await page.getByRole("button", { name: "Follow this document" }).click();
    await page.getByRole("menuitem", { name: "Delete document…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this document?" });
    await dialog.getByText("with all its annotations, replies and discussion").waitFor();
    const confirm = dialog.getByRole("button", { name: "Delete document" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type .* to confirm/).fill("Draft to");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type .* to confirm/).fill(title);
    expect(await confirm.isEnabled()).toBe(true);
    await snap(page, "delete-document-confirm");

    await confirm.click();
    await page.waitForURL(new RegExp(`/groups/${groupId}$`));
    await page.getByRole("link", { name: "Keeper" }).first().waitFor();
    expect(await page.getByRole("link", { name: title }).count()).toBe(0);
    await poll(async () => (await page.request.get(`/api/v1/documents/${documentId}`, { headers: owner.headers })).status()).toBe(404);
    // The member still has it open: the connection badge says it was deleted, and stays so.
    await member.page.getByText("Deleted", { exact: true }).waitFor({ timeout: 10_000 });
    await member.page.waitForTimeout(1500);
    expect(await member.page.getByText("Deleted", { exact: true }).count()).toBe(1);
    await snap(member.page, "delete-document-reader");

    // The group's moderation log records who deleted it, under its title.
    await page.goto(`/groups/${groupId}/moderation/log`);
    const row = page.getByRole("row").filter({ hasText: "Deleted document" });
    await row.waitFor();
    expect(await row.getByText(`Document “${title}”`).count()).toBe(1);
    expect(await row.getByText("Olive Owner").count()).toBe(1);
    await snap(page, "delete-document-log");
  });
  it("the owner deletes a group from its settings after typing its name and lands on the groups list without it", async () => {
    const [owner, member] = [await app.person("Gus Groupowner"), await app.person("Mae Member")];
    const documentId = await seminarDocument(owner, [member], { group: "Disbanded", title: "Old reading", content: "Words of a group that ends." });
    const { groupId } = await (await owner.page.request.get(`/api/v1/documents/${documentId}`, { headers: owner.headers })).json();
    const { name } = await (await owner.page.request.get(`/api/v1/groups/${groupId}`, { headers: owner.headers })).json();

    await member.page.goto(`/groups/${groupId}`);
    await member.page.getByRole("link", { name: "Old reading" }).first().waitFor();
    expect(await member.page.getByRole("button", { name: /Delete group/ }).count()).toBe(0);

    const page = owner.page;
    await page.goto(`/groups/${groupId}`);
    await page.getByRole("button", { name: "Delete group…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this group?" });
    await dialog.getByText("with all its documents, annotations, replies and discussion").waitFor();
    const confirm = dialog.getByRole("button", { name: "Delete group" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type .* to confirm/).fill(name);
    await snap(page, "delete-group-confirm");
    await confirm.click();
    await page.waitForURL(/\/groups$/);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await page.getByRole("link", { name }).count()).toBe(0);
    expect((await page.request.get(`/api/v1/groups/${groupId}`, { headers: owner.headers })).status()).toBe(404);
  });
});
