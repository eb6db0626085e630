import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiHeaders, createDocument, createGroupInUi, postAnnotation, quoteTarget, signUp, snap, submitSignUpForm, useBrowser } from "./helpers";

const app = useBrowser();

/** Notes written through the public API (the W3C container), as another client would. */
async function annotateThroughApi(page: Page, email: string, groupId: string) {
  const headers = await apiHeaders(page, email);
  const text = "The harbour lights came on one by one.\n\nBy morning the fishing boats had gone out past the breakwater, and the keeper wrote it all down.";
  const documentId = await createDocument(page.request, headers, { groupId, title: "The Keeper’s Log", format: "text", content: text });
  const post = async (exact: string, note: string, extra: Record<string, unknown> = {}) => {
    const answer = await postAnnotation(page.request, headers, documentId, {
      body: [{ type: "TextualBody", value: note, format: "text/markdown", purpose: "commenting" }, { type: "TextualBody", value: "harbour", purpose: "tagging" }],
      target: quoteTarget(documentId, exact),
      ...extra,
    });
    expect(answer.status()).toBe(201);
    return ((await answer.json()).id as string).split("/").at(-1)!;
  };
  const lights = await post("harbour lights", "Why does the keeper count the **harbour lights** one by one? Is it a ritual?");
  await post("fishing boats", "The boats leave at dawn — the harbour empties while the lights are still on.");
  await post("breakwater", "A private reminder: look up harbour regulations.", { visibility: "private" });
  expect((await page.request.put(`/api/v1/annotations/${lights}/reactions/question`, { headers })).status()).toBe(200);
  return documentId;
}

describe("joining a group through an invite link", () => {
  it("the owner makes a link in the UI; a new reader opens it, signs up, joins and lands in the group as a member", async () => {
    const owner = await app.page();
    const ownerEmail = await signUp(owner, "Olive Owner");
    const groupPath = await createGroupInUi(owner, "Thursday seminar");

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

    const newcomer = await app.page();
    await newcomer.goto(link);
    await newcomer.getByRole("heading", { name: /Join Thursday seminar/ }).waitFor();
    expect(await newcomer.locator("main").innerText()).toContain("Olive Owner invited you as a member");
    await snap(newcomer, "invite-signed-out");
    await newcomer.getByRole("link", { name: "Create an account to join" }).click();
    await newcomer.waitForURL(/\/signup\?callbackUrl=/);
    await newcomer.getByText("Olive Owner invited you to Thursday seminar").waitFor();
    await submitSignUpForm(newcomer, "Nico Newcomer");
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
    const late = await app.page();
    await late.goto(link);
    await late.getByRole("heading", { name: "This invitation was withdrawn" }).waitFor();
    expect(await late.locator("main").innerText()).toContain("Thursday seminar");
    await snap(late, "invite-withdrawn");

    // Now a member, the newcomer finds the discussion from the group page's search box.
    await annotateThroughApi(owner, ownerEmail, groupPath.split("/").at(-1)!);
    await newcomer.goto(groupPath);
    const box = newcomer.getByRole("searchbox", { name: "Search this group’s annotations" });
    await box.fill("harbour lights");
    await box.press("Enter");
    await newcomer.waitForURL(/\/search\?q=harbour\+lights/);
    const results = newcomer.getByRole("region", { name: "Results" });
    await results.getByRole("link", { name: "The Keeper’s Log" }).first().waitFor();
    expect(await results.getByRole("listitem").count()).toBe(2);
    expect(await results.locator("mark").first().textContent()).toMatch(/harbour/i);
    expect(await results.innerText()).not.toContain("private reminder");
    await snap(newcomer, "group-search");
    await newcomer.getByRole("searchbox", { name: "Words to find" }).fill("zeppelin");
    await newcomer.getByRole("button", { name: "Search", exact: true }).click();
    await newcomer.getByRole("heading", { name: "Nothing matches" }).waitFor();
    await snap(newcomer, "group-search-nothing");

    // Without SMTP, an emailed invitation still ends with a link to copy, never a dead end.
    await owner.getByRole("button", { name: "Invite people" }).click();
    await owner.getByRole("dialog").getByLabel("Send it by email (optional)").fill("reader@example.test");
    await owner.getByRole("dialog").getByRole("button", { name: "Create invite link" }).click();
    await owner.getByRole("dialog").getByText("We couldn’t email reader@example.test").waitFor();
    expect(await owner.getByRole("dialog").getByLabel("Invite link").textContent()).toMatch(/\/invite\//);
    await snap(owner, "invite-email-without-smtp");
  }, 180_000);
});
