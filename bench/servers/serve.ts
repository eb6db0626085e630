/**
 * One collaboration server alone in its own process, for the benchmarks:
 *   ours         createCollabServer (auth + durable persistence) behind http, routed like server.ts
 *   hocuspocus   a standalone @hocuspocus/server Server, no extensions
 *   y-websocket  the @y/websocket-server relay (setupWSConnection) behind http + ws
 * Prints "LISTENING <port>" once ready; SIGTERM shuts it down cleanly and exits 0; SIGUSR2 runs a
 * full garbage collection when started with --expose-gc (collab-memory reads what is live).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const kind = process.argv[2];

async function start(): Promise<{ port: number; stop: () => Promise<void> }> {
  if (kind === "ours") {
    const { createCollabServer } = await import("../../lib/collab/server");
    const { isCollabRequest } = await import("../../lib/collab/upgrade");
    const { disconnectDb } = await import("../../lib/db");
    const collab = createCollabServer({
      // Unset (the default) means: configured exactly as server.ts configures it.
      ...(process.env.BENCH_COMPACT_AFTER ? { compactAfter: Number(process.env.BENCH_COMPACT_AFTER) } : {}),
      ...(process.env.BENCH_APPEND_INTERVAL ? { appendIntervalMs: Number(process.env.BENCH_APPEND_INTERVAL) } : {}),
      // Every bench client connects from 127.0.0.1: the per-address socket budget would cap BENCH_CLIENTS.
      maxSocketsPerAddress: 100_000,
      logger: (message, error) => console.error(`[collab] ${message}`, error ?? ""),
    });
    const http = createServer((_req, res) => res.writeHead(404).end());
    http.on("upgrade", (req, socket, head) => (isCollabRequest(req) ? collab.handleUpgrade(req, socket, head) : socket.destroy()));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return {
      port: (http.address() as AddressInfo).port,
      async stop() {
        http.close();
        await collab.destroy();
        await disconnectDb();
      },
    };
  }
  if (kind === "hocuspocus") {
    const { Server } = await import("@hocuspocus/server");
    const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
    await server.listen();
    return { port: server.address.port, stop: () => server.destroy() };
  }
  if (kind === "y-websocket") {
    const { WebSocketServer } = await import("ws");
    const { setupWSConnection } = await import("@y/websocket-server/utils");
    const wss = new WebSocketServer({ noServer: true });
    wss.on("connection", (ws, req) => setupWSConnection(ws, req));
    const http = createServer((_req, res) => res.writeHead(404).end());
    http.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return {
      port: (http.address() as AddressInfo).port,
      async stop() {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close();
      },
    };
  }
  throw new Error(`unknown server kind ${JSON.stringify(kind)} (ours | hocuspocus | y-websocket)`);
}

start().then(
  ({ port, stop }) => {
    let stopping = false;
    process.on("SIGTERM", () => {
      if (stopping) return;
      stopping = true;
      const deadline = setTimeout(() => process.exit(0), 10_000);
      stop()
        .catch((error) => console.error(`[bench-server] stopping failed:`, error))
        .finally(() => {
          clearTimeout(deadline);
          process.exit(0);
        });
    });
    process.on("SIGUSR2", () => (globalThis as { gc?: () => void }).gc?.());
    console.log(`LISTENING ${port}`);
  },
  (error) => {
    console.error(`[bench-server] ${kind} failed to start:`, error);
    process.exit(1);
  },
);
