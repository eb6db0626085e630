import { db } from "@/lib/db";
import { createMember, createUser, FACTORY_PASSWORD } from "../../factories";
import { freshDocument, freshMember, freshSeminarGroup, invitationFor, inviteTo, openInvite, orphanItem, othersItem, ownItem, ownTokenId, strangersInvitation, strangersTokenId, userOf, type World } from "./fixtures";
import { ANOTHER_ACCOUNTS, byAction, onItem, onNote, PUBLIC, SIGNED_IN, truth, type Person, type Rule } from "./matrix";

type AnyAction = (...args: any[]) => Promise<unknown>;

export type ActionEntry = {
  /** The "use server" module, from the repository root. */
  file: string;
  /** The exported function's name. */
  name: string;
  variant?: string;
  rule: Rule;
  /** An allowed call redirects to a path starting with this (the form opens what it made) instead of answering `{ok: true}`. */
  redirects?: string;
  /** Why the generated tests do not call it; it is still in the inventory. */
  notCalled?: string;
  /** Changes the caller's own account (password, deletion): signed-in people act as a fresh account of their own, so the shared world stays intact. */
  ownAccount?: boolean;
  /** Calls the action for one person, with fresh rows when it changes state. */
  invoke?: (action: AnyAction, w: World, p: Person) => Promise<unknown>;
};

/** A fresh note of the author's whose thread a moderator locked. */
const lockedItem = async (w: World) => db().annotation.update({ where: { id: (await othersItem(w)).id }, data: { locked: true } });

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const SESSION_FORMS = "creates or ends the session itself (no actor to authorize); covered by tests/integration/auth/sign-in.test.ts and the onboarding e2e";

