/**
 * The operator CLI (lib/cli/main.ts). No command takes a group actor: they run with shell access
 * to the server, outside the role system. What the matrix checks instead is that the one command
 * that hands out an actor's credential, `token create`, gives a token with exactly its holder's
 * rights (cli.test.ts walks a whole role's route row with a CLI-issued token).
 */
export type CliEntry = { command: string; actor: "none"; rule: string; checked: string };

export const CLI_COMMANDS: CliEntry[] = [
  { command: "user add", actor: "none", rule: "operator: shell access to the server", checked: "tests/integration/cli/cli.test.ts" },
  { command: "token create", actor: "none", rule: "operator; the token it prints acts with its holder's role", checked: "tests/integration/authorization/cli.test.ts" },
  { command: "digest send", actor: "none", rule: "operator; each recipient's digest holds only notifications they may see", checked: "tests/integration/annotations/digest.test.ts" },
];
