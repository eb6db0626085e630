/**
 * Benchmark clients and the recorder that measures them. Every client lives in the bench
 * process, so send and receive times come from one clock (performance.now()).
 *
 * Each edit inserts a marker "~<sender>.<seq>~" into the first paragraph; receivers scan
 * the raw frames for markers (updates merged by the server keep their text intact), so
 * every delivery of every update is counted exactly once per receiver.
 *
 * - RawClient speaks the wire protocol itself (lib0 encoding, y-protocols sync +
 *   awareness), for Hocuspocus (document-name prefix, Auth first) or y-websocket (plain,
 *   room in the URL). "light" mode applies only the initial sync to its local Y.Doc and
 *   afterwards just scans what it receives; "full" mode applies everything like an editor.
 * - ProviderClient is the real @hocuspocus/provider with a full Y.Doc (the app's client).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";

export type Dialect =
  | { kind: "hocuspocus"; url: string; documentName: string; token: string }
  | { kind: "y-websocket"; url: string };

/** Collects send times, deliveries, latencies and durable acks for one run. */
export class Recorder {
  /** [sender][seq] → performance.now() at send. */
  private sendTimes: Float64Array[];
  private nextSeq: Int32Array;
  /** [receiver] → one byte per (sender, seq): delivered already? */
  private seen: Uint8Array[];
  private windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  private readonly pattern = /~(\d+)\.(\d+)~/g;

  /** End-to-end latencies (ms) of deliveries of updates sent inside the window. */
  latencies: number[] = [];
  /** Send time (relative to the window start) of each entry of `latencies`. */
  latencySentAt: number[] = [];
  /** Send → durable "saved" ack (ms) for updates sent inside the window. */
  acks: number[] = [];
  windowSends = 0;
  /** Deliveries (to clients other than the sender) of updates sent inside the window. */
  windowSendDeliveries = 0;
  /** Deliveries that arrived inside the window, whenever they were sent (CPU denominator). */
  windowArrivals = 0;
  /** Frames carrying at least one foreign update that arrived inside the window. */
  windowFrames = 0;
  duplicates = 0;
  selfEchoes = 0;
  totalSends = 0;
  totalDeliveries = 0;

  constructor(
    readonly clients: number,
    private readonly maxSeq: number,
  ) {
    this.sendTimes = Array.from({ length: clients }, () => new Float64Array(maxSeq));
    this.nextSeq = new Int32Array(clients);
    this.seen = Array.from({ length: clients }, () => new Uint8Array(clients * maxSeq));
  }

  openWindow(now: number) {
    this.windowStart = now;
  }

  closeWindow(now: number) {
    this.windowEnd = now;
  }

  private inWindow(t: number) {
    return t >= this.windowStart && t < this.windowEnd;
  }

  /** Allocates the next update of `sender`, stamps its send time and returns its marker. */
  send(sender: number): { seq: number; marker: string } {
    const seq = this.nextSeq[sender]++;
    if (seq >= this.maxSeq) throw new Error(`client ${sender} sent more than ${this.maxSeq} updates; raise maxSeq`);
    const now = performance.now();
    this.sendTimes[sender][seq] = now;
    this.totalSends++;
    if (this.inWindow(now)) this.windowSends++;
    return { seq, marker: `~${sender}.${seq}~` };
  }

