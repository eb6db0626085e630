/** The operator CLI's commands (usage in main.ts), runnable in-process: main.ts is the process around them. */
import { parseArgs } from "node:util";
import createApiToken from "../commands/create-api-token";
import changePassword from "../commands/change-password";
import createUser from "../commands/create-user";
import deleteAccount from "../commands/delete-account";
import { revokeSessions } from "../commands/sessions";
import exportAccount from "../exports/export-account";
import { accountExportQuery, tokenExpiry } from "../validation/account";
import { parseInput } from "../validation/parse";
import sendDigests from "../commands/send-digests";
import { env } from "../env";
import { isMailConfigured } from "../mail/send-mail";
import { findUserByEmail } from "../queries/account";
import { AppError } from "../errors";

export const USAGE = `usage:
  npm run cli -- user add --email E --name N --password P
  npm run cli -- user password --email E --password P
  npm run cli -- user signout --email E
  npm run cli -- user export --email E [--format jsonld|markdown]
  npm run cli -- user delete --email E --group-notes keep|delete
  npm run cli -- token create --email E [--label L] [--expires-in-days D]
  npm run cli -- digest send [--origin URL]`;

class UsageError extends Error {}

async function userByEmail(email: string | undefined, command: string) {
  if (!email) throw new UsageError(`${command} needs --email`);
  const user = await findUserByEmail(email);
  if (!user) throw new AppError(404, "not_found", `No user with email ${email}`);
  return user;
}

async function execute(argv: string[]): Promise<string> {
  const [noun, verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      label: { type: "string" },
      origin: { type: "string" },
      format: { type: "string" },
      "group-notes": { type: "string" },
      "expires-in-days": { type: "string" },
    },
    strict: true,
  });
  if (noun === "user" && verb === "add") {
    const user = await createUser({ input: { email: values.email, name: values.name, password: values.password } });
    return `created user ${user.id} <${user.email}>`;
  }
  if (noun === "user" && verb === "password") {
    const user = await userByEmail(values.email, "user password");
    const { tokensRevoked, sessionsEnded } = await changePassword({ actorId: user.id, input: { newPassword: values.password }, operator: true });
    return `password changed for ${user.email}; ${tokensRevoked} API token(s) revoked, ${sessionsEnded} session(s) ended`;
  }
  if (noun === "user" && verb === "signout") {
    const user = await userByEmail(values.email, "user signout");
    return `${await revokeSessions(user.id)} session(s) of ${user.email} ended`;
  }
  if (noun === "user" && verb === "export") {
    const user = await userByEmail(values.email, "user export");
    const { format } = parseInput(accountExportQuery, { format: values.format });
    const origin = (values.origin ?? env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/+$/, "");
    return (await exportAccount({ actorId: user.id, origin, format })).body.trimEnd();
  }
  if (noun === "user" && verb === "delete") {
    const user = await userByEmail(values.email, "user delete");
    const result = await deleteAccount({ actorId: user.id, input: { groupNotes: values["group-notes"] }, operator: true });
    return `deleted ${user.email}: ${result.privateNotesDeleted} private note(s) deleted, ${result.groupNotesKept} group note(s) kept as "Deleted user"`;
  }
  if (noun === "token" && verb === "create") {
    const user = await userByEmail(values.email, "token create");
    const expiresInDays = parseInput(tokenExpiry, values["expires-in-days"]);
    const token = await createApiToken({ userId: user.id, label: values.label ?? "CLI", expiresInDays });
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

/** Where a command's output goes: the process's stdout/stderr, or a test's buffers. */
export type CliOutput = { out(text: string): void; err(text: string): void };

export const wantsHelp = (argv: string[]) => !argv.length || argv.includes("--help");

/**
 * Runs one command against the database lib/db is set up for and returns the process's exit
 * code: 0 done, 1 refused or failed (the reason on stderr), 2 bad usage (with the usage text).
 */
export async function runCli(argv: string[], output: CliOutput): Promise<number> {
  if (wantsHelp(argv)) {
    output.out(USAGE);
    return 0;
  }
  try {
    output.out(await execute(argv));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      output.err(`error: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    output.err(`error: ${error instanceof AppError ? error.message : String(error)}`);
    return 1;
  }
}
