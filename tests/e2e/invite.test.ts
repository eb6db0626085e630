import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cspViolations, launchBrowser, newPage, snap } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  expect(cspViolations).toEqual([]);
});

const PASSWORD = "a long enough passphrase";

async function signUp(page: Page, name: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.split(" ")[0].toLowerCase()}-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

describe("joining a group through an invite link", () => {
  it("the owner makes a link in the UI; a new reader opens it, signs up, joins and lands in the group as a member", async () => {
    const owner = await newPage(browser, inject("baseUrl"));
    await owner.goto("/signup");
    await signUp(owner, "Olive Owner");
    await owner.waitForURL("**/groups");
    await owner.getByRole("button", { name: /group/i }).first().click();
    await owner.getByRole("dialog").getByLabel("Name").fill("Thursday seminar");
    await owner.getByRole("dialog").getByRole("button", { name: "Create group" }).click();
    await owner.waitForURL(/\/groups\/[^/]+$/);
    const groupPath = new URL(owner.url()).pathname;

    await owner.getByRole("button", { name: "Invite people" }).click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByLabel("Role").selectOption("member");
    await dialog.getByLabel("Link works for").selectOption("7");
    await dialog.getByLabel("Limit uses").fill("5");
    await snap(owner, "invite-dialog");
    await dialog.getByRole("button", { name: "Create invite link" }).click();
    const linkBox = dialog.getByLabel("Invite link");
    await linkBox.waitFor();
    const link = (await linkBox.textContent())!.trim();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
    await snap(owner, "invite-link-created");
    await dialog.getByRole("button", { name: "Done" }).click();
    const invitations = owner.getByRole("region", { name: "Invitations" });
    await invitations.getByText("0 of 5 used").waitFor();

    const newcomer = await newPage(browser, inject("baseUrl"));
    await newcomer.goto(link);
    await newcomer.getByRole("heading", { name: /Join Thursday seminar/ }).waitFor();
    expect(await newcomer.locator("main").innerText()).toContain("Olive Owner invited you as a member");
    await snap(newcomer, "invite-signed-out");
    await newcomer.getByRole("link", { name: "Create an account to join" }).click();
    await newcomer.waitForURL(/\/signup\?callbackUrl=/);
    await newcomer.getByText("Olive Owner invited you to Thursday seminar").waitFor();
    await signUp(newcomer, "Nico Newcomer");
    await newcomer.waitForURL(new URL(link).pathname);
    const join = newcomer.getByRole("button", { name: "Join Thursday seminar" });
    await join.waitFor();
    await snap(newcomer, "invite-signed-in");
    await join.click();
    await newcomer.waitForURL(`**${groupPath}`);
    await newcomer.getByRole("heading", { name: "Thursday seminar", level: 1 }).waitFor();
    const members = newcomer.getByRole("region", { name: "Members" });
    await members.getByText("Nico Newcomer").waitFor();
    expect(await newcomer.locator("main").innerText()).toMatch(/Member/);
    await snap(newcomer, "invite-joined-group");

    // The link again: a member goes straight to the group, and nothing is used up.
    await newcomer.goto(link);
    await newcomer.waitForURL(`**${groupPath}`);

    await owner.reload();
    await owner.getByRole("region", { name: "Members" }).getByText("Nico Newcomer").waitFor();
    await owner.getByRole("region", { name: "Invitations" }).getByText("1 of 5 used").waitFor();
    await snap(owner, "invite-owner-after-join");

    // Withdrawn: the link now explains itself instead of letting anyone in.
    await owner.getByRole("button", { name: /Withdraw invitation/ }).click();
    await owner.getByRole("dialog").getByRole("button", { name: "Withdraw invitation" }).click();
    await owner.getByRole("region", { name: "Invitations" }).getByText("No open invitations.").waitFor();
    const late = await newPage(browser, inject("baseUrl"));
    await late.goto(link);
    await late.getByRole("heading", { name: "This invitation was withdrawn" }).waitFor();
    expect(await late.locator("main").innerText()).toContain("Thursday seminar");
    await snap(late, "invite-withdrawn");
  });
});
