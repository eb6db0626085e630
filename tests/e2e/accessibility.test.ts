import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, describeViolations } from "./axe";
import { addMember, createDocument, createGroup, postNote, postReply, signIn, snap, useBrowser, PASSWORD, type Person } from "./helpers";

const app = useBrowser();

const TEXT =
  "The harbour lights came on one by one, and the keeper counted them aloud.\n\nBy morning the fishing boats had gone out past the breakwater, and the keeper wrote it all down in a ledger bound in green cloth.\n\nNobody read the ledger for forty years.";

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

type Fixture = { owner: Person; member: Person; groupId: string; documentId: string; inviteUrl: string };

/** A group with everything its pages can show: a document with notes and replies, a flag, a pending note, an invitation. */
async function makeFixture(): Promise<Fixture> {
  const owner = await app.person("Olga Owner");
  const member = await app.person("Milo Member");
  const request = owner.page.request;
  const groupId = await createGroup(request, owner.headers, { name: `Harbour readers ${Date.now()}`, moderation: "post" });
  await addMember(request, owner.headers, groupId, member.email, "member");
  const documentId = await createDocument(request, owner.headers, { groupId, title: "The Keeper’s Log", format: "text", content: TEXT });
  const lights = await postNote(member, documentId, "harbour lights", "Why does the keeper count the lights? #ritual");
  await postReply(owner, documentId, lights.iri, "Perhaps to stay awake.");
  const boats = await postNote(owner, documentId, "fishing boats", "The boats leave at dawn.");
  await postNote(member, documentId, "green cloth", "A colour for the sea?");
  expect((await member.page.request.put(`/api/v1/annotations/${boats.id}/reactions/question`, { headers: member.headers })).status()).toBe(200);
  expect((await member.page.request.post(`/api/v1/annotations/${boats.id}/flags`, { headers: member.headers, data: { reason: "off_topic" } })).status()).toBe(201);
  // A decision for the moderation log: a note hidden, with the moderator's reason.
  const spam = await postNote(member, documentId, "forty years", "Buy ledgers cheap at example.test");
  expect((await request.patch(`/api/v1/annotations/${spam.id}/moderation`, { headers: owner.headers, data: { status: "hidden", note: "Advertising, not a reading of the text" } })).status()).toBe(200);
  const invite = await request.post(`/api/v1/groups/${groupId}/invites`, { headers: owner.headers, data: { role: "member" } });
  expect(invite.status()).toBe(201);
  return { owner, member, groupId, documentId, inviteUrl: new URL((await invite.json()).url as string).pathname };
}

/** Waits for what the page fills in after its first paint, then for transitions to end. */
async function settle(page: Page, path: string) {
  await page.goto(path);
  if (path.startsWith("/documents/")) await page.locator(".live-editor[data-ready]").waitFor();
  // A moderator's group pages keep the queue's event stream open, so the network never idles
  // there: allow the fetches after the first paint a bounded time instead of the 30 s default.
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
}

describe("accessibility: axe-core with all rules on every page", () => {
  it("finds no violation on any page, light and dark, on a desktop and on a phone", async () => {
    const fixture = await makeFixture();
    const { groupId, documentId, inviteUrl } = fixture;
    const signedIn = [
      "/groups",
      `/groups/${groupId}`,
      `/documents/${documentId}`,
      `/groups/${groupId}/search?q=keeper`,
      "/inbox",
      "/settings",
      `/groups/${groupId}/moderation`,
      `/groups/${groupId}/moderation/log`,
      `/groups/${groupId}/engagement`,
    ];
    const signedOut = ["/signin", "/signup", inviteUrl];
    const failures: string[] = [];

    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const scheme of ["light", "dark"] as const) {
        const visitor = await app.page(viewport, scheme);
        for (const path of signedOut) {
          await settle(visitor, path);
          const violations = await axeViolations(visitor);
          if (violations.length) failures.push(describeViolations(`${path} (${device}, ${scheme}, signed out)`, violations));
        }
        // The owner moderates: every page, the moderation tools included. The member reads the text without editing it.
        const owner = await app.page(viewport, scheme);
        await signIn(owner, fixture.owner.email, PASSWORD);
        for (const path of signedIn) {
          await settle(owner, path);
          const violations = await axeViolations(owner);
          if (violations.length) failures.push(describeViolations(`${path} (${device}, ${scheme}, owner)`, violations));
          if (scheme === "light" || device === "phone") await snap(owner, `a11y-${device}-${scheme}-${path.split("?")[0].replace(/\/[a-z0-9]{20,}/g, "").replace(/\W+/g, "-") || "root"}`);
        }
        const member = await app.page(viewport, scheme);
        await signIn(member, fixture.member.email, PASSWORD);
        for (const path of [`/documents/${documentId}`, inviteUrl]) {
          await settle(member, path);
          const violations = await axeViolations(member);
          if (violations.length) failures.push(describeViolations(`${path} (${device}, ${scheme}, member)`, violations));
        }
        await Promise.all([visitor, owner, member].map((p) => p.context().close()));
      }
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 600_000);
});
