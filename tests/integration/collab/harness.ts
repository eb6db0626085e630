import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { afterAll, beforeAll } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { createCollabServer, type CollabOptions, type CollabServer } from "@/lib/collab/server";
import { isCollabRequest } from "@/lib/collab/upgrade";
import type { SavedMessage } from "@/lib/collab/messages";

/**
 * A collaboration server for the test file or describe block that calls this (started before
 * its tests, stopped after), and the clients its tests open, destroyed with it.
 */
export function useCollabServer(options: Partial<CollabOptions> = {}) {
  const scope = { server: undefined as unknown as Awaited<ReturnType<typeof startCollab>>, clients: [] as Client[] };
  beforeAll(async () => {
    scope.server = await startCollab(options);
  });
  afterAll(async () => {
    scope.clients.forEach((c) => c.destroy());
    await scope.server?.stop();
  });
  return scope;
}

/** A real collaboration server on port 0, wired exactly as server.ts does. */
export async function startCollab(options: Partial<CollabOptions> = {}) {
  const errors: string[] = [];
  const collab: CollabServer = createCollabServer({ logger: (m) => errors.push(m), ...options });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => (isCollabRequest(req) ? collab.handleUpgrade(req, socket, head) : socket.destroy()));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    collab,
    errors,
    url: `ws://127.0.0.1:${port}/collab`,
    async stop() {
      await collab.destroy();
      await new Promise((resolve) => http.close(resolve));
      http.closeAllConnections();
    },
  };
}

export type Client = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  saved: SavedMessage[];
  authFailure?: string;
  closes: { code?: number; reason?: string }[];
  readOnly?: boolean;
  destroy: () => void;
};

/** A real @hocuspocus/provider client in Node, authenticated by token or cookie; `origin` is the page's, as a browser sends it. */
export function connect(url: string, documentId: string, auth: { token?: string; cookie?: string; origin?: string; headers?: Record<string, string> }): Client {
  const doc = new Y.Doc();
  const client: Partial<Client> = { doc, saved: [], closes: [] };
  const headers: Record<string, string> = { ...auth.headers };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.origin) headers.origin = auth.origin;
  // A socket still connecting when a test tears its client down (a reconnect to a stopped server)
  // is aborted by destroy(), and ws then emits "error" after the provider has let go of it: that
  // error is expected, and must not surface as an uncaught exception of the run.
  const Polyfill = class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, Object.keys(headers).length ? { headers } : {});
      this.on("error", () => {});
    }
  };
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Polyfill, delay: 50, maxDelay: 200, minDelay: 50 });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentId,
    document: doc,
    token: auth.token ?? "",
    onAuthenticationFailed: ({ reason }) => (client.authFailure = reason),
    onAuthenticated: ({ scope }) => (client.readOnly = scope === "readonly"),
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload);
      if (message.type === "saved") client.saved!.push(message);
    },
    onClose: ({ event }) => client.closes!.push({ code: event.code, reason: event.reason }),
  });
  provider.attach();
  client.provider = provider;
  client.destroy = () => {
    provider.destroy();
    websocketProvider.destroy();
  };
  return client as Client;
}

/** Polls until the predicate holds, failing with `what` after `ms`. */
export async function until(predicate: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Generous: a freshly started server process compiles and connects on its first request.
export const synced = (c: Client, ms = 15_000) => until(() => c.provider.isSynced, "sync", ms);

/** The document's paragraphs as plain strings, read from the shared Y.XmlFragment. */
export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment("default").toArray().map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : "")).join("") : "")).join("\n\n");
}

/** Inserts text at the start of the first paragraph, as an editor would. */
export function typeInto(doc: Y.Doc, text: string, index = 0) {
  const first = doc.getXmlFragment("default").get(0) as Y.XmlElement;
  const node = first.get(0) as Y.XmlText;
  node.insert(index, text);
}

/** True when every local edit of this client is confirmed stored by the server. */
export function isSaved(c: Client): boolean {
  const local = Y.decodeStateVector(Y.encodeStateVector(c.doc)).get(c.doc.clientID) ?? 0;
  return c.saved.some((m) => (m.clocks[String(c.doc.clientID)] ?? 0) >= local);
}
