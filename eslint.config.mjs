// `npm run lint`: TypeScript, React hooks and Next's rules, plus the layers' import boundaries:
//   app/         may import components/ and lib/
//   components/  may import lib/ (never app/: server actions live in lib/actions)
//   lib/         never imports components/ or app/
//   the database (Prisma client, pg) only from lib/db, lib/queries and lib/commands (and the few
//   modules listed below, which still open it themselves)
//   lib/db's pool and start-up (pool.ts, embedded-postgres.ts, migrate.ts) only inside lib/db: the
//   rest asks db()/pool(), and server.ts and the CLI open the database with openDatabase()
//   lib/db, lib/queries and lib/commands also say `import "server-only"`: Next's build refuses a
//   client component that reaches them through any chain of imports, which no lint rule here can
//   see; server.ts, the CLI and the tests load them through scripts/server-only.mjs / Vitest's alias
//   the system reads (lib/queries/system: no reader, nothing checked) only from lib/queries,
//   lib/commands and the server's own machinery (SYSTEM_READERS below); pages, route handlers,
//   server actions and components read through queries that take the reader
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const APP = { group: ["@/app/*", "**/app/*"], message: "Only app/ imports from app/: move shared code to lib/ (server actions: lib/actions)." };
const COMPONENTS = { group: ["@/components/*", "**/components/*"], message: "lib/ never imports components/: UI depends on lib, not the other way round." };
const DATABASE = {
  group: ["@/lib/db", "@/lib/db/*", "**/db", "@/lib/generated/prisma/*", "**/generated/prisma/*", "pg"],
  message: "Only lib/db, lib/queries and lib/commands talk to the database: add a query or a command there.",
};

/** The process's pool and how the database is opened are lib/db's own: everyone else asks db()/pool(), and composition roots openDatabase(). */
const DATABASE_INSIDES = {
  group: ["@/lib/db/pool", "**/db/pool", "@/lib/db/embedded-postgres", "**/db/embedded-postgres", "@/lib/db/migrate", "**/db/migrate"],
  message: "The pool and the database's start-up are lib/db's own: use db() or pool() from lib/db, and openDatabase() (lib/db/ensure-database) in a composition root.",
};
/** server.ts, one process for Next and the collaboration server, gets its database through lib/db like everything else. */
const SERVER_DATABASE = {
  group: ["pg", "**/generated/prisma/*", "./lib/db/*", "!./lib/db/ensure-database"],
  message: "server.ts opens the database with openDatabase() (lib/db/ensure-database) and closes it with the handle's close(); the collaboration server reaches it through lib/db.",
};

const SYSTEM = {
  group: ["@/lib/queries/system", "@/lib/queries/system/*", "**/queries/system", "**/queries/system/*", "./system", "./system/*"],
  message: "lib/queries/system reads without a reader: read through a query that takes the actor or a Viewer and authorizes.",
};

/** Where the system reads may be used, besides lib/queries and lib/commands: the collaboration server, live delivery and notifications, anchoring, the moderation queue's stream. */
const SYSTEM_READERS = ["lib/collab/**", "lib/annotations/**", "lib/moderation/**"];

/**
 * Modules outside lib/db, lib/queries and lib/commands that still import lib/db: the composition
 * roots, which open and close the process's database (they read and write through queries and commands).
 */
const DATABASE_EXCEPTIONS = [
  "lib/collab/server.ts", // the collaboration server's composition root: opens the update log and the channel between instances (lib/db)
  "lib/cli/main.ts", // the command line's composition root: makes sure the database exists, and disconnects at exit
];

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".next-*/", "lib/generated/", "bench/results/", "coverage/", "next-env.d.ts", "tests/e2e/artifacts/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      // The two classic hook rules; the plugin's React Compiler rules are for code the compiler
      // builds, and we do not use it.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [APP, DATABASE, SYSTEM] }] } },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [DATABASE, SYSTEM] }] } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS, DATABASE, SYSTEM] }] } },
  { files: SYSTEM_READERS, rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS, DATABASE] }] } },
  { files: ["lib/queries/**", "lib/commands/**", ...DATABASE_EXCEPTIONS], rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS, DATABASE_INSIDES] }] } },
  { files: ["lib/db/**"], rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS] }] } },
  { files: ["server.ts"], rules: { "no-restricted-imports": ["error", { patterns: [SERVER_DATABASE] }] } },
);
