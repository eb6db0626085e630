import { headers } from "next/headers";
import { env } from "../env";
import { publicOrigin } from "./origin";

/**
 * Origin for absolute IRIs and links in pages and server actions, by the same rule as the API
 * (lib/http/origin.ts). A malformed Host falls back to this server's own local address.
 */
export async function requestOrigin(): Promise<string> {
  return publicOrigin(await headers()) ?? `http://localhost:${env().PORT}`;
}