export const ACTIONS_MATRIX: ActionEntry[] = [
  { file: "lib/actions/auth.ts", name: "signInAction", rule: PUBLIC, notCalled: SESSION_FORMS },
  { file: "lib/actions/auth.ts", name: "signUpAction", rule: PUBLIC, notCalled: SESSION_FORMS },
  { file: "lib/actions/auth.ts", name: "signOutAction", rule: PUBLIC, notCalled: SESSION_FORMS },
  { file: "lib/actions/auth.ts", name: "oauthSignInAction", rule: PUBLIC, notCalled: SESSION_FORMS },

  { file: "lib/actions/annotations.ts", name: "createAnnotationAction", rule: byAction("annotation.create"), invoke: (a, w) => a(w.doc.id, { body: "Matrix", tags: [], visibility: "group", quote: { exact: "sudden change", prefix: "great and ", suffix: "." }, position: { start: 55, end: 68 } }) },
  { file: "lib/actions/annotations.ts", name: "replyToAnnotationAction", rule: onNote("annotation.reply", "others"), invoke: async (a, w) => a(w.doc.id, (await othersItem(w)).id, "A reply") },
  { file: "lib/actions/annotations.ts", name: "replyToAnnotationAction", variant: "locked thread", rule: truth("annotation.reply (another's locked thread)"), invoke: async (a, w) => a(w.doc.id, (await lockedItem(w)).id, "A reply") },
  { file: "lib/actions/annotations.ts", name: "updateAnnotationAction", variant: "own", rule: onNote("annotation.edit", "own"), invoke: async (a, w, p) => a(w.doc.id, (await ownItem(w, p)).id, { body: "Edited", tags: [], visibility: "group" }) },
  { file: "lib/actions/annotations.ts", name: "updateAnnotationAction", variant: "another's", rule: onNote("annotation.edit", "others"), invoke: async (a, w) => a(w.doc.id, (await othersItem(w)).id, { body: "Edited", tags: [], visibility: "group" }) },
  { file: "lib/actions/annotations.ts", name: "deleteAnnotationAction", variant: "own", rule: onNote("annotation.delete", "own"), invoke: async (a, w, p) => a(w.doc.id, (await ownItem(w, p)).id) },
  { file: "lib/actions/annotations.ts", name: "deleteAnnotationAction", variant: "another's", rule: onNote("annotation.delete", "others"), invoke: async (a, w) => a(w.doc.id, (await othersItem(w)).id) },
  { file: "lib/actions/annotations.ts", name: "reattachAnnotationAction", variant: "own", rule: onNote("annotation.reattach", "own"), invoke: async (a, w, p) => a((await orphanItem(w, userOf(w, p) ?? w.author)).id, { method: "quote" }) },
  { file: "lib/actions/annotations.ts", name: "reattachAnnotationAction", variant: "another's", rule: onNote("annotation.reattach", "others"), invoke: async (a, w) => a((await orphanItem(w, w.author)).id, { method: "quote" }) },
  { file: "lib/actions/annotations.ts", name: "listAnnotationsAction", rule: byAction("document.read"), invoke: (a, w) => a(w.doc.id) },

  { file: "lib/actions/document-settings.ts", name: "followDocumentAction", rule: byAction("document.read"), invoke: (a, w) => a(w.doc.id, true) },
  { file: "lib/actions/document-settings.ts", name: "hideUntilPostedAction", rule: byAction("annotation.moderate"), invoke: (a, w) => a(w.doc.id, false) },
  { file: "lib/actions/documents.ts", name: "createDocumentAction", rule: byAction("document.create"), redirects: "/documents/", invoke: (a, w) => a(w.group.id, {}, form({ title: "Matrix text", format: "text", content: "Short text." })) },
  { file: "lib/actions/documents.ts", name: "deleteDocumentAction", rule: byAction("document.delete"), redirects: "/groups/", invoke: async (a, w) => a((await freshDocument(w)).id) },
  { file: "lib/actions/flags.ts", name: "flagAnnotationAction", rule: onItem("annotation.flag"), invoke: async (a, w) => a((await othersItem(w)).id, { reason: "off_topic" }) },

  { file: "lib/actions/groups.ts", name: "createGroupAction", rule: SIGNED_IN, redirects: "/groups/", invoke: (a) => a({}, form({ name: "Matrix seminar", moderation: "post" })) },
  { file: "lib/actions/groups.ts", name: "updateGroupAction", rule: byAction("group.update"), invoke: (a, w) => a(w.group.id, {}, form({ name: w.group.name, moderation: "post", description: "" })) },
  { file: "lib/actions/groups.ts", name: "deleteGroupAction", rule: byAction("group.delete"), redirects: "/groups", invoke: async (a, w) => a((await freshSeminarGroup(w)).id) },
  { file: "lib/actions/groups.ts", name: "addMemberAction", rule: byAction("member.manage"), invoke: async (a, w) => a(w.group.id, {}, form({ email: (await createUser()).email, role: "viewer" })) },
  { file: "lib/actions/groups.ts", name: "updateMemberAction", variant: "role", rule: byAction("member.manage"), invoke: async (a, w) => a(w.group.id, (await freshMember(w)).id, {}, form({ role: "viewer" })) },
  { file: "lib/actions/groups.ts", name: "updateMemberAction", variant: "muted", rule: byAction("member.mute"), invoke: async (a, w) => a(w.group.id, (await freshMember(w)).id, {}, form({ muted: "true" })) },
  { file: "lib/actions/groups.ts", name: "updateMemberAction", variant: "muted, a moderator", rule: truth("member.change (a moderator)"), invoke: async (a, w) => a(w.group.id, (await createMember(w.group.id, "moderator")).id, {}, form({ muted: "true" })) },
  { file: "lib/actions/groups.ts", name: "removeMemberAction", variant: "someone else", rule: byAction("member.manage"), invoke: async (a, w) => a(w.group.id, (await freshMember(w)).id) },

  { file: "lib/actions/invites.ts", name: "createInviteAction", rule: byAction("member.invite"), invoke: (a, w) => a(w.group.id, {}, form({ role: "viewer" })) },
  { file: "lib/actions/invites.ts", name: "revokeInviteAction", rule: byAction("member.manage"), invoke: async (a, w) => a(w.group.id, (await inviteTo(w, w.group.id, w.users.owner.id)).id) },
  { file: "lib/actions/invites.ts", name: "acceptInviteAction", variant: "anyone signed in holding the link", rule: SIGNED_IN, redirects: "/groups/", invoke: async (a, w) => a((await openInvite(w)).token, {}) },
  { file: "lib/actions/invites.ts", name: "acceptInvitationAction", variant: "own invitation", rule: SIGNED_IN, redirects: "/groups/", invoke: async (a, w, p) => a(await invitationFor(w, p)) },
  { file: "lib/actions/invites.ts", name: "acceptInvitationAction", variant: "another's invitation", rule: ANOTHER_ACCOUNTS, redirects: "/groups/", invoke: async (a, w) => a(await strangersInvitation(w)) },
  { file: "lib/actions/invites.ts", name: "declineInvitationAction", variant: "own invitation", rule: SIGNED_IN, invoke: async (a, w, p) => a(await invitationFor(w, p)) },
  { file: "lib/actions/invites.ts", name: "declineInvitationAction", variant: "another's invitation", rule: ANOTHER_ACCOUNTS, invoke: async (a, w) => a(await strangersInvitation(w)) },

  { file: "lib/actions/moderation.ts", name: "moderateItemsAction", variant: "one item", rule: onItem("annotation.moderate"), invoke: async (a, w) => a(w.group.id, [(await othersItem(w)).id], "hidden") },
  { file: "lib/actions/moderation.ts", name: "moderateItemsAction", variant: "several items", rule: onItem("annotation.moderate"), invoke: async (a, w) => a(w.group.id, [(await othersItem(w)).id, (await othersItem(w)).id], "spam") },
  { file: "lib/actions/moderation.ts", name: "lockThreadAction", rule: onItem("thread.lock"), invoke: async (a, w) => a(w.group.id, (await othersItem(w)).id, true) },
  { file: "lib/actions/moderation.ts", name: "addModeratorNoteAction", rule: onItem("moderation.note"), invoke: async (a, w) => a(w.group.id, (await othersItem(w)).id, {}, form({ body: "Watch this one" })) },
  { file: "lib/actions/moderation.ts", name: "muteAuthorAction", rule: byAction("member.mute"), invoke: async (a, w) => a(w.group.id, (await freshMember(w)).id, true) },
  { file: "lib/actions/moderation.ts", name: "markNotificationsReadAction", rule: SIGNED_IN, invoke: (a) => a("all") },

  { file: "lib/actions/preferences.ts", name: "updatePreferencesAction", rule: SIGNED_IN, invoke: (a) => a({}, form({ digestEmail: "on" })) },
  { file: "lib/actions/reactions.ts", name: "toggleReactionAction", rule: onItem("annotation.react"), invoke: async (a, w) => a((await othersItem(w)).id, "helpful", true) },
  { file: "lib/actions/reactions.ts", name: "resolveThreadAction", variant: "another's", rule: truth("annotation.resolve (another's thread)"), invoke: async (a, w) => a((await othersItem(w)).id, true) },
  { file: "lib/actions/reactions.ts", name: "resolveThreadAction", variant: "own", rule: truth("annotation.resolve (own thread)"), invoke: async (a, w, p) => a((await ownItem(w, p)).id, true) },
  { file: "lib/actions/account.ts", name: "changePasswordAction", rule: SIGNED_IN, ownAccount: true, invoke: (a) => a({}, form({ currentPassword: FACTORY_PASSWORD, newPassword: "matrix new password" })) },
  { file: "lib/actions/account.ts", name: "signOutEverywhereAction", rule: SIGNED_IN, ownAccount: true, redirects: "/signin", invoke: (a) => a({}) },
  { file: "lib/actions/account.ts", name: "deleteAccountAction", rule: SIGNED_IN, ownAccount: true, redirects: "/?account=deleted", invoke: (a) => a({}, form({ password: FACTORY_PASSWORD, groupNotes: "keep" })) },
  { file: "lib/actions/tokens.ts", name: "createTokenAction", rule: SIGNED_IN, invoke: (a) => a({}, form({ label: "matrix" })) },
  { file: "lib/actions/tokens.ts", name: "revokeTokenAction", variant: "own token", rule: SIGNED_IN, invoke: async (a, w, p) => a(await ownTokenId(w, p)) },
  { file: "lib/actions/tokens.ts", name: "revokeTokenAction", variant: "another's token", rule: ANOTHER_ACCOUNTS, invoke: async (a, w) => a(await strangersTokenId(w)) },
];
