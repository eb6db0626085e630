import net from "node:net";

/** Fails the run at once, saying what to do, when no Redis answers at REDIS_URL. */
export default async function requireRedis() {
  const url = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  process.env.REDIS_URL = url.toString();
  const reply = await new Promise<string>((resolve) => {
    const socket = net.connect(Number(url.port || 6379), url.hostname);
    socket.setTimeout(2000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      resolve(String(data));
      socket.destroy();
    });
    socket.once("timeout", () => (socket.destroy(), resolve("timeout")));
    socket.once("error", (error) => resolve(error.message));
  });
  if (!reply.startsWith("+PONG") && !reply.startsWith("-NOAUTH")) {
    throw new Error(`test:scale needs a Redis server at ${url} (got: ${reply.trim()}). Start one (e.g. redis-server --port 6379) or set REDIS_URL.`);
  }
}
