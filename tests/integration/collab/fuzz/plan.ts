import { WebSocketStatus } from "@hocuspocus/provider";
import * as Y from "yjs";
import type { Client } from "../harness";
import { mulberry32 } from "./random";

/**
 * A fuzz run is planned in full from its seed before anything runs: which client does what,
 * with which text, and where as a fraction of the paragraph or text it lands in. The plan is
 * therefore identical for a given seed; only where a fraction lands depends on what the
 * client's document holds at that moment (which depends on network timing).
 */
export type Op =
  | { kind: "insertText"; client: number; paragraph: number; at: number; text: string }
  | { kind: "deleteText"; client: number; paragraph: number; at: number; length: number }
  | { kind: "format"; client: number; paragraph: number; at: number; length: number; mark: "bold" | "italic"; on: boolean }
  | { kind: "insertParagraph"; client: number; at: number; text: string }
  | { kind: "deleteParagraph"; client: number; at: number }
  /** Graceful: the client stays offline (and keeps editing) until a later "reconnect". */
  | { kind: "disconnect"; client: number }
  | { kind: "reconnect"; client: number }
  /** Abrupt: the TCP socket is destroyed without a close frame; the provider reconnects by itself. */
  | { kind: "dropSocket"; client: number }
  /** How the run yields to the network after an op: not at all, one I/O turn, or a short sleep. */
  | { kind: "pause"; ms: number };

export type Plan = { seed: number; clients: number; initial: string; ops: Op[] };

const WEIGHTS = {
  insertText: 34,
  deleteText: 14,
  format: 6,
  insertParagraph: 7,
  deleteParagraph: 3,
  disconnect: 6,
  reconnect: 6,
  dropSocket: 3,
};

export function makePlan(seed: number, opCount?: { min: number; max: number }): Plan {
  const rng = mulberry32(seed);
  const clients = rng.int(2, 5);
  const paragraphs = Array.from({ length: rng.int(1, 4) }, () => {
    const words = Array.from({ length: rng.int(1, 5) }, () => rng.string(rng.int(2, 7), "abcdefghijklmnopqrstuvwxyz"));
    return words.join(" ") + ".";
  });
  const count = rng.int(opCount?.min ?? 20, opCount?.max ?? 40);
  const online = Array.from({ length: clients }, () => true);
  const ops: Op[] = [];
  while (ops.filter((o) => o.kind !== "pause").length < count) {
    const client = rng.int(0, clients - 1);
    const kind = rng.weighted(WEIGHTS);
    switch (kind) {
      case "insertText":
        ops.push({ kind, client, paragraph: rng.next(), at: rng.next(), text: rng.string(rng.int(1, 6)) });
        break;
      case "deleteText":
        ops.push({ kind, client, paragraph: rng.next(), at: rng.next(), length: rng.int(1, 6) });
        break;
      case "format":
        ops.push({ kind, client, paragraph: rng.next(), at: rng.next(), length: rng.int(1, 8), mark: rng.pick(["bold", "italic"] as const), on: rng.chance(0.7) });
        break;
      case "insertParagraph":
        ops.push({ kind, client, at: rng.next(), text: rng.string(rng.int(0, 8)) });
        break;
      case "deleteParagraph":
        ops.push({ kind, client, at: rng.next() });
        break;
      case "disconnect":
      case "dropSocket":
        if (!online[client]) continue;
        if (kind === "disconnect") online[client] = false;
        ops.push({ kind, client });
        break;
      case "reconnect":
        if (online[client]) continue;
        online[client] = true;
        ops.push({ kind, client });
        break;
    }
    const r = rng.next();
    if (r < 0.3) ops.push({ kind: "pause", ms: 0 });
    else if (r < 0.5) ops.push({ kind: "pause", ms: rng.int(1, 25) });
  }
  return { seed, clients, initial: paragraphs.join("\n\n"), ops };
}

/** The Y.XmlElement paragraphs of the "default" fragment the editor binds to. */
export function paragraphsOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment("default")
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
}

function textIn(paragraph: Y.XmlElement): Y.XmlText {
  const first = paragraph.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (first) return first;
  const text = new Y.XmlText();
  paragraph.insert(paragraph.length, [text]);
  return text;
}

const at = (fraction: number, size: number) => Math.min(size, Math.floor(fraction * (size + 1)));

/**
 * Brings a client's socket online. The provider ignores connect() while its socket still
 * counts as connected, which it does until the close event of a disconnect() arrives
 * (connect() returns early without setting shouldConnect, so the close then sticks): so
 * wait for that close first, and only connect if the client is still meant to be online.
 */
