import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/** The path the collaboration WebSocket lives on; Next must never see these upgrades. */
export const COLLAB_PATH = "/collab";

/** True for upgrade requests addressed to the collaboration server. */
export function isCollabRequest(req: IncomingMessage): boolean {
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  return pathname === COLLAB_PATH || pathname.startsWith(`${COLLAB_PATH}/`);
}

/** Refuses an upgrade with a plain HTTP status before any WebSocket handshake. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}
