import type { IncomingMessage } from "node:http";

/** The path the collaboration WebSocket lives on; Next must never see these upgrades. */
export const COLLAB_PATH = "/collab";

/** True for upgrade requests addressed to the collaboration server. */
export function isCollabRequest(req: IncomingMessage): boolean {
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  return pathname === COLLAB_PATH || pathname.startsWith(`${COLLAB_PATH}/`);
}
