/**
 * Operator CLI: `npm run cli -- <command>`. Works in the same checkout while the app runs
 * (it joins the app's embedded Postgres) or on its own, against DATABASE_URL otherwise.
 *   user add --email E --name N --password P
 *   user password --email E --password P   (sets it; revokes every API token and session of theirs)
 *   user signout --email E                 (ends every browser session of theirs; API tokens stay)
 *   user export --email E [--format jsonld|markdown]   (everything they wrote, on stdout)
 *   user delete --email E --group-notes keep|delete    (refused while they are a group's only owner)
 *   token create --email E [--label L] [--expires-in-days D]   (prints the token alone on its last line)
 *   digest send [--origin URL]             (sends the daily digests that are due now)
 */
import { openDatabase } from "../db/ensure-database";
import { runCli, wantsHelp } from "./commands";

/** The process around the commands: joins or starts the database, runs one command, exits with its code. */
async function main(argv: string[]): Promise<number> {
  const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
  if (wantsHelp(argv)) return runCli(argv, output);
  const database = await openDatabase({ purpose: "cli" });
  try {
    return await runCli(argv, output);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
