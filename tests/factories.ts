import { randomBytes } from "node:crypto";
import createApiToken from "../lib/commands/create-api-token";
import createDocument from "../lib/commands/create-document";
import { db } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import type { Role } from "../lib/policies";

/** Unique suffix so parallel test files never collide on emails or names. */
export const unique = () => randomBytes(5).toString("hex");

let cachedHash: Promise<string> | undefined;
/** Every factory user has this password (hashed once per file to keep tests fast). */
export const FACTORY_PASSWORD = "correct horse battery staple";

export async function createUser(overrides: { name?: string; email?: string } = {}) {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  const id = unique();
  return db().user.create({
    data: {
      name: overrides.name ?? `Reader ${id}`,
      email: overrides.email ?? `reader-${id}@example.test`,
      passwordHash: await cachedHash,
    },
  });
}

export async function createGroup(overrides: { name?: string; moderation?: "post" | "pre"; owner?: Awaited<ReturnType<typeof createUser>> } = {}) {
  const owner = overrides.owner ?? (await createUser());
  const group = await db().group.create({ data: { name: overrides.name ?? `Seminar ${unique()}`, moderation: overrides.moderation ?? "post" } });
  await db().membership.create({ data: { groupId: group.id, userId: owner.id, role: "owner" } });
  return { group, owner };
}

/** A user with the given role in the group (muted when asked). */
export async function createMember(groupId: string, role: Role, opts: { muted?: boolean } = {}) {
  const user = await createUser();
  await db().membership.create({ data: { groupId, userId: user.id, role, muted: opts.muted ?? false } });
  return user;
}

export async function createDocumentIn(groupId: string, actorId: string, content = "First paragraph.\n\nSecond paragraph.") {
  return createDocument({ actorId, input: { groupId, title: `Text ${unique()}`, format: "text", content } });
}

export async function tokenFor(userId: string) {
  return (await createApiToken({ userId, label: "test" })).token;
}

/** A browser's session cookie for the user (`Cookie` header value), with its session recorded as a sign-in does. */
export async function sessionCookieFor(userId: string, opts: { expiresInSeconds?: number } = {}) {
  const { encode } = await import("next-auth/jwt");
  const { startSession } = await import("../lib/auth/sessions");
  const sid = await startSession(userId);
  const token = await encode({ token: { sub: userId, sid }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token", maxAge: opts.expiresInSeconds ?? 3600 });
  return `authjs.session-token=${token}`;
}
