import { createHash, randomBytes } from "node:crypto";

/** Prefix that makes leaked tokens easy to recognise in logs and secret scanners. */
export const TOKEN_PREFIX = "mgn_";

/** A fresh token: 32 random bytes, shown once; only its digest is stored. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

/** SHA-256 is right here: the secret has 256 bits of entropy, so a slow hash adds nothing. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Extracts the token from an `Authorization: Bearer …` header value. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
