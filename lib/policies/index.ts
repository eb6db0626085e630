import { ForbiddenError, NotFoundError } from "../errors";
import { ACTIONS, ACTION_NAMES, holdsRole, type Action } from "./actions";
import { ANNOTATION_ITEMS, isItemAction, ITEM_RULES, ownerOf, type ItemAction, type ItemOf, type RoleAction } from "./item-rules";
import { isAnnotationVisibleTo, type AnnotationFacts, type Viewer } from "./annotations";
import type { MembershipLike, Role } from "./roles";

export { ACTIONS, ACTION_NAMES, type Action } from "./actions";
export { ITEM_RULES, type ItemAction, type ItemOf, type RoleAction, type ThreadFacts } from "./item-rules";
export { ROLES, isRole, roleRank, type MembershipLike, type Role } from "./roles";

/** Who asks: a Viewer (user and membership), or a bare membership where no item of theirs is involved. */
export type Subject = Viewer | MembershipLike;

function viewerOf(subject: Subject): Viewer {
  return subject && "membership" in subject ? subject : { userId: null, membership: subject };
}

function isOnAnnotation(action: Action): boolean {
  return isItemAction(action) && (ANNOTATION_ITEMS as readonly string[]).includes(ITEM_RULES[action].on);
}

/** Why the role part refused: a muted member whose role would do is told they are muted. */
function refusedByRole(membership: NonNullable<MembershipLike>, action: Action): string {
  if (membership.muted && holdsRole({ ...membership, muted: false }, action)) return "You are muted in this group: you can read, but not post";
  return `Your role does not allow: ${ACTIONS[action].description.toLowerCase()}`;
}

type Decision = "ok" | "not-found" | "forbidden" | "refused";

function decide(subject: Subject, action: Action, item?: unknown): Decision {
  const viewer = viewerOf(subject);
  const membership = viewer.membership;
  if (!membership) return "not-found";
  if (!isItemAction(action)) return holdsRole(membership, action) ? "ok" : "forbidden";
  const rule = ITEM_RULES[action];
  const onAnnotation = isOnAnnotation(action);
  if (onAnnotation && !isAnnotationVisibleTo(viewer, item as AnnotationFacts)) return "not-found";
  if (!holdsRole(membership, action)) return "forbidden";
  const own = viewer.userId !== null && viewer.userId === ownerOf(rule.on, item);
  const allowed = (rule.allow as (context: object) => boolean)({ item, own, membership, holds: (a: Action) => holdsRole(membership, a) });
  return allowed ? "ok" : "refused";
}

/**
 * Whether the subject may take the action: by role alone, or, for an action on one item (see
 * ITEM_RULES), on that item, which must also be visible to them. Pure: no queries, no I/O.
 */
export function can(subject: Subject, action: RoleAction): boolean;
export function can<A extends ItemAction>(subject: Subject, action: A, item: ItemOf<A>): boolean;
export function can(subject: Subject, action: Action, item?: unknown): boolean {
  return decide(subject, action, item) === "ok";
}

/**
 * Throws unless can() says yes: NotFound for outsiders and for items they cannot see (their
 * existence must not leak), Forbidden for members who lack the right, the item rule's refusal
 * for a right that this item does not allow.
 */
export function authorize(subject: Subject, action: RoleAction, what?: string): void;
export function authorize<A extends ItemAction>(subject: Subject, action: A, item: ItemOf<A>, what?: string): void;
export function authorize(subject: Subject, action: Action, ...rest: unknown[]): void {
  const item = isItemAction(action) ? rest[0] : undefined;
  const what = (isItemAction(action) ? rest[1] : rest[0]) as string | undefined;
  const decision = decide(subject, action, item);
  if (decision === "ok") return;
  if (decision === "not-found") throw new NotFoundError(what ?? (isOnAnnotation(action) ? "Annotation" : "Group"));
  if (decision === "forbidden") throw new ForbiddenError(refusedByRole(viewerOf(subject).membership!, action));
  throw ITEM_RULES[action as ItemAction].refusal(viewerOf(subject).membership!);
}

/**
 * Every action with whether the membership holds it, for presenters and the UI. For an action on
 * one item this is its role part: whether the role allows it on some item (its own, an open thread).
 */
export function abilities(membership: MembershipLike): Record<Action, boolean> {
  return Object.fromEntries(ACTION_NAMES.map((a) => [a, holdsRole(membership, a)])) as Record<Action, boolean>;
}

/** Owners may not demote or remove the last owner, or a group would be unmanageable. */
export function isLastOwner(target: { role: Role }, ownerCount: number): boolean {
  return target.role === "owner" && ownerCount <= 1;
}
