/**
 * One process: Next's request handler and the collaboration WebSocket on /collab,
 * on one port. It also owns the embedded Postgres when DATABASE_URL is unset.
 */
import { createServer } from "node:http";
import next from "next";
import { localAuthSecret } from "./lib/auth/secret";
import { createCollabServer } from "./lib/collab/server";
import { isCollabRequest } from "./lib/collab/upgrade";
import { openDatabase } from "./lib/db/ensure-database";
import { normalizeForwardedHeaders } from "./lib/http/client-address";
import { seedDemo } from "./lib/demo/seed";
import { env } from "./lib/env";
import sendDigests from "./lib/commands/send-digests";
import { isMailConfigured } from "./lib/mail/send-mail";
import { componentLogger, errorFields } from "./lib/log";

const log = (message: string) => componentLogger("server").info(message);

async function main() {
  const config = env();
  const dev = config.NODE_ENV !== "production";
  const database = await openDatabase({ purpose: "app", log });
  if (!config.AUTH_SECRET) {
    if (!database.embedded && !dev) throw new Error("Set AUTH_SECRET (32+ random characters) when using an external database in production");
    process.env.AUTH_SECRET = await localAuthSecret();
  }
  // Links in emails and IRIs must not depend on what a client puts in its Host header.
  if (!database.embedded && !dev && !config.APP_URL) throw new Error("Set APP_URL (the public origin, e.g. https://marginalia.example.org) when using an external database in production");
  log(database.embedded ? `embedded Postgres ready${database.fresh ? " (new)" : ""}` : "using DATABASE_URL");
  if (database.fresh || config.MARGINALIA_SEED_DEMO === "1") await seedDemo({ log });

  const collab = createCollabServer({ redisUrl: config.REDIS_URL });

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();

  const server = createServer((req, res) => {
    // Forwarded headers count only from a proxy we trust; rate limits key on the client address.
    normalizeForwardedHeaders(req);
    void handle(req, res);
  });
  // Longer than the clients' and proxies' idle timeouts, so they never reuse a socket we just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("upgrade", (req, socket, head) => {
    if (isCollabRequest(req)) return collab.handleUpgrade(req, socket, head);
    if (dev) return void nextUpgrade(req, socket, head);
    socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log(`ready on http://localhost:${port} (${dev ? "development" : "production"})`);

  // Daily digests: checked hourly; each user gets at most one a day. Only with SMTP set up.
  let digests: NodeJS.Timeout | undefined;
  if (isMailConfigured()) {
    const origin = (config.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
    const run = () => sendDigests({ origin }).catch((error) => componentLogger("mail").error(errorFields(error), "sending digests failed"));
    digests = setInterval(run, 60 * 60 * 1000);
    digests.unref();
    void run();
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    server.close();
    clearInterval(digests);
    await collab.destroy().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  componentLogger("server").fatal(errorFields(error), "failed to start");
  process.exit(1);
});
