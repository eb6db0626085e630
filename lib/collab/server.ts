import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, MessageType, type Extension } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { WebSocketServer, type WebSocket } from "ws";
import { AnnotationDeliveryExtension } from "./AnnotationDeliveryExtension";
import { env } from "../env";
import { clientAddressOf } from "../http/client-address";
import { AuthExtension, CLIENT_ADDRESS_HEADER } from "./AuthExtension";
import { CredentialWatcher } from "./CredentialWatcher";
import { MembershipWatcher } from "./MembershipWatcher";
import { PgChannel } from "../db/pg-channel";
import { pool } from "../db";
import { UpdateLog } from "../db/update-log";
import { EventRelayExtension } from "./EventRelayExtension";
import { dependency, isDatabaseOutage } from "../health/dependency";
import { componentLogger } from "../log";
import { collabLogger } from "./collab-log";
import { CLOSE, STORAGE_UNAVAILABLE } from "./messages";
import { PersistenceExtension } from "./PersistenceExtension";
import { ProjectionExtension } from "./ProjectionExtension";
import { ReanchorExtension } from "./ReanchorExtension";
import { RedisRelay } from "./RedisRelay";
import { filterPresenceOnSocket } from "./presence";
import { SaveAcknowledgementExtension } from "./SaveAcknowledgementExtension";

/** The collaboration server's settings; its storage is the process's database, through lib/db (pool()). */
export type CollabOptions = {
  /** Shares documents between instances through Redis when set. */
  redisUrl?: string;
  /** Open WebSockets one client address may hold (COLLAB_MAX_SOCKETS_PER_ADDRESS); more are refused with 429. */
  maxSocketsPerAddress?: number;
  /** Document connections one user may hold (COLLAB_MAX_CONNECTIONS_PER_USER); more are refused. */
  maxConnectionsPerUser?: number;
  /** Largest WebSocket frame accepted; bigger ones close the connection (1009). */
  maxPayloadBytes?: number;
  maxDocumentBytes?: number;
  compactAfter?: number;
  /** Shortest time between two appends of a document's updates (see PersistenceExtension). */
  appendIntervalMs?: number;
  membershipCheckMs?: number;
  /** Origin for IRIs in live messages when a connection's own is unknown. */
  origin?: string;
  /** Quiet time after an edit before annotation anchors are re-resolved and stored. */
  reanchorDelayMs?: number;
  /** While Redis is away, how often open documents are brought up to date with storage. */
  reconcileMs?: number;
  logger?: (message: string, error?: unknown) => void;
};

/** The Postgres notification channel between instances (EventRelayExtension). */
const EVENT_CHANNEL = "marginalia_annotation_events";

export type CollabServer = {
  hocuspocus: Hocuspocus;
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  destroy: () => Promise<void>;
};

/**
 * The collaboration server: Hocuspocus (its sync protocol, not ours) behind our own
 * `ws` server so frame size is capped, with authorization, durable persistence and
 * membership re-checks as extensions. Mounted on /collab by server.ts.
 */
export function createCollabServer(options: CollabOptions): CollabServer {
  const logger = options.logger ?? collabLogger;
  const log = new UpdateLog(pool());
  const persistence = new PersistenceExtension({ log, logger, maxDocumentBytes: options.maxDocumentBytes, compactAfter: options.compactAfter, appendIntervalMs: options.appendIntervalMs });
  const auth = new AuthExtension({ maxConnectionsPerUser: options.maxConnectionsPerUser ?? env().COLLAB_MAX_CONNECTIONS_PER_USER });
  const reanchoring = new ReanchorExtension({ reanchorDelayMs: options.reanchorDelayMs, logger });
  const delivery = new AnnotationDeliveryExtension({ origin: options.origin, logger });
  const extensions: Extension[] = [
    auth,
    persistence,
    new SaveAcknowledgementExtension({ persistence }),
    new ProjectionExtension({ persistence, log, logger }),
    new MembershipWatcher({ intervalMs: options.membershipCheckMs ?? 1000, logger }),
    new CredentialWatcher(),
    reanchoring,
    delivery,
    new EventRelayExtension({
      // Several instances (they share documents through Redis) also share annotation events, deletions and revocations.
      openChannel: options.redisUrl ? (handlers) => new PgChannel({ pool: pool(), channel: EVENT_CHANNEL, logger, ...handlers }) : undefined,
      deliver: (event) => {
        void reanchoring.refresh(event);
        void delivery.deliver(event);
      },
      logger,
    }),
  ];
  const relay = options.redisUrl ? new RedisRelay(options.redisUrl) : undefined;
  if (relay) extensions.push(relay);
  const hocuspocus = new Hocuspocus({ name: "marginalia", quiet: true, extensions, unloadImmediately: true, debounce: 200, maxDebounce: 1000, timeout: 30_000 });
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? 4 * 1024 * 1024 });
  const stopReconciling = relay ? reconcileThroughOutages(relay, persistence, options.reconcileMs ?? 2000, logger) : () => {};
  const maxSocketsPerAddress = options.maxSocketsPerAddress ?? env().COLLAB_MAX_SOCKETS_PER_ADDRESS;
  const socketsByAddress = new Map<string, number>();

  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const headers = toHeaders(req);
    headers.set(CLIENT_ADDRESS_HEADER, clientAddressOf(req));
    const request = new Request(`http://localhost${req.url ?? "/"}`, { headers });
    filterPresenceOnSocket(ws, request);
    closeOnStorageRefusal(ws);
    const client = hocuspocus.handleConnection(ws, request);
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return ws.close(1003, "binary frames only");
      client.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on("close", (code: number, reason: Buffer) => {
      auth.forgetSocket(request);
      client.handleClose({ code, reason: reason.toString() });
    });
    ws.on("error", (error: Error) => logger(`socket error: ${error.message}`));
  });

  return {
    hocuspocus,
    handleUpgrade(req, socket, head) {
      // Idle sockets cost memory whether or not they ever authenticate: each address gets a budget.
      const address = clientAddressOf(req);
      const open = socketsByAddress.get(address) ?? 0;
      if (open >= maxSocketsPerAddress) return refuseUpgrade(socket, 429, "Too many open connections from this address");
      socketsByAddress.set(address, open + 1);
      socket.once("close", () => {
        const left = (socketsByAddress.get(address) ?? 1) - 1;
        if (left > 0) socketsByAddress.set(address, left);
        else socketsByAddress.delete(address);
      });
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    },
    async destroy() {
      stopReconciling();
      hocuspocus.closeConnections();
      await hocuspocus.flushPendingStores();
      await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
      // Closing connections unloads documents asynchronously; their final compaction needs the pool.
      for (let i = 0; i < 100 && hocuspocus.getDocumentsCount() > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await persistence.settled();
      wss.close();
      await log.close();
    },
  };
}

