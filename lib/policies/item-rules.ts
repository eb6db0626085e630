import { ForbiddenError, NotFoundError, UnprocessableError, type AppError } from "../errors";
import type { Action } from "./actions";
import type { AnnotationFacts } from "./annotations";
import { roleRank, type MembershipLike, type Role } from "./roles";

/** What an item rule is given: the item, whether it is the viewer's own, and the viewer's role rights. */
type ItemContext<T> = { item: T; own: boolean; membership: NonNullable<MembershipLike>; holds: (action: Action) => boolean };

/** A thread's top-level annotation, for the thread rules (resolve). */
export type ThreadFacts = AnnotationFacts & { threadId: string | null };

/** The items per-item actions act on; "annotation" and "thread" items must also be visible to the viewer. */
export const ANNOTATION_ITEMS = ["annotation", "thread"] as const;
type Items = { annotation: AnnotationFacts; thread: ThreadFacts; role: Role; member: { role: Role }; flag: { userId: string } };

/** Who an item belongs to, for "own" rules: an annotation's author, a flag's flagger; roles and members belong to nobody. */
export function ownerOf(kind: keyof Items, item: unknown): string | null {
  if (kind === "annotation" || kind === "thread") return (item as AnnotationFacts).authorId;
  if (kind === "flag") return (item as Items["flag"]).userId;
  return null;
}

type ItemRule<K extends keyof Items> = { on: K; allow: (context: ItemContext<Items[K]>) => boolean; refusal: (membership: NonNullable<MembershipLike>) => AppError };

const forbidden = (message: string) => () => new ForbiddenError(message);
const itemRule = <K extends keyof Items>(rule: ItemRule<K>) => rule;
const isThreadLocked = (item: AnnotationFacts) => Boolean(item.thread ? item.thread.locked : item.locked);

/**
 * The per-item rules, alongside the role rules of ACTIONS (actions.ts): after the role part of ACTIONS holds (and the
 * item is visible), `allow` decides; `refusal` is the error a refused request answers.
 */
export const ITEM_RULES = {
  // Reactions are posts on a note one can see; nothing more to decide on the note itself.
  "annotation.react": itemRule({ on: "annotation", allow: () => true, refusal: forbidden("You cannot react to this annotation") }),
  "annotation.edit": itemRule({ on: "annotation", allow: ({ own }) => own, refusal: forbidden("Only the author may edit an annotation") }),
  "annotation.delete": itemRule({ on: "annotation", allow: ({ own }) => own, refusal: forbidden("Only the author may delete an annotation") }),
  "annotation.reply": itemRule({ on: "annotation", allow: ({ item, holds }) => !isThreadLocked(item) || holds("thread.lock"), refusal: forbidden("This thread is locked") }),
  // Resolving posts nothing: an author keeps it while muted. Replies are not threads.
  "annotation.resolve": itemRule({ on: "thread", allow: ({ item, own, holds }) => item.threadId === null && (own || holds("annotation.moderate")), refusal: forbidden("Only the thread's author or a moderator can resolve it") }),
  // Authors re-attach their own while they may post; moderators anyone's.
  "annotation.reattach": itemRule({ on: "annotation", allow: ({ own, holds }) => (own ? holds("annotation.create") : holds("annotation.moderate")), refusal: forbidden("Only the annotation's author or a moderator can re-attach it") }),
  // One's own words are edited or deleted, not reported.
  "annotation.flag": itemRule({ on: "annotation", allow: ({ own }) => !own, refusal: () => new UnprocessableError("You cannot flag your own annotation; edit or delete it instead", "own_annotation") }),
  // A flag is between the person who raised it and the group's moderators; to anyone else it does not exist.
  "flag.read": itemRule({ on: "flag", allow: ({ own, holds }) => own || holds("moderation.read"), refusal: () => new NotFoundError("Flag") }),
  // Mutes and role changes reach only people below the actor: a moderator mutes members, never
  // another moderator or an owner. Owners hold the group, so they also reach each other (the
  // last-owner rule keeps one in place). The change itself still needs member.mute or member.manage.
  "member.change": itemRule({ on: "member", allow: ({ item, membership }) => membership.role === "owner" || roleRank(item.role) < roleRank(membership.role), refusal: forbidden("You can only mute or change the role of people below your own role") }),
  // Nobody hands out more than they hold.
  "member.invite": itemRule({ on: "role", allow: ({ item, membership }) => roleRank(item) <= roleRank(membership.role), refusal: (membership) => new ForbiddenError(`You can invite people as ${membership.role} at most`) }),
} as const satisfies { [A in Action]?: { on: keyof Items } };

/** Actions decided on one item: can() and authorize() take the item too. */
export type ItemAction = keyof typeof ITEM_RULES;
/** Actions decided by the role alone. */
export type RoleAction = Exclude<Action, ItemAction>;
/** What an item action acts on. */
export type ItemOf<A extends ItemAction> = Items[(typeof ITEM_RULES)[A]["on"]];

export function isItemAction(action: Action): action is ItemAction {
  return action in ITEM_RULES;
}
