/**
 * The operator CLI (lib/cli/commands.ts, run by lib/cli/main.ts). No command takes a group actor: they run with shell access
 * to the server, outside the role system. What the matrix checks instead is that the one command
 * that hands out an actor's credential, `token create`, gives a token with exactly its holder's
 * rights (cli.test.ts walks a whole role's route row with a CLI-issued token).
 */
export type CliEntry = { command: string; actor: "none"; rule: string; checked: string };

export const CLI_COMMANDS: CliEntry[] = [
  { command: "user add", actor: "none", rule: "operator: shell access to the server", checked: "tests/integration/cli/cli.test.ts" },
  { command: "user password", actor: "none", rule: "operator: resets a password, revoking the account's API tokens and sessions", checked: "tests/integration/cli/cli.test.ts" },
  { command: "user signout", actor: "none", rule: "operator: ends every browser session of an account", checked: "tests/integration/cli/cli.test.ts" },
  { command: "user export", actor: "none", rule: "operator: prints what the account itself wrote, nobody else's words", checked: "tests/integration/cli/cli.test.ts" },
  { command: "user delete", actor: "none", rule: "operator: deletes an account as its owner could, refused while it is a group's only owner", checked: "tests/integration/cli/cli.test.ts" },
  { command: "token create", actor: "none", rule: "operator; the token it prints acts with its holder's role", checked: "tests/integration/authorization/cli.test.ts" },
  { command: "digest send", actor: "none", rule: "operator; each recipient's digest holds only notifications they may see", checked: "tests/integration/annotations/digest.test.ts" },
];