  /** Scans a received frame for markers (latin1 keeps the ASCII markers byte-exact). */
  receive(receiver: number, frame: Buffer) {
    const now = performance.now();
    const text = frame.toString("latin1");
    if (text.indexOf("~") < 0) return;
    const seen = this.seen[receiver];
    const arrivedInWindow = this.inWindow(now);
    let counted = false;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      const sender = Number(m[1]);
      const seq = Number(m[2]);
      if (sender >= this.clients || seq >= this.nextSeq[sender]) continue;
      if (sender === receiver) {
        this.selfEchoes++;
        continue;
      }
      const slot = sender * this.maxSeq + seq;
      if (seen[slot]) {
        this.duplicates++;
        continue;
      }
      seen[slot] = 1;
      this.totalDeliveries++;
      const sent = this.sendTimes[sender][seq];
      if (arrivedInWindow) {
        this.windowArrivals++;
        if (!counted) this.windowFrames++;
        counted = true;
      }
      if (this.inWindow(sent)) {
        this.windowSendDeliveries++;
        this.latencies.push(now - sent);
        this.latencySentAt.push(sent - this.windowStart);
      }
    }
  }

  /** The worst latency of the updates sent in each `bucketMs` slice of the window: shows stalls. */
  worstByBucket(bucketMs: number, windowMs: number): number[] {
    const worst = new Array<number>(Math.ceil(windowMs / bucketMs)).fill(0);
    for (let i = 0; i < this.latencies.length; i++) {
      const b = Math.floor(this.latencySentAt[i] / bucketMs);
      if (b >= 0 && b < worst.length && this.latencies[i] > worst[b]) worst[b] = this.latencies[i];
    }
    return worst.map((v) => Math.round(v * 10) / 10);
  }

  /** A durable ack of update `seq` of `sender` arrived. */
  ack(sender: number, seq: number) {
    const sent = this.sendTimes[sender][seq];
    if (this.inWindow(sent)) this.acks.push(performance.now() - sent);
  }
}

/** Tracks which sent updates of one client await a "saved" ack, by Yjs clock. */
class AckTracker {
  private pending: { endClock: number; seq: number }[] = [];
  constructor(
    private readonly recorder: Recorder,
    private readonly index: number,
  ) {}
  sent(seq: number, endClock: number) {
    this.pending.push({ endClock, seq });
  }
  saved(payload: string, clientID: number) {
    let message: { type?: string; clocks?: Record<string, number> };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.type !== "saved" || !message.clocks) return;
    const clock = message.clocks[String(clientID)];
    if (clock === undefined) return;
    let done = 0;
    while (done < this.pending.length && this.pending[done].endClock <= clock) this.recorder.ack(this.index, this.pending[done++].seq);
    if (done) this.pending.splice(0, done);
  }
  get outstanding() {
    return this.pending.length;
  }
}

export interface BenchClient {
  readonly index: number;
  /** Resolves once the initial sync is done. */
  connect(): Promise<void>;
  /** Inserts one marker and sends the update. */
  edit(): void;
  /** Updates sent but not yet acknowledged as saved (0 when the server sends no acks). */
  readonly unacked: number;
  /** Close events and protocol errors seen so far. */
  readonly problems: string[];
  close(): void;
}

const REMOTE = Symbol("remote");

/** The first paragraph's text node, where every client types (as tests' typeInto does). */
function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const first = doc.getXmlFragment("default").get(0);
  if (!(first instanceof Y.XmlElement)) throw new Error("the document has no first paragraph");
  const text = first.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error("the first paragraph has no text");
  return text;
}

/** Where client `index` starts typing: spread over the paragraph so few clients collide. */
const startOffset = (index: number, length: number) => (index * 7919) % Math.max(1, length);

const userState = (index: number) => ({ user: { name: `Bench ${index}`, color: `#${((index * 2654435761) >>> 8).toString(16).padStart(6, "0").slice(0, 6)}` } });

/** A wire-protocol client; see the file comment. */
export class RawClient implements BenchClient {
  readonly problems: string[] = [];
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private ws?: WebSocket;
  private synced = false;
  private cursor = -1;
  private relCursor?: Y.RelativePosition;
  private readonly acks: AckTracker;
  private onSynced?: () => void;
  private onSyncFailed?: (error: Error) => void;
  private roundTrips: (() => void)[] = [];

