import { describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[documentId]/[annotationId]/route";
import * as me from "@/app/api/v1/me/route";
import * as exportRoute from "@/app/api/v1/me/export/route";
import * as password from "@/app/api/v1/me/password/route";
import * as sessions from "@/app/api/v1/me/sessions/route";
import * as tokens from "@/app/api/v1/tokens/route";
import { db } from "@/lib/db";
import { createGroup, createMember, FACTORY_PASSWORD, tokenFor, createDocumentIn } from "../factories";
import { call } from "../integration/http";
import { annotate, reply } from "../integration/fixtures";
import { signInAsBrowser } from "./browser";

const ORIGIN = "http://marginalia.test";
const whoAmI = (cookie: string) => call(me.GET, { path: "/api/v1/me", headers: { cookie } });

const NEW_PASSWORD = "a brand new passphrase";
const signInToken = (email: string, pass: string, extra: Record<string, unknown> = {}) => call(tokens.POST, { method: "POST", json: { email, password: pass, ...extra } });

describe("changing my password", () => {
  it("needs the current password, then revokes every API token and only the new password works", async () => {
    const { owner } = await createGroup();
    const [first, second] = [await tokenFor(owner.id), await tokenFor(owner.id)];

    const wrong = await call(password.POST, { method: "POST", token: first, json: { currentPassword: "not it at all", newPassword: NEW_PASSWORD } });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error.details.fields).toEqual([expect.objectContaining({ field: "currentPassword" })]);
    expect((await call(me.GET, { token: first })).status).toBe(200);

    const changed = await call(password.POST, { method: "POST", token: first, json: { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    expect(changed.data.tokensRevoked).toBe(2);
    for (const old of [first, second]) expect((await call(me.GET, { token: old })).status).toBe(401);
    expect((await signInToken(owner.email, FACTORY_PASSWORD)).status).toBe(401);
    const fresh = await signInToken(owner.email, NEW_PASSWORD);
    expect(fresh.status).toBe(201);
    expect((await call(me.GET, { token: fresh.data.token })).data.id).toBe(owner.id);
  });
});

describe("sessions", () => {
  it("changing the password from one browser signs out every other browser, and keeps this one", async () => {
    const { owner } = await createGroup();
    const [laptop, phone] = [await signInAsBrowser(owner.email, FACTORY_PASSWORD), await signInAsBrowser(owner.email, FACTORY_PASSWORD)];
    const changed = await call(password.POST, { method: "POST", headers: { cookie: laptop, origin: ORIGIN }, json: { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    expect(changed.data.sessionsEnded).toBe(1);
    expect((await whoAmI(laptop)).status).toBe(200);
    expect((await whoAmI(phone)).status).toBe(401);
  });

  it("sign out everywhere ends every browser session, the caller's too; API tokens stay", async () => {
    const { owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const [laptop, phone] = [await signInAsBrowser(owner.email, FACTORY_PASSWORD), await signInAsBrowser(owner.email, FACTORY_PASSWORD)];
    const ended = await call(sessions.DELETE, { method: "DELETE", headers: { cookie: laptop, origin: ORIGIN }, json: {} });
    expect(ended.status).toBe(200);
    expect(ended.data.sessionsEnded).toBe(2);
    for (const cookie of [laptop, phone]) expect((await whoAmI(cookie)).status).toBe(401);
    expect((await call(me.GET, { token })).status).toBe(200);
  });

  it("deleting the account ends its sessions", async () => {
    const s = await createGroup();
    const member = await createMember(s.group.id, "member");
    const cookie = await signInAsBrowser(member.email, FACTORY_PASSWORD);
    const res = await call(me.DELETE, { method: "DELETE", headers: { cookie, origin: ORIGIN }, json: { password: FACTORY_PASSWORD, groupNotes: "keep" } });
    expect(res.status).toBe(204);
    expect((await whoAmI(cookie)).status).toBe(401);
  });
});

describe("API tokens with an expiry", () => {
  it("expiresInDays sets the expiry; an expired token is refused; out-of-range days are a 400", async () => {
    const { owner } = await createGroup();
    const res = await signInToken(owner.email, FACTORY_PASSWORD, { label: "ci", expiresInDays: 30 });
    expect(res.status).toBe(201);
    const days = (Date.parse(res.data.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect((await call(me.GET, { token: res.data.token })).status).toBe(200);
    await db().apiToken.update({ where: { id: res.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(me.GET, { token: res.data.token })).status).toBe(401);
    for (const expiresInDays of [0, 366, "soon"]) expect((await signInToken(owner.email, FACTORY_PASSWORD, { expiresInDays })).status).toBe(400);
    expect((await signInToken(owner.email, FACTORY_PASSWORD)).data.expiresAt).toBeNull();
  });
});

async function scene() {
  const { group, owner } = await createGroup();
  const me = await createMember(group.id, "editor");
  const other = await createMember(group.id, "member");
  const mine = await createDocumentIn(group.id, me.id, "Words I brought.\n\nMore of them.");
  const theirs = await createDocumentIn(group.id, owner.id, "Someone else's text.");
  const note = await annotate(theirs.id, group.id, me.id, { body: "My public note", tags: ["mine"] });
  const secret = await annotate(theirs.id, group.id, me.id, { body: "My private thought", visibility: "private" });
  const othersNote = await annotate(theirs.id, group.id, other.id, { body: "Their note" });
  const myReply = await reply(othersNote, me.id, { body: "My reply to them" });
  const theirReply = await reply(note, other.id, { body: "Their reply to me" });
  return { group, owner, me, other, mine, theirs, note, secret, othersNote, myReply, theirReply };
}

describe("downloading my data", () => {
  it("JSON-LD and Markdown hold my annotations (private too), replies and documents, and nobody else's words", async () => {
    const s = await scene();
    const token = await tokenFor(s.me.id);
    const jsonld = await call(exportRoute.GET, { token, path: "/api/v1/me/export?format=jsonld" });
    expect(jsonld.status).toBe(200);
    expect(jsonld.headers.get("content-type")).toContain("application/ld+json");
    expect(jsonld.headers.get("content-disposition")).toContain("attachment");
    const items = jsonld.data.first.items as { id: string; body: { value: string }[] }[];
    expect(items.map((i) => i.id.split("/").at(-1)).sort()).toEqual([s.note.id, s.secret.id, s.myReply.id].sort());
    expect(jsonld.data["schema:hasPart"].map((d: { "schema:name": string }) => d["schema:name"])).toEqual([s.mine.title]);
    expect(jsonld.text).toContain("Words I brought.");
    for (const foreign of ["Their note", "Their reply to me", "Someone else's text."]) expect(jsonld.text).not.toContain(foreign);

    const markdown = await call(exportRoute.GET, { token, path: "/api/v1/me/export?format=markdown" });
    expect(markdown.status).toBe(200);
    for (const words of ["My public note", "My private thought", "My reply to them", "Words I brought.", s.mine.title]) expect(markdown.text).toContain(words);
    for (const foreign of ["Their note", "Their reply to me"]) expect(markdown.text).not.toContain(foreign);
    expect((await call(exportRoute.GET, { token, path: "/api/v1/me/export?format=pdf" })).status).toBe(400);
  });
});

describe("deleting my account", () => {
  const remove = (token: string, json: unknown) => call(me.DELETE, { method: "DELETE", token, json });
  const w3cGet = (documentId: string, annotationId: string, token: string) => call(annotationRoute.GET, { token, params: { documentId, annotationId } });

  it("keeping group notes: they stay as 'Deleted user', private notes go, the account and its tokens are gone", async () => {
    const s = await scene();
    const token = await tokenFor(s.me.id);
    expect((await remove(token, { password: "wrong password", groupNotes: "keep" })).status).toBe(400);
    expect((await remove(token, { password: FACTORY_PASSWORD, groupNotes: "maybe" })).status).toBe(400);
    expect((await remove(token, { password: FACTORY_PASSWORD, groupNotes: "keep" })).status).toBe(204);

    expect((await call(me.GET, { token })).status).toBe(401);
    expect(await db().user.findUnique({ where: { id: s.me.id } })).toBeNull();
    const ownerToken = await tokenFor(s.owner.id);
    const kept = await w3cGet(s.theirs.id, s.note.id, ownerToken);
    expect(kept.status).toBe(200);
    expect(kept.data.creator.name).toBe("Deleted user");
    expect(JSON.stringify(kept.data)).not.toContain(s.me.id);
    expect((await w3cGet(s.theirs.id, s.theirReply.id, ownerToken)).status).toBe(200);
    expect(await db().annotation.findUnique({ where: { id: s.secret.id } })).toBeNull();
    expect((await db().document.findUniqueOrThrow({ where: { id: s.mine.id } })).createdById).toBeNull();
  });

  it("deleting group notes: they go, with the replies under them", async () => {
    const s = await scene();
    expect((await remove(await tokenFor(s.me.id), { password: FACTORY_PASSWORD, groupNotes: "delete" })).status).toBe(204);
    const ownerToken = await tokenFor(s.owner.id);
    expect((await w3cGet(s.theirs.id, s.note.id, ownerToken)).status).toBe(410);
    expect((await w3cGet(s.theirs.id, s.myReply.id, ownerToken)).status).toBe(410);
    expect((await w3cGet(s.theirs.id, s.othersNote.id, ownerToken)).status).toBe(200);
    const gone = await db().annotation.findUniqueOrThrow({ where: { id: s.note.id } });
    expect(gone.body).toBe("");
  });

  it("a group's only owner must hand it over first (409); nothing is deleted", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const refused = await remove(token, { password: FACTORY_PASSWORD, groupNotes: "keep" });
    expect(refused.status).toBe(409);
    expect(refused.data.error.code).toBe("sole_owner");
    expect(refused.data.error.message).toContain(group.name);
    expect((await call(me.GET, { token })).status).toBe(200);
  });
});
