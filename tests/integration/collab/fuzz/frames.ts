import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";

/**
 * Hocuspocus wire format (see MessageType in @hocuspocus/server's dist): every frame is
 * varString(documentName) + varUint(type) + payload.
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, SyncReply: 4, Stateless: 5, BroadcastStateless: 6, CLOSE: 7, SyncStatus: 8 } as const;
/** y-protocols/sync sub-types. */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;
/** @hocuspocus/common AuthMessageType. */
export const AuthType = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const;

export function frame(documentName: string, type: number, payload: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, type);
  payload(e);
  return encoding.toUint8Array(e);
}

export const authFrame = (documentName: string, token: string) =>
  frame(documentName, MessageType.Auth, (e) => {
    encoding.writeVarUint(e, AuthType.Token);
    encoding.writeVarString(e, token);
  });

export const syncFrame = (documentName: string, syncType: number, data: Uint8Array) =>
  frame(documentName, MessageType.Sync, (e) => {
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, data);
  });

/** Raw bytes: a varUint claiming `length` bytes of string follow, then only `actual` bytes. */
export function lyingLength(length: number, actual = 4): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, length);
  for (let i = 0; i < actual; i++) encoding.writeUint8(e, 0x61);
  return encoding.toUint8Array(e);
}

/** What the server sent, decoded as far as this test needs. */
export type ServerFrame = { documentName: string; type: number; authType?: number; syncType?: number; text?: string; raw: Uint8Array };

export function parseServerFrame(raw: Uint8Array): ServerFrame {
  const d = decoding.createDecoder(raw);
  const documentName = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  const out: ServerFrame = { documentName, type, raw };
  try {
    if (type === MessageType.Auth) {
      out.authType = decoding.readVarUint(d);
      if (out.authType !== AuthType.Token) out.text = decoding.readVarString(d);
    } else if (type === MessageType.Sync) {
      out.syncType = decoding.readVarUint(d);
    } else if (type === MessageType.CLOSE || type === MessageType.Stateless) {
      out.text = decoding.readVarString(d);
    }
  } catch {
    // Partial decode is enough for assertions.
  }
  return out;
}

export type RawSocket = {
  ws: WebSocket;
  frames: ServerFrame[];
  opened: Promise<void>;
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<{ code: number; reason: string; at: number }>;
  isClosed: () => boolean;
  send: (data: Uint8Array | string) => void;
};

/** A bare `ws` WebSocket to the collaboration server: no provider, frames as given. */
export function openRaw(url: string): RawSocket {
  const ws = new WebSocket(url);
  const frames: ServerFrame[] = [];
  let closedFlag = false;
  ws.binaryType = "nodebuffer";
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    if (isBinary) frames.push(parseServerFrame(new Uint8Array(data)));
  });
  // Errors (e.g. the server resetting a socket that still sends) end in "close" anyway.
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("close", () => reject(new Error("closed before open")));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    ws.once("close", (code: number, reason: Buffer) => {
      closedFlag = true;
      resolve({ code, reason: reason.toString(), at: Date.now() });
    }),
  );
  return {
    ws,
    frames,
    opened,
    closed,
    isClosed: () => closedFlag,
    send: (data) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary: typeof data !== "string" });
    },
  };
}

/**
 * What the server does with one frame on a fresh, unauthenticated socket, following
 * ClientConnection.handleMessage / handleQueueingMessage: an unreadable document name →
 * 4401 Unauthorized; an unreadable type or auth payload → 4205 Reset Connection; an auth
 * frame with a (junk) token → "permission denied", socket kept; anything else is queued
 * until authentication, and the socket closes when the connection times out (4408).
 */
export function preAuthOutcome(data: Uint8Array): { code: number; reason: string; deniedFirst?: boolean } {
  const d = decoding.createDecoder(data);
  try {
    decoding.readVarString(d);
  } catch {
    return { code: 4401, reason: "Unauthorized" };
  }
  let type: number;
  try {
    type = decoding.readVarUint(d);
  } catch {
    return { code: 4205, reason: "Reset Connection" };
  }
  if (type !== MessageType.Auth) return { code: 4408, reason: "Connection Timeout" };
  try {
    decoding.readVarUint(d); // the auth sub-type is not checked: any value reads a token
    decoding.readVarString(d);
    if (decoding.hasContent(d)) decoding.readVarString(d); // the provider's version
  } catch {
    return { code: 4205, reason: "Reset Connection" };
  }
  return { code: 4408, reason: "Connection Timeout", deniedFirst: true };
}