  constructor(
    readonly index: number,
    private readonly dialect: Dialect,
    private readonly recorder: Recorder,
    private readonly opts: { full: boolean; seed?: Uint8Array },
  ) {
    this.acks = new AckTracker(recorder, index);
    if (opts.seed) Y.applyUpdate(this.doc, opts.seed, REMOTE);
    this.awareness.setLocalState(userState(index));
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.sendSync(2, update);
    });
  }

  get unacked() {
    return this.acks.outstanding;
  }

  /** Starts a message: the document name for Hocuspocus, nothing for y-websocket. */
  private encoder(type: number) {
    const encoder = encoding.createEncoder();
    if (this.dialect.kind === "hocuspocus") encoding.writeVarString(encoder, this.dialect.documentName);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }

  private sendSync(subtype: 0 | 1 | 2, payload: Uint8Array) {
    const encoder = this.encoder(0);
    encoding.writeVarUint(encoder, subtype);
    encoding.writeVarUint8Array(encoder, payload);
    this.ws?.send(encoding.toUint8Array(encoder));
  }

  connect(): Promise<void> {
    const url = this.dialect.url;
    return new Promise<void>((resolve, reject) => {
      this.onSynced = resolve;
      this.onSyncFailed = reject;
      const ws = new WebSocket(url, { perMessageDeflate: false });
      this.ws = ws;
      ws.on("open", () => {
        if (this.dialect.kind === "hocuspocus") {
          const auth = this.encoder(2);
          encoding.writeVarUint(auth, 0); // token
          encoding.writeVarString(auth, this.dialect.token);
          encoding.writeVarString(auth, "bench");
          ws.send(encoding.toUint8Array(auth));
        }
        this.sendSync(0, Y.encodeStateVector(this.doc));
        const awareness = this.encoder(1);
        encoding.writeVarUint8Array(awareness, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
        ws.send(encoding.toUint8Array(awareness));
      });
      ws.on("message", (data: Buffer) => this.handle(data));
      ws.on("close", (code, reason) => {
        const problem = `closed ${code} ${reason.toString()}`;
        this.problems.push(problem);
        this.onSyncFailed?.(new Error(`client ${this.index}: ${problem}`));
      });
      ws.on("error", (error) => {
        this.problems.push(`error ${error.message}`);
        this.onSyncFailed?.(error);
      });
    });
  }

  private handle(data: Buffer) {
    const decoder = decoding.createDecoder(data);
    if (this.dialect.kind === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case 0: // sync
      case 4: {
        // sync reply (Hocuspocus)
        const subtype = decoding.readVarUint(decoder);
        if (subtype === 0) {
          const stateVector = decoding.readVarUint8Array(decoder);
          this.sendSync(1, Y.encodeStateAsUpdate(this.doc, stateVector));
        } else if (subtype === 1 || subtype === 2) {
          this.recorder.receive(this.index, data);
          const update = decoding.readVarUint8Array(decoder);
          if (this.opts.full || (subtype === 1 && !this.synced)) Y.applyUpdate(this.doc, update, REMOTE);
          if (subtype === 1) {
            const waiting = this.roundTrips.shift();
            if (!this.synced) {
              this.synced = true;
              this.onSynced?.();
              this.onSynced = this.onSyncFailed = undefined;
            } else waiting?.();
          }
        }
        break;
      }
      case 2: {
        // auth (Hocuspocus)
        const subtype = decoding.readVarUint(decoder);
        if (subtype === 1) {
          const reason = decoding.readVarString(decoder);
          this.problems.push(`permission denied: ${reason}`);
          this.onSyncFailed?.(new Error(`client ${this.index}: permission denied (${reason})`));
        }
        break;
      }
      case 5: // stateless (Hocuspocus): our server's "saved" acks
        this.acks.saved(decoding.readVarString(decoder), this.doc.clientID);
        break;
      case 7: // close (Hocuspocus)
        this.problems.push(`server closed the document: ${decoding.readVarString(decoder)}`);
        break;
      default: // awareness, sync status, query awareness: nothing to do
    }
  }

  /**
   * Resolves once the server answered a fresh sync step 1, i.e. has processed everything
   * this client sent before (each server handles a connection's messages in order).
   */
  roundTrip(): Promise<void> {
    return new Promise((resolve) => {
      this.roundTrips.push(resolve);
      // The first sync step 2 already arrived, so the next one answers this request.
      this.sendSync(0, Y.encodeStateVector(this.doc));
    });
  }

  edit() {
    const { seq, marker } = this.recorder.send(this.index);
    const text = firstParagraphText(this.doc);
    if (this.opts.full) {
      // An editor types at its caret, which other people's edits move around.
      const at = this.relCursor ? (Y.createAbsolutePositionFromRelativePosition(this.relCursor, this.doc)?.index ?? 0) : startOffset(this.index, text.length);
      text.insert(at, marker);
      this.relCursor = Y.createRelativePositionFromTypeIndex(text, at + marker.length);
    } else {
      // Only this client's own edits are in its local doc, so a plain index stays valid.
      if (this.cursor < 0) this.cursor = startOffset(this.index, text.length);
      text.insert(this.cursor, marker);
      this.cursor += marker.length;
    }
    this.acks.sent(seq, Y.getState(this.doc.store, this.doc.clientID));
  }

  close() {
    this.onSynced = this.onSyncFailed = undefined;
    this.awareness.destroy();
    this.ws?.removeAllListeners("close");
    this.ws?.terminate();
    this.doc.destroy();
  }
}

