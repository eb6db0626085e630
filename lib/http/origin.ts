import { env } from "../env";

/** Anything with `get(name)`: Fetch Headers, or Next's `headers()`. */
type HeaderReader = { get(name: string): string | null };

/** A DNS name or IPv4 address, or a bracketed IPv6 one, with an optional port: nothing else is a host. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** True when the value is a well-formed `host[:port]`. */
export function isValidHost(value: string): boolean {
  return value.length <= 260 && HOST.test(value);
}

/** True when a reverse proxy in front of the app sets the X-Forwarded-* headers (TRUST_PROXY=1). */
export function trustsProxy(): boolean {
  return env().TRUST_PROXY === "1";
}

const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;

/**
 * The origin the client addressed, as `scheme://host[:port]`: the X-Forwarded-Host/Proto a trusted
 * proxy set (TRUST_PROXY=1), else the Host header over plain HTTP (this server speaks no TLS).
 * Forwarded headers are ignored without TRUST_PROXY, since any client can send them. Null when the
 * host is malformed; `fallbackHost` stands in for a missing Host (a request built in-process).
 */
export function addressedOrigin(headers: HeaderReader, fallbackHost?: string): string | null {
  const proxied = trustsProxy();
  const host = (proxied ? firstValue(headers.get("x-forwarded-host")) : null) ?? headers.get("host")?.trim() ?? fallbackHost ?? null;
  if (!host || !isValidHost(host)) return null;
  const forwardedProto = proxied ? firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() : null;
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${scheme}://${host.toLowerCase()}`;
}

/** APP_URL without its trailing slash, when set. */
export function configuredOrigin(): string | null {
  const configured = env().APP_URL;
  return configured ? new URL(configured).origin : null;
}

/**
 * The public origin for absolute IRIs, Location headers and links (invitations): APP_URL when set,
 * else the origin the client addressed (see addressedOrigin). Null when that host is malformed.
 * Route handlers, server actions, pages and the collaboration server all build IRIs through this.
 */
export function publicOrigin(headers: HeaderReader, fallbackHost?: string): string | null {
  return configuredOrigin() ?? addressedOrigin(headers, fallbackHost);
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/**
 * Whether a browser request comes from one of our own pages: its `Origin` names this app (APP_URL or
 * the host it addressed, compared by host and port as Next compares Server Actions' origins), or,
 * without an `Origin`, `Sec-Fetch-Site: same-origin`. A request with neither is not trusted.
 */
export function isSameOriginRequest(headers: HeaderReader, fallbackHost?: string): boolean {
  const origin = headers.get("origin");
  if (origin) {
    const from = hostOf(origin);
    if (!from) return false;
    const ours = [configuredOrigin(), addressedOrigin(headers, fallbackHost)].filter((o): o is string => o !== null).map(hostOf);
    return ours.includes(from);
  }
  return headers.get("sec-fetch-site") === "same-origin";
}
