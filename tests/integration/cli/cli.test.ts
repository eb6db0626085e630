import { spawnSync } from "node:child_process";
import { tsxImports } from "../../../scripts/node-flags.mjs";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { userForApiToken } from "@/lib/auth/resolve-token";
import { verifyPassword } from "@/lib/auth/password";
import * as me from "@/app/api/v1/me/route";
import { createDocumentIn, createGroup, createMember, sessionCookieFor, tokenFor, unique } from "../../factories";
import { call } from "../http";
import { runCli } from "@/lib/cli/commands";

/** Runs one CLI command in this process, against the test database, as main.ts does in its own. */
async function cli(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { out: (text) => stdout.push(text), err: (text) => stderr.push(text) });
  return { code, stdout: stdout.join("\n").trim(), stderr: stderr.join("\n").trim() };
}

/** The real process: `npm run cli` runs lib/cli/main.ts with tsx. */
function cliProcess(...args: string[]) {
  const result = spawnSync(process.execPath, [...tsxImports(), "lib/cli/main.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("operator CLI", () => {
  it("user add creates an account with a hashed password; token create prints a working token last", async () => {
    const email = `operator-${unique()}@example.test`;
    const added = await cli("user", "add", "--email", email, "--name", "Operator", "--password", "a long enough password");
    expect(added.code).toBe(0);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "a long enough password")).toBe(true);

    const issued = await cli("token", "create", "--email", email);
    expect(issued.code).toBe(0);
    const token = issued.stdout.split("\n").at(-1)!;
    expect((await userForApiToken(token))?.id).toBe(user.id);
  }, 60_000);

  it("fails clearly on a taken email, bad input and unknown commands", async () => {
    const email = `twice-${unique()}@example.test`;
    expect((await cli("user", "add", "--email", email, "--name", "A", "--password", "a long enough password")).code).toBe(0);
    const again = await cli("user", "add", "--email", email, "--name", "A", "--password", "a long enough password");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    const short = await cli("user", "add", "--email", `x-${unique()}@example.test`, "--name", "A", "--password", "short");
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("password");
    const unknown = await cli("group", "explode");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("usage");
    expect((await cli("token", "create", "--email", "nobody@example.test")).code).toBe(1);
  }, 90_000);

  it("user password, user export and user delete act on an account as its owner could in settings", async () => {
    const { group, owner } = await createGroup();
    const member = await createMember(group.id, "member");
    const oldToken = await tokenFor(member.id);
    await db().annotation.create({ data: { documentId: (await createDocumentIn(group.id, owner.id)).id, groupId: group.id, authorId: member.id, body: "Operator-visible note", quoteExact: "First" } });

    const reset = await cli("user", "password", "--email", member.email, "--password", "an operator chose this");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("1 API token(s) revoked");
    expect(await userForApiToken(oldToken)).toBeNull();
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: member.id } })).passwordHash, "an operator chose this")).toBe(true);

    const [laptop, phone] = [await sessionCookieFor(member.id), await sessionCookieFor(member.id)];
    const signedOut = await cli("user", "signout", "--email", member.email);
    expect(signedOut.code).toBe(0);
    expect(signedOut.stdout).toContain("2 session(s)");
    for (const cookie of [laptop, phone]) expect((await call(me.GET, { headers: { cookie } })).status).toBe(401);

    const exported = await cli("user", "export", "--email", member.email, "--format", "jsonld");
    expect(exported.code).toBe(0);
    const collection = JSON.parse(exported.stdout);
    expect(collection.total).toBe(1);
    expect(JSON.stringify(collection.first.items[0].body)).toContain("Operator-visible note");

    const soleOwner = await cli("user", "delete", "--email", owner.email, "--group-notes", "keep");
    expect(soleOwner.code).toBe(1);
    expect(soleOwner.stderr).toContain("only owner");
    expect((await cli("user", "delete", "--email", member.email)).code).toBe(1);
    const deleted = await cli("user", "delete", "--email", member.email, "--group-notes", "keep");
    expect(deleted.code).toBe(0);
    expect(await db().user.findUnique({ where: { id: member.id } })).toBeNull();
    expect((await db().annotation.findFirstOrThrow({ where: { body: "Operator-visible note", groupId: group.id }, include: { author: true } })).author.name).toBe("Deleted user");
    // The "Deleted user" account can be neither deleted nor claimed by signing up with its address.
    expect((await cli("user", "delete", "--email", "deleted-user@marginalia.invalid", "--group-notes", "delete")).code).toBe(1);
    expect((await db().annotation.findFirstOrThrow({ where: { body: "Operator-visible note", groupId: group.id } })).deletedAt).toBeNull();
    const claim = await cli("user", "add", "--email", `someone@marginalia.invalid`, "--name", "Claimer", "--password", "a long enough password");
    expect(claim.code).toBe(1);
    expect(claim.stderr).toContain("reserved");
  }, 120_000);

  it("runs as its own process: exit codes and output streams, joining the database named by DATABASE_URL", async () => {
    const help = cliProcess("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("usage:");
    const unknown = cliProcess("token", "create", "--email", `nobody-${unique()}@example.test`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with email");
    const email = `process-${unique()}@example.test`;
    const added = cliProcess("user", "add", "--email", email, "--name", "Process", "--password", "a long enough password");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`<${email}>`);
    expect(await db().user.findUnique({ where: { email } })).not.toBeNull();
  }, 120_000);
});
