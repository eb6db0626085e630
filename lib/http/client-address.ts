import type { IncomingMessage } from "node:http";
import { trustsProxy } from "./origin";

/** Headers only a proxy may set: without TRUST_PROXY any client could forge them, so they are dropped. */
const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "forwarded", "x-real-ip"];

/**
 * The client's address: with TRUST_PROXY, the last X-Forwarded-For entry (the one our proxy
 * appended; earlier ones come from the client and prove nothing), else the socket's peer.
 */
export function clientAddressOf(req: Pick<IncomingMessage, "headers" | "socket">): string {
  const socketAddress = req.socket?.remoteAddress ?? "unknown";
  if (!trustsProxy()) return socketAddress;
  const forwarded = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  return chain.at(-1) ?? socketAddress;
}

/**
 * Run by server.ts on every request before Next sees it: without a trusted proxy the forwarded
 * headers are removed (so neither our origin function nor Next's Server Actions origin check
 * reads them); either way X-Forwarded-For is left holding the one client address, which
 * `clientAddress` reads for rate limits.
 */
export function normalizeForwardedHeaders(req: Pick<IncomingMessage, "headers" | "socket">): void {
  const address = clientAddressOf(req);
  if (!trustsProxy()) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers["x-forwarded-for"] = address;
}

/** The client address of a request that went through server.ts (or a test that sets it); "local" otherwise. */
export function clientAddress(headers: { get(name: string): string | null }): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
}
