/**
 * Operator CLI: `npm run cli -- <command>`. Works in the same checkout while the app runs
 * (it joins the app's embedded Postgres) or on its own, against DATABASE_URL otherwise.
 *   user add --email E --name N --password P [--admin]
 *   token create --email E [--label L]     (prints the token alone on its last line)
 *   digest send [--origin URL]             (sends the daily digests that are due now)
 */
import { parseArgs } from "node:util";
import createApiToken from "../commands/create-api-token";
import createUser from "../commands/create-user";
import sendDigests from "../commands/send-digests";
import { env } from "../env";
import { isMailConfigured } from "../mail/send-mail";
import { db, disconnectDb } from "../db";
import { ensureDatabase } from "../db/ensure-database";
import { AppError } from "../errors";

const USAGE = `usage:
  npm run cli -- user add --email E --name N --password P [--admin]
  npm run cli -- token create --email E [--label L]
  npm run cli -- digest send [--origin URL]`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<string> {
  const [noun, verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      label: { type: "string" },
      origin: { type: "string" },
      admin: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (noun === "user" && verb === "add") {
    const user = await createUser({ input: { email: values.email, name: values.name, password: values.password }, isAdmin: values.admin });
    return `created user ${user.id} <${user.email}>${user.isAdmin ? " (admin)" : ""}`;
  }
  if (noun === "token" && verb === "create") {
    if (!values.email) throw new UsageError("token create needs --email");
    const user = await db().user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
    if (!user) throw new AppError(404, "not_found", `No user with email ${values.email}`);
    const token = await createApiToken({ userId: user.id, label: values.label ?? "CLI" });
    return `token for ${user.email} (shown once, store it now):\n${token.token}`;
  }
  if (noun === "digest" && verb === "send") {
    if (!isMailConfigured()) throw new UsageError("digest send needs SMTP_URL (and MAIL_FROM) to be set");
    const origin = values.origin ?? env().APP_URL ?? `http://localhost:${env().PORT}`;
    const { due, sent } = await sendDigests({ origin: origin.replace(/\/+$/, "") });
    return `digests due: ${due}, sent: ${sent}`;
  }
  throw new UsageError(`unknown command: ${[noun, verb].filter(Boolean).join(" ") || "(none)"}`);
}

async function main() {
  const argv = process.argv.slice(2);
  if (!argv.length || argv.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const database = await ensureDatabase({ purpose: "cli" });
  process.env.DATABASE_URL = database.url;
  try {
    console.log(await run(argv));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    console.error(`error: ${error instanceof AppError ? error.message : String(error)}`);
    return 1;
  } finally {
    await disconnectDb();
    await database.release();
  }
}

main().then((code) => process.exit(code));