export function goOnline(client: Client, wanted: () => boolean = () => true) {
  const socket = client.provider.configuration.websocketProvider;
  if (socket.status !== WebSocketStatus.Connected || socket.shouldConnect) {
    void socket.connect();
    return;
  }
  const onStatus = ({ status }: { status: WebSocketStatus }) => {
    if (status !== WebSocketStatus.Disconnected) return;
    socket.off("status", onStatus);
    if (wanted()) void socket.connect();
  };
  socket.on("status", onStatus);
}

/** Runs a plan's ops against its clients, tracking which clients are meant to be online. */
export class Executor {
  readonly online: boolean[];
  /** What happened, in order: ops as applied, plus each client's socket status changes. */
  readonly trace: string[] = [];
  readonly started = Date.now();
  constructor(readonly clients: Client[]) {
    this.online = clients.map(() => true);
    clients.forEach((c, i) =>
      c.provider.configuration.websocketProvider.on("status", ({ status }: { status: WebSocketStatus }) => this.note(`${i} socket ${status}`)),
    );
  }

  note(line: string) {
    this.trace.push(`+${Date.now() - this.started}ms ${line}`);
  }

  async run(op: Op) {
    this.note(await this.apply(op));
  }

  /** Applies one planned op. Returns a short description of what it actually did. */
  apply(op: Op): Promise<string> {
    if (op.kind === "disconnect") this.online[op.client] = false;
    if (op.kind === "reconnect") {
      this.online[op.client] = true;
      goOnline(this.clients[op.client], () => this.online[op.client]);
      return Promise.resolve(`${op.client} reconnect`);
    }
    return applyOp(this.clients, op);
  }

  /** Everyone back online. */
  reconnectAll() {
    this.clients.forEach((c, i) => {
      this.online[i] = true;
      goOnline(c);
    });
  }
}

/** Applies one planned op to a client. Returns a short description of what it actually did. */
export async function applyOp(clients: Client[], op: Op): Promise<string> {
  if (op.kind === "pause") {
    if (op.ms === 0) await new Promise((r) => setImmediate(r));
    else await new Promise((r) => setTimeout(r, op.ms));
    return `pause ${op.ms}`;
  }
  const client = clients[op.client];
  const doc = client.doc;
  const fragment = doc.getXmlFragment("default");
  const socket = client.provider.configuration.websocketProvider;
  switch (op.kind) {
    case "insertText":
    case "deleteText":
    case "format": {
      const paragraphs = paragraphsOf(doc);
      if (!paragraphs.length) return `${op.client} ${op.kind}: no paragraph`;
      const p = Math.min(paragraphs.length - 1, Math.floor(op.paragraph * paragraphs.length));
      const text = textIn(paragraphs[p]);
      if (op.kind === "insertText") {
        const index = at(op.at, text.length);
        text.insert(index, op.text);
        return `${op.client} insert ${JSON.stringify(op.text)} at ${p}:${index}`;
      }
      if (!text.length) return `${op.client} ${op.kind}: empty paragraph ${p}`;
      const index = Math.min(text.length - 1, Math.floor(op.at * text.length));
      const length = Math.min(op.length, text.length - index);
      if (op.kind === "deleteText") {
        text.delete(index, length);
        return `${op.client} delete ${p}:${index}+${length}`;
      }
      // Marks are stored as XmlText attributes, as y-prosemirror does ({} attrs; null removes).
      text.format(index, length, { [op.mark]: op.on ? {} : null });
      return `${op.client} ${op.on ? "" : "un"}${op.mark} ${p}:${index}+${length}`;
    }
    case "insertParagraph": {
      const index = at(op.at, fragment.length);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(op.text)]);
      fragment.insert(index, [paragraph]);
      return `${op.client} new paragraph ${JSON.stringify(op.text)} at ${index}`;
    }
    case "deleteParagraph": {
      if (fragment.length <= 1) return `${op.client} delete paragraph: only one left`;
      const index = Math.min(fragment.length - 1, Math.floor(op.at * fragment.length));
      fragment.delete(index, 1);
      return `${op.client} delete paragraph ${index}`;
    }
    case "disconnect":
      socket.disconnect();
      return `${op.client} disconnect`;
    case "reconnect":
      void socket.connect();
      return `${op.client} reconnect`;
    case "dropSocket": {
      const ws = socket.webSocket as unknown as { terminate?: () => void } | null;
      ws?.terminate?.();
      return `${op.client} drop socket${ws ? "" : " (none open)"}`;
    }
  }
}