/**
 * Instances exchange live updates through Redis; while it is away they drift apart (each keeps
 * storing its own clients' edits in the shared log). So while Redis is unreachable every open
 * document is brought up to date with storage every `everyMs`, and once it is back the relay
 * subscribes again and announces each document's state (peers answer with what it lacks),
 * then storage is read once more: fresh clients on any instance see the same text within
 * seconds, and nobody has to leave for the document to reload.
 */
function reconcileThroughOutages(relay: RedisRelay, persistence: PersistenceExtension, everyMs: number, logger: (m: string, e?: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const reconcile = (why: string) => {
    running ??= persistence
      .reconcile()
      .then((changed) => {
        if (changed) componentLogger("collab").info({ documents: changed, why }, "documents brought up to date with storage");
      })
      .catch((error) => {
        if (!isDatabaseOutage(error, "reconciling documents with storage")) logger("reconciling documents with storage failed", error);
      })
      .finally(() => (running = null));
    return running;
  };
  const onChange = (state: string) => {
    clearInterval(timer);
    timer = undefined;
    if (state === "unreachable") {
      timer = setInterval(() => void reconcile("redis away"), everyMs);
      timer.unref();
      return;
    }
    void relay.resume().then(() => reconcile("redis back"));
  };
  const unsubscribe = dependency("redis").onChange(onChange);
  if (dependency("redis").state === "unreachable") onChange("unreachable");
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

/**
 * Hocuspocus answers a connection refused by a hook with "permission denied" and the hook's
 * reason, and leaves the socket open; a provider then tells its user they lack access and
 * waits. A refusal because storage was unreachable (STORAGE_UNAVAILABLE) closes the socket with
 * CLOSE.storageFailed instead: the provider reconnects and retries, keeping its edits.
 */
function closeOnStorageRefusal(ws: WebSocket) {
  const send = ws.send.bind(ws);
  ws.send = ((data: unknown, ...rest: unknown[]) => {
    if (data instanceof Uint8Array && isStorageRefusal(data)) return ws.close(CLOSE.storageFailed.code, CLOSE.storageFailed.reason);
    return (send as (...args: unknown[]) => void)(data, ...rest);
  }) as WebSocket["send"];
}

/** An Auth frame (document name, Auth, PermissionDenied, reason) whose reason is STORAGE_UNAVAILABLE's. */
function isStorageRefusal(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    // Skip the document name without decoding it: this runs for every frame sent.
    const nameLength = decoding.readVarUint(decoder);
    decoder.pos += nameLength;
    if (decoding.readVarUint(decoder) !== MessageType.Auth) return false;
    return decoding.readVarUint(decoder) === PERMISSION_DENIED && decoding.readVarString(decoder) === STORAGE_UNAVAILABLE.reason;
  } catch {
    return false;
  }
}

/** AuthMessageType.PermissionDenied of @hocuspocus/common. */
const PERMISSION_DENIED = 1;

/** Answers an upgrade with a plain HTTP error (the WebSocket never opens) and a JSON body saying why. */
function refuseUpgrade(socket: Duplex, status: number, message: string) {
  const body = JSON.stringify({ error: { code: "rate_limited", message } });
  socket.end(`HTTP/1.1 ${status} Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}
