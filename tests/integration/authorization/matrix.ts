/**
 * The authorization matrix: every entry point of the app × every kind of person, with the
 * outcome each must get, read off the hand-written truth table in truth.ts — written out from
 * the API contract's roles, never computed from lib/policies, whose answers are what is tested.
 *
 * People (PEOPLE): anonymous (no credentials), an outsider (signed in, in no group of ours),
 * viewer, member, a muted member, editor, moderator and owner of the seminar group, and the
 * moderator of another group. Each entry names the truth-table row that governs it:
 *   - `byAction(a)`: the row of the action alone (outsiders 404, members without the right 403).
 *   - `onItem(a, item)`: the row of the action on another's note, approved unless `item` says
 *     pending, hidden or private (invisible means 404).
 *   - `onNote(a, "own" | "others")`, `truth(row)`: the rows of per-item rules (own or another's
 *     note, a locked thread, one's own flag).
 *   - `SIGNED_IN`, `PUBLIC`: no group involved.
 * Surfaces map outcomes to what they answer: route handlers 401/404/403/422/<ok status>; server
 * actions `{error}` form state with the error's message, `{ok: true}` or a redirect; pages a
 * redirect to /signin, notFound(), the "for moderators only" notice, or a render; the
 * collaboration server refuses, connects read-only or read-write. The `*.test.ts` files beside
 * this one run every entry for every person; inventory.test.ts fails when a route file + HTTP
 * method, a server action or a page exists that no entry names (or an entry names one that is
 * gone), and when a truth-table row governs nothing.
 *
 * What it covers (9 people each): routes.ts — every method × file pair of the route files
 * (several entries per pair where one method checks different rights per field or per item or
 * token: own/another's, pending/hidden/private, a locked thread; an entry with `part` checks a rule
that decides part of a 200 answer, members' email addresses); actions.ts — the exported server
 * actions (the 4 sign-in/sign-up/sign-out forms are named but not called: they create the session
 * rather than act for one); pages.ts — the pages; collab.ts — connect, read, write, awareness and
 * stateless per person, and live messages for approved, private, pending and hidden items;
 * cli.ts — the CLI commands (none takes a group actor; a CLI-issued token walks the muted
 * member's whole route row).
 *
 * Seams, and nothing else: server actions and pages read the session through next-auth's auth(),
 * which the tests answer with the person's user id (currentUser() still loads the user from the
 * database); next/headers and next/cache have no request outside Next and are stubbed for the
 * host header and revalidatePath. The database, commands and policies are all real.
 *
 * Run: `npx vitest run --project integration tests/integration/authorization` (about 40–60 s
 * on two busy cores; each file builds its own world once).
 */
import type { Action, MembershipLike } from "@/lib/policies";
import { TRUTH_ROWS, type TruthCell } from "./truth";

export const PEOPLE = ["anonymous", "outsider", "viewer", "member", "muted", "editor", "moderator", "owner", "otherModerator"] as const;
export type Person = (typeof PEOPLE)[number];
/** Everyone but anonymous: the people with a user account (and an API token). */
export type SignedIn = Exclude<Person, "anonymous">;

/** Each person's place in the seminar group; null = not a member (the other group's moderator included). */
export const MEMBERSHIP: Record<Person, MembershipLike> = {
  anonymous: null,
  outsider: null,
  viewer: { role: "viewer", muted: false },
  member: { role: "member", muted: false },
  muted: { role: "member", muted: true },
  editor: { role: "editor", muted: false },
  moderator: { role: "moderator", muted: false },
  owner: { role: "owner", muted: false },
  otherModerator: null,
};

export type Outcome = "ok" | "unauthenticated" | "hidden" | "forbidden" | "refused";

/** A rule: its name for the report, whether anonymous callers get through, and the outcome for each person. */
export type Rule = { name: string; public?: boolean; decide: (person: SignedIn) => Outcome };

const OUTCOME: Record<TruthCell, Outcome> = { ok: "ok", "404": "hidden", "403": "forbidden", "422": "refused" };

/** A row of the truth table, as a rule named after it. */
export function truth(row: string): Rule {
  const cells = TRUTH_ROWS[row];
  if (!cells) throw new Error(`no row "${row}" in tests/integration/authorization/truth.ts`);
  return { name: row, decide: (p) => OUTCOME[cells[p]] };
}

/** The action's own row: outsiders 404, members without the right 403. */
export const byAction = (action: Action): Rule => truth(action);

/** The action on another's note, approved and group-visible unless `item` says otherwise. */
export function onItem(action: Action, item: { status?: "approved" | "pending" | "hidden" | "spam"; visibility?: "private" | "group" } = {}): Rule {
  const kind = item.visibility === "private" ? "private " : item.status && item.status !== "approved" ? `${item.status} ` : "";
  return truth(`${action} (another's ${kind}note)`);
}

/** A per-item rule on the caller's own note or on another's. */
export const onNote = (action: Action, whose: "own" | "others"): Rule => truth(`${action} (${whose === "own" ? "own" : "another's"} note)`);

export const SIGNED_IN: Rule = { name: "signed-in", decide: () => "ok" };
/** Something of another account's (an API token): nobody else learns it exists. */
export const ANOTHER_ACCOUNTS: Rule = { name: "signed-in; another account's: 404", decide: () => "hidden" };
export const PUBLIC: Rule = { name: "public", public: true, decide: () => "ok" };

/** What a person gets from a rule, anonymous included. */
export function expectedOutcome(rule: Rule, person: Person): Outcome {
  if (person === "anonymous") return rule.public ? "ok" : "unauthenticated";
  return rule.decide(person);
}

/** The outcome for every person, as a record (what the generated tests compare against). */
export function expectedRow<T>(rule: Rule, map: (outcome: Outcome, person: Person) => T, people: readonly Person[] = PEOPLE): Record<string, T> {
  return Object.fromEntries(people.map((p) => [p, map(expectedOutcome(rule, p), p)]));
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
