import { headers } from "next/headers";
import { env } from "../env";

/** Origin for absolute IRIs and links: APP_URL when set, else this request's own (as the API builds them). */
export async function requestOrigin(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
