import { z } from "zod";

/**
 * The only reader of process.env. Values are read when asked for, not at import,
 * because lib/db's openDatabase fills in DATABASE_URL (and server.ts AUTH_SECRET) for an
 * embedded setup before the rest of the app starts.
 */
const schema = z.object({
  /** "production" serves the built app; anything else runs Next in dev mode. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Port the app listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origin used to build absolute IRIs (e.g. https://marginalia.example.org). */
  APP_URL: z.url().optional(),
  /** External Postgres; when unset an embedded Postgres is started under .data/. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Where the embedded Postgres keeps its files (default .data/postgres). */
  MARGINALIA_DATA_DIR: z.string().min(1).optional(),
  /** "1" seeds the demo group even into an external database (never by default). */
  MARGINALIA_SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** Secret that signs session JWTs; generated and kept under .data/ when unset in an embedded setup. */
  AUTH_SECRET: z.string().min(16).optional(),
  /** GitHub OAuth: both set switches the provider on. */
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  /** Google OAuth: both set switches the provider on. */
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  /** Redis for scaling the collaboration server out to several processes. */
  REDIS_URL: z.string().min(1).optional(),
  /** "1" when a reverse proxy sets X-Forwarded-For; otherwise the socket address is used for rate limits. */
  TRUST_PROXY: z.enum(["0", "1"]).optional(),
  /** Wrong credentials (bad API tokens, dead sessions) one address may present per minute, to the API and /collab, before 429. */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Accounts one address may create per hour. */
  SIGNUPS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Open /collab document connections per user on one instance. */
  COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(40),
  /** Open /collab WebSockets per client address on one instance (a classroom behind one NAT shares one). */
  COLLAB_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  /** SMTP server for invitation emails, e.g. smtps://user:pass@mail.example.org:465; unset = the UI shows links to copy instead. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  /** Sender of those emails, e.g. "Marginalia <reading@example.org>". */
  MAIL_FROM: z.string().min(3).optional(),
  /** Quieter or louder server logs. */
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema>;

/** Parses the environment; throws with every problem listed when a variable is malformed. */
export function env(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/**
 * Points the process at a database (openDatabase in lib/db does, for server.ts and the CLI).
 * Kept in the environment because server.ts and Next's bundled route modules are separate module
 * graphs in one process: both read it from here.
 */
export function useDatabaseUrl(url: string) {
  process.env.DATABASE_URL = url;
}

/** The database URL in force: DATABASE_URL, or the embedded database openDatabase started (the test setup sets it too). */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app through server.ts, which starts the embedded Postgres");
  return url;
}

/** True when any OAuth provider is configured, for the sign-in page. */
export function oauthProviders(): { id: "github" | "google"; name: string }[] {
  const e = env();
  const providers: { id: "github" | "google"; name: string }[] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) providers.push({ id: "github", name: "GitHub" });
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push({ id: "google", name: "Google" });
  return providers;
}