/** The real @hocuspocus/provider, as the app's editor uses it; frames are scanned as they arrive. */
export class ProviderClient implements BenchClient {
  readonly problems: string[] = [];
  private readonly doc = new Y.Doc();
  private provider?: HocuspocusProvider;
  private websocket?: HocuspocusProviderWebsocket;
  private relCursor?: Y.RelativePosition;
  private readonly acks: AckTracker;

  constructor(
    readonly index: number,
    private readonly dialect: Extract<Dialect, { kind: "hocuspocus" }>,
    private readonly recorder: Recorder,
  ) {
    this.acks = new AckTracker(recorder, index);
  }

  get unacked() {
    return this.acks.outstanding;
  }

  connect(): Promise<void> {
    const { recorder, index } = this;
    const Scanning = class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { perMessageDeflate: false });
        this.on("message", (data: Buffer | ArrayBuffer) => recorder.receive(index, Buffer.isBuffer(data) ? data : Buffer.from(data)));
      }
    };
    return new Promise<void>((resolve, reject) => {
      this.websocket = new HocuspocusProviderWebsocket({
        url: this.dialect.url,
        WebSocketPolyfill: Scanning,
        delay: 100,
        minDelay: 100,
        maxDelay: 1000,
        onMaxAttemptsFailed: ({ error }) => reject(new Error(`client ${index}: could not connect: ${error}`)),
      });
      this.provider = new HocuspocusProvider({
        websocketProvider: this.websocket,
        name: this.dialect.documentName,
        document: this.doc,
        token: this.dialect.token,
        onSynced: () => resolve(),
        onAuthenticationFailed: ({ reason }) => {
          this.problems.push(`permission denied: ${reason}`);
          reject(new Error(`client ${index}: permission denied (${reason})`));
        },
        onStateless: ({ payload }) => this.acks.saved(payload, this.doc.clientID),
        onClose: ({ event }) => this.problems.push(`closed ${event.code} ${event.reason}`),
      });
      this.provider.setAwarenessField("user", userState(index).user);
      this.provider.attach();
    });
  }

  edit() {
    const { seq, marker } = this.recorder.send(this.index);
    const text = firstParagraphText(this.doc);
    const at = this.relCursor ? (Y.createAbsolutePositionFromRelativePosition(this.relCursor, this.doc)?.index ?? 0) : startOffset(this.index, text.length);
    text.insert(at, marker); // the provider sends the update from the doc's update event
    this.relCursor = Y.createRelativePositionFromTypeIndex(text, at + marker.length);
    this.acks.sent(seq, Y.getState(this.doc.store, this.doc.clientID));
  }

  close() {
    this.provider?.destroy();
    this.websocket?.destroy();
    this.doc.destroy();
  }
}
