import { connect, type Client } from "../harness";

type Listening = { on(event: "error", listener: (error: Error) => void): unknown };

/**
 * harness `connect`, plus a no-op "error" listener on every socket the provider opens.
 * The provider removes its own listeners from a socket right after closing it; when that
 * socket was still connecting, `ws` emits "Closed before the connection was established"
 * on the next tick with no listener left, an uncaught exception in Node (never in browsers).
 * Disconnecting, dropping and destroying clients mid-handshake is what these tests do.
 */
export function connectClient(...args: Parameters<typeof connect>): Client {
  const client = connect(...args);
  const socket = client.provider.configuration.websocketProvider;
  const Base = socket.configuration.WebSocketPolyfill as unknown as new (...a: unknown[]) => Listening;
  socket.configuration.WebSocketPolyfill = class extends Base {
    constructor(...a: unknown[]) {
      super(...a);
      this.on("error", () => {});
    }
  } as unknown as typeof socket.configuration.WebSocketPolyfill;
  (socket.webSocket as unknown as Listening | null)?.on("error", () => {});
  return client;
}
