import { describe, expect, inject, it } from "vitest";
import { createGroup, PASSWORD, poll, signIn, snap, useBrowser, type Person } from "./helpers";

const app = useBrowser();

/** A signed-up person whose API headers carry a token asked for without the browser's cookies, as a script would. */
async function person(name: string): Promise<Person> {
  const someone = await app.person(name);
  const response = await fetch(new URL("/api/v1/tokens", inject("baseUrl")), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: someone.email, password: PASSWORD }) });
  expect(response.status).toBe(201);
  return { ...someone, headers: { authorization: `Bearer ${((await response.json()) as { token: string }).token}` } };
}
const NEW_PASSWORD = "another long passphrase";

describe("owning my account in settings", () => {
  it("changing the password says what else changed, revokes API tokens, and only the new password signs in", async () => {
    const me = await person("Pat Password");
    const page = me.page;
    expect((await page.request.get("/api/v1/me", { headers: me.headers })).status()).toBe(200);
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("not my password at all");
    await form.getByLabel("New password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByText("That is not your current password").waitFor();

    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByLabel("New password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/Password changed\. \d+ other sessions? (was|were) signed out and \d+ API tokens? (was|were) revoked\./).waitFor();
    await snap(page, "settings-password-changed");
    await poll(async () => (await page.request.get("/api/v1/me", { headers: me.headers })).status()).toBe(401);

    const other = await app.page();
    await other.goto("/signin");
    await other.getByLabel("Email").fill(me.email);
    await other.getByLabel("Password").fill(PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.getByText("Wrong email or password.").waitFor();
    await signIn(other, me.email, NEW_PASSWORD);

    // Sign out everywhere: both browsers end up signed out.
    await page.getByRole("button", { name: "Sign out everywhere…" }).click();
    await snap(page, "settings-sign-out-everywhere");
    await page.getByRole("dialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL("**/signin");
    await other.goto("/settings");
    await other.waitForURL("**/signin**");
  });

  it("a token can be made to expire; my data downloads as JSON-LD", async () => {
    const me = await person("Eve Expiry");
    const page = me.page;
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Create an API token" });
    await form.getByLabel("Token label").fill("Laptop CLI");
    await form.getByLabel("Expires").selectOption("30");
    await form.getByRole("button", { name: "Create token" }).click();
    await page.getByText("Copy your new token now").waitFor();
    const row = page.getByRole("row").filter({ hasText: "Laptop CLI" });
    expect(await row.getByText("Active").getAttribute("title")).toMatch(/^Expires /);
    const download = await page.request.get("/api/v1/me/export?format=jsonld");
    expect(download.status()).toBe(200);
    expect((await download.json()).type).toBe("AnnotationCollection");
    await page.getByRole("region", { name: "Your data" }).scrollIntoViewIfNeeded();
    await snap(page, "settings-tokens-and-data");
  });

  it("deleting the account: refused while I alone own a group, then gone once I am not", async () => {
    const me = await person("Dee Delete");
    const page = me.page;
    const groupId = await createGroup(page.request, me.headers, { name: `Mine alone ${Date.now()}` });
    await page.goto("/settings");
    const open = async () => {
      await page.getByRole("button", { name: "Delete my account…" }).click();
      return page.getByRole("dialog", { name: "Delete your account?" });
    };
    let dialog = await open();
    await dialog.getByLabel(/Delete them too/).check();
    await dialog.getByLabel("Your password").fill(PASSWORD);
    await snap(page, "settings-delete-dialog");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await dialog.getByText(/You are the only owner of/).waitFor();
    // The choice survives the refusal.
    expect(await dialog.getByLabel(/Delete them too/).isChecked()).toBe(true);
    await snap(page, "settings-delete-refused");
    await page.keyboard.press("Escape");

    expect((await page.request.delete(`/api/v1/groups/${groupId}`, { headers: me.headers })).status()).toBe(204);
    await page.reload();
    dialog = await open();
    await dialog.getByLabel("Your password").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    const again = await app.page();
    await again.goto("/signin");
    await again.getByLabel("Email").fill(me.email);
    await again.getByLabel("Password").fill(PASSWORD);
    await again.getByRole("button", { name: "Sign in" }).click();
    await again.getByText("Wrong email or password.").waitFor();
  });

  it("an owner invites by email; the person accepts from the inbox and only then is a member", async () => {
    const [owner, guest] = [await person("Ona Owner"), await person("Gil Guest")];
    const groupId = await createGroup(owner.page.request, owner.headers, { name: `Invited ${Date.now()}` });
    await owner.page.goto(`/groups/${groupId}`);
    const invite = owner.page.getByRole("form", { name: "Invite a member" });
    await invite.getByLabel("Invite someone by email").fill(guest.email);
    await invite.getByRole("button", { name: "Invite" }).click();
    await invite.getByText("Invitation sent. They’ll join once they accept it.").waitFor();
    expect((await guest.page.request.get(`/api/v1/groups/${groupId}`, { headers: guest.headers })).status()).toBe(404);

    await guest.page.goto("/inbox");
    const card = guest.page.getByRole("region", { name: "Invitations" });
    await card.getByText("Ona Owner invited you").waitFor();
    await snap(guest.page, "inbox-invitation");
    await card.getByRole("button", { name: /Accept and join/ }).click();
    await guest.page.waitForURL(new RegExp(`/groups/${groupId}$`));
    expect((await guest.page.request.get(`/api/v1/groups/${groupId}`, { headers: guest.headers })).status()).toBe(200);
  });
});
