/**
 * The authorization matrix: every entry point of the app × every kind of person, with the
 * outcome each must get, DERIVED from the permission table (lib/policies/actions.ts) and the
 * visibility rules of lib/policies/annotations.ts — never listed by hand per role.
 *
 * People (PEOPLE): anonymous (no credentials), an outsider (signed in, in no group of ours),
 * viewer, member, a muted member, editor, moderator and owner of the seminar group, and the
 * moderator of another group. Each entry names the rule that governs it:
 *   - `byAction(a)`: the standard rule. Anonymous → unauthenticated; not a member of the group →
 *     hidden (404: a group's existence must not leak); a member who does not hold `a` by
 *     ACTIONS[a].minRole / .posting (recomputed here from the table, not by calling can()) →
 *     forbidden (403); else ok.
 *   - `onItem(a)` / `onOwnItem(name, predicate)` / `onOthersItem(...)`: the same on an annotation,
 *     where "hidden" also means the annotation is not visible to the person (isAnnotationVisibleTo).
 *   - `SIGNED_IN`, `PUBLIC`: no group involved.
 * Surfaces map outcomes to what they answer: route handlers 401/404/403/<ok status>; server
 * actions `{error}` form state with the error's message, `{ok: true}` or a redirect; pages a
 * redirect to /signin, notFound(), the "for moderators only" notice, or a render; the
 * collaboration server refuses, connects read-only or read-write. The `*.test.ts` files beside
 * this one run every entry for every person; inventory.test.ts fails when a route file + HTTP
 * method, a server action or a page exists that no entry names (or an entry names one that is gone).
 *
 * What it covers (9 people each): routes.ts — 79 entries over the 62 method × file pairs of the
 * 38 route files (several per pair where one method checks different rights per field or per
 * item or token: own/another's, pending/hidden/private); actions.ts — 39 entries over the 33 exported
 * server actions (the 4 sign-in/sign-up/sign-out forms are named but not called: they create the
 * session rather than act for one); pages.ts — the 14 pages (the engagement page's notFound() for
 * members without the right is recorded there as a deviation); collab.ts — connect, read, write,
 * awareness and stateless per person, and live messages for approved, private, pending and hidden
 * items; cli.ts — the 3 CLI commands (none takes a group actor; a CLI-issued token walks the
 * muted member's whole route row).
 *
 * Seams, and nothing else: server actions and pages read the session through next-auth's auth(),
 * which the tests answer with the person's user id (currentUser() still loads the user from the
 * database); next/headers and next/cache have no request outside Next and are stubbed for the
 * host header and revalidatePath. The database, commands and policies are all real.
 *
 * Run: `npx vitest run --config vitest.config.ts tests/integration/authorization` (about 40–60 s
 * on two busy cores; each file builds its own world once).
 */
import { ACTIONS, ROLES, type Action, type MembershipLike, type Role } from "@/lib/policies";
import { isAnnotationVisibleTo, type AnnotationFacts, type Viewer } from "@/lib/policies/annotations";

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

export type Outcome = "ok" | "unauthenticated" | "hidden" | "forbidden";

/** A rule: its name for the report, whether anonymous callers get through, and the outcome for each person. */
export type Rule = { name: string; public?: boolean; decide: (person: SignedIn) => Outcome };

/** Whether a membership holds an action, read straight off ACTIONS (independent of lib/policies' can()). */
export function holds(membership: MembershipLike, action: Action): boolean {
  if (!membership) return false;
  const { minRole, posting } = ACTIONS[action];
  if (posting && membership.muted) return false;
  return ROLES.indexOf(membership.role as Role) >= ROLES.indexOf(minRole);
}

/** The standard rule: outsiders 404, members without the right 403. */
export function byAction(action: Action): Rule {
  return { name: action, decide: (p) => (!MEMBERSHIP[p] ? "hidden" : holds(MEMBERSHIP[p], action) ? "ok" : "forbidden") };
}

export const SIGNED_IN: Rule = { name: "signed-in", decide: () => "ok" };
/** Something of another account's (an API token): nobody else learns it exists. */
export const ANOTHER_ACCOUNTS: Rule = { name: "signed-in; another account's: 404", decide: () => "hidden" };
export const PUBLIC: Rule = { name: "public", public: true, decide: () => "ok" };

/** Placeholder user ids standing for "the caller" and "someone else" in annotation facts. */
const SELF = "self";
const OTHER = "other";
const viewerOf = (p: SignedIn): Viewer => ({ userId: SELF, membership: MEMBERSHIP[p] });
/** The annotations the entries act on: approved, visible to the group, by someone else or by the caller. */
export type ItemFacts = AnnotationFacts & { threadId: string | null };
export const OTHERS_ITEM: ItemFacts = { authorId: OTHER, visibility: "group", status: "approved", locked: false, deletedAt: null, thread: null, threadId: null };
export const OWN_ITEM: ItemFacts = { ...OTHERS_ITEM, authorId: SELF };

/** What an item is, for names: "another's item", "another's pending item", "another's private item". */
const describeItem = (item: ItemFacts) => `another's ${item.visibility === "private" ? "private " : ""}${item.status === "approved" ? "" : `${item.status} `}item`;

/**
 * An action on someone else's annotation (approved and group-visible unless `item` says otherwise):
 * hidden unless the person may see it (item visibility), then the action's rule.
 */
export function onItem(action: Action, item: Partial<ItemFacts> = {}): Rule {
  const facts = { ...OTHERS_ITEM, ...item };
  return { name: `${action} (on ${describeItem(facts)})`, decide: (p) => (!isAnnotationVisibleTo(viewerOf(p), facts) ? "hidden" : holds(MEMBERSHIP[p], action) ? "ok" : "forbidden") };
}

/** A rule decided by an annotation policy predicate on the caller's own or someone else's item. */
export function onAnnotation(name: string, whose: "own" | "others", predicate: (viewer: Viewer, item: ItemFacts) => boolean): Rule {
  const item = whose === "own" ? OWN_ITEM : OTHERS_ITEM;
  return { name: `${name} (on ${whose === "own" ? "the caller's own" : "another's"} item)`, decide: (p) => (!isAnnotationVisibleTo(viewerOf(p), item) ? "hidden" : predicate(viewerOf(p), item) ? "ok" : "forbidden") };
}

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
