import net from "node:net";

/**
 * A TCP proxy in front of a service (Postgres, Redis) that a test can cut and restore, to play
 * an outage without stopping the shared service. Cut: the proxy stops listening (new connections
 * are refused, ECONNREFUSED, as with a stopped server) and resets every open connection (as a
 * restart does). Restore: it listens again on the same port.
 */
export class TcpProxy {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private target: { host: string; port: number },
    private listenPort = 0,
  ) {}

  /** Starts listening (on the port it had before, once it has one). */
  async start(): Promise<this> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", end).on("close", end);
      upstream.on("error", end).on("close", end);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port || this.listenPort, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this;
  }

  /** The outage: refuse new connections and reset the open ones. */
  async cut() {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** The service is back, on the same port. */
  async restore() {
    if (!this.server) await this.start();
  }

  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = "127.0.0.1";
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async stop() {
    await this.cut();
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
  }
}

/** A proxy in front of the service at `url` (postgresql:// or redis://), already listening. */
export async function proxyFor(url: string): Promise<TcpProxy> {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol.startsWith("redis") ? 6379 : 5432;
  return new TcpProxy({ host: parsed.hostname === "localhost" ? "127.0.0.1" : parsed.hostname, port: Number(parsed.port || defaultPort) }).start();
}
