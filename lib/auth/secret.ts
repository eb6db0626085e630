import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A session-signing secret for a zero-setup install: generated once and kept in the
 * ignored .data/ folder so sessions survive restarts. Production sets AUTH_SECRET.
 */
export async function localAuthSecret(dir = path.join(process.cwd(), ".data")): Promise<string> {
  const file = path.join(dir, "auth-secret");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing.length >= 32) return existing;
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
