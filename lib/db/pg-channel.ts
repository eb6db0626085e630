import "server-only";
import pg from "pg";
import { dependency, isDatabaseOutage } from "../health/dependency";

/**
 * A Postgres notification channel between instances (LISTEN/NOTIFY on the database they share):
 * it needs nothing but the database, so a Redis outage does not touch it. One dedicated
 * connection listens and reconnects every second while the database is away; `onResume` is
 * called with the time the listening connection was lost once it listens again, so the owner
 * can catch up on what was published meanwhile.
 */
export class PgChannel {
  private client?: pg.Client;
  private retry?: NodeJS.Timeout;
  private closed = false;
  private lostAt: Date | null = null;

  constructor(
    private options: {
      /** Publishes on the process's pool; listens on a connection of its own to the same database. */
      pool: pg.Pool;
      channel: string;
      onMessage: (payload: string) => void;
      onResume: (since: Date) => void;
      logger: (message: string, error?: unknown) => void;
    },
  ) {}

  start() {
    void this.connect();
  }

  /** NOTIFY on the channel; payloads must stay under Postgres's 8000 bytes. */
  async publish(payload: string) {
    await this.options.pool.query("SELECT pg_notify($1, $2)", [this.options.channel, payload]);
  }

  async close() {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect() {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.options.pool.options.connectionString, connectionTimeoutMillis: 5000 });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (error !== undefined && !isDatabaseOutage(error, "listening for events of other instances")) this.options.logger("listening for events of other instances failed", error);
      if (this.client === client) this.client = undefined;
      this.lostAt ??= new Date();
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.connect(), 1000);
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    client.on("notification", (message) => {
      if (message.channel === this.options.channel && message.payload) this.options.onMessage(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
    } catch (error) {
      onLost(error);
      return;
    }
    if (this.closed) return void client.end().catch(() => {});
    this.client = client;
    dependency("db").succeeded();
    const since = this.lostAt;
    this.lostAt = null;
    if (since) this.options.onResume(since);
  }
}
