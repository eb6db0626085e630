import { NextRequest } from "next/server";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { FACTORY_PASSWORD, createMember, createUser } from "../../factories";
import { db } from "@/lib/db";
import { freshDocument, freshMember, freshSeminarGroup, invitationFor, openInvite, orphanItem, othersFlag, othersItem, ownItem, ownTokenId, strangersInvitation, strangersTokenId, userOf, inviteTo, type World } from "./fixtures";
import { ANOTHER_ACCOUNTS, byAction, MEMBERSHIP, onItem, onNote, PUBLIC, SIGNED_IN, truth, type HttpMethod, type Person, type Rule } from "./matrix";

/** How one route handler is called: route params, query (in `path`), body, extra headers. */
export type RouteRequest = { params?: Record<string, string>; path?: string; json?: unknown; body?: string; headers?: Record<string, string> };

export type RouteEntry = {
  /** The route file, from the repository root. */
  file: string;
  method: HttpMethod;
  /** Tells apart several entries for one method (a PATCH that checks different rights per field). */
  variant?: string;
  rule: Rule;
  /** The status of an allowed call. */
  ok: number;
  /** Changes the caller's own account (password, deletion): signed-in people call as a fresh account of their own, so the shared world stays intact. */
  ownAccount?: boolean;
  /** A response that never ends (server-sent events): check the status and cancel the body. */
  stream?: boolean;
  /**
   * For a rule that decides part of an answer rather than the answer (email addresses in a list
   * every member may read): what the part is, and whether a response carries it. A person the
   * rule allows gets the `ok` status with the part; a member it refuses (403 in the truth table)
   * gets the `ok` status without it; outsiders still get 404.
   */
  part?: { name: string; shown: (data: any, w: World, p: Person) => boolean };
  /** Builds the call for one person, creating fresh rows when the call changes state. */
  request: (w: World, p: Person) => RouteRequest | Promise<RouteRequest>;
};

const ORIGIN = "http://marginalia.test";
const g = (w: World) => ({ groupId: w.group.id });
const d = (w: World) => ({ documentId: w.doc.id });
const onText = (w: World, exact: string) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  body: { type: "TextualBody", value: "Matrix note", format: "text/plain", purpose: "commenting" },
  target: { source: `${ORIGIN}/documents/${w.doc.id}`, selector: { type: "TextQuoteSelector", exact } },
});
const forItem = async (w: World, p: Person, whose: "own" | "others") => {
  const item = whose === "own" ? await ownItem(w, p) : await othersItem(w);
  return { item, params: { documentId: w.doc.id, annotationId: item.id } };
};
const onOthers = async (w: World, json?: unknown, item: Parameters<typeof othersItem>[1] = {}): Promise<RouteRequest> => ({ params: { annotationId: (await othersItem(w, item)).id }, json });
const PENDING = { status: "pending" } as const;
const PRIVATE = { visibility: "private" } as const;
const HIDDEN = { status: "hidden" } as const;
const w3cItem = async (w: World, item: Parameters<typeof othersItem>[1]) => ({ params: { documentId: w.doc.id, annotationId: (await othersItem(w, item)).id } });

/** next-auth's sign-out form post: a CSRF token and its cookie from GET /api/auth/csrf first, as a browser would. */
async function signOutRequest(): Promise<RouteRequest> {
  const { GET } = await import("@/app/api/auth/[...nextauth]/route");
  const response = await GET(new NextRequest("http://marginalia.test/api/auth/csrf"));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const body = new URLSearchParams({ csrfToken, callbackUrl: "/" }).toString();
  return { path: "/api/auth/signout", params: { nextauth: ["signout"] } as never, body, headers: { "content-type": "application/x-www-form-urlencoded", cookie } };
}

/** A reply to a fresh note of the author's, in a thread locked or not. */
const replyTo = async (w: World, locked: boolean): Promise<RouteRequest> => {
  const parent = await othersItem(w);
  if (locked) await db().annotation.update({ where: { id: parent.id }, data: { locked: true } });
  const json = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "Matrix reply", format: "text/plain" }, target: `${ORIGIN}/api/annotations/${w.doc.id}/${parent.id}` };
  return { params: d(w), json };
};

export const ROUTES: RouteEntry[] = [
  // Public and account routes
  { file: "app/api/health/route.ts", method: "GET", rule: PUBLIC, ok: 200, request: () => ({}) },
  { file: "app/api/v1/openapi.json/route.ts", method: "GET", rule: PUBLIC, ok: 200, request: () => ({}) },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", rule: PUBLIC, ok: 200, request: () => ({ path: "/api/auth/providers", params: { nextauth: ["providers"] } as never }) },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "POST", rule: PUBLIC, ok: 302, variant: "sign out with a CSRF token", request: signOutRequest },
  { file: "app/api/v1/tokens/route.ts", method: "POST", rule: PUBLIC, ok: 201, request: (w, p) => ({ json: { email: (userOf(w, p) ?? w.stranger).email, password: FACTORY_PASSWORD, label: "matrix" } }) },
  { file: "app/api/v1/tokens/[tokenId]/route.ts", method: "DELETE", variant: "own token", rule: SIGNED_IN, ok: 204, request: async (w, p) => ({ params: { tokenId: await ownTokenId(w, p) } }) },
  { file: "app/api/v1/tokens/[tokenId]/route.ts", method: "DELETE", variant: "another's token", rule: ANOTHER_ACCOUNTS, ok: 204, request: async (w) => ({ params: { tokenId: await strangersTokenId(w) } }) },
  { file: "app/api/v1/me/route.ts", method: "GET", rule: SIGNED_IN, ok: 200, request: () => ({}) },
  { file: "app/api/v1/me/route.ts", method: "DELETE", rule: SIGNED_IN, ok: 204, ownAccount: true, request: () => ({ json: { password: FACTORY_PASSWORD, groupNotes: "keep" } }) },
  { file: "app/api/v1/me/sessions/route.ts", method: "DELETE", rule: SIGNED_IN, ok: 200, ownAccount: true, request: () => ({}) },
  { file: "app/api/v1/me/password/route.ts", method: "POST", rule: SIGNED_IN, ok: 200, ownAccount: true, request: () => ({ json: { currentPassword: FACTORY_PASSWORD, newPassword: "matrix new password" } }) },
  { file: "app/api/v1/me/export/route.ts", method: "GET", rule: SIGNED_IN, ok: 200, request: () => ({ path: "/api/v1/me/export?format=markdown" }) },
  { file: "app/api/v1/me/invitations/route.ts", method: "GET", rule: SIGNED_IN, ok: 200, request: () => ({}) },
  { file: "app/api/v1/me/invitations/[inviteId]/accept/route.ts", method: "POST", variant: "own invitation", rule: SIGNED_IN, ok: 201, request: async (w, p) => ({ params: { inviteId: await invitationFor(w, p) } }) },
  { file: "app/api/v1/me/invitations/[inviteId]/accept/route.ts", method: "POST", variant: "another's invitation", rule: ANOTHER_ACCOUNTS, ok: 201, request: async (w) => ({ params: { inviteId: await strangersInvitation(w) } }) },
  { file: "app/api/v1/me/invitations/[inviteId]/route.ts", method: "DELETE", variant: "own invitation", rule: SIGNED_IN, ok: 204, request: async (w, p) => ({ params: { inviteId: await invitationFor(w, p) } }) },
  { file: "app/api/v1/me/invitations/[inviteId]/route.ts", method: "DELETE", variant: "another's invitation", rule: ANOTHER_ACCOUNTS, ok: 204, request: async (w) => ({ params: { inviteId: await strangersInvitation(w) } }) },
  { file: "app/api/v1/groups/route.ts", method: "GET", rule: SIGNED_IN, ok: 200, request: () => ({}) },
  { file: "app/api/v1/groups/route.ts", method: "POST", rule: SIGNED_IN, ok: 201, request: () => ({ json: { name: "Matrix seminar", moderation: "post" } }) },
  { file: "app/api/v1/notifications/route.ts", method: "GET", rule: SIGNED_IN, ok: 200, request: () => ({}) },
  { file: "app/api/v1/notifications/read/route.ts", method: "POST", rule: SIGNED_IN, ok: 200, request: () => ({ json: { all: true } }) },
  { file: "app/api/v1/invites/[token]/route.ts", method: "GET", variant: "anyone holding the link", rule: PUBLIC, ok: 200, request: (w) => ({ params: { token: w.invite.token } }) },
  { file: "app/api/v1/invites/[token]/accept/route.ts", method: "POST", variant: "anyone signed in holding the link", rule: SIGNED_IN, ok: 201, request: async (w) => ({ params: { token: (await openInvite(w)).token } }) },

  // Groups, members, invitations
  { file: "app/api/v1/groups/[groupId]/route.ts", method: "GET", rule: byAction("group.read"), ok: 200, request: (w) => ({ params: g(w) }) },
  { file: "app/api/v1/groups/[groupId]/route.ts", method: "PATCH", rule: byAction("group.update"), ok: 200, request: (w) => ({ params: g(w), json: { name: w.group.name } }) },
  { file: "app/api/v1/groups/[groupId]/route.ts", method: "DELETE", rule: byAction("group.delete"), ok: 204, request: async (w) => ({ params: { groupId: (await freshSeminarGroup(w)).id } }) },
  { file: "app/api/v1/groups/[groupId]/members/route.ts", method: "GET", rule: byAction("group.read"), ok: 200, request: (w) => ({ params: g(w) }) },
  {
    file: "app/api/v1/groups/[groupId]/members/route.ts",
    method: "GET",
    variant: "email addresses",
    rule: byAction("member.emails"),
    ok: 200,
    part: { name: "others' emails", shown: (data: { items: { id: string; email?: string }[] }, w, p) => data.items.some((m) => m.email !== undefined && m.id !== userOf(w, p)?.id) },
    request: (w) => ({ params: g(w) }),
  },
  { file: "app/api/v1/groups/[groupId]/members/route.ts", method: "POST", rule: byAction("member.manage"), ok: 202, request: async (w) => ({ params: g(w), json: { email: (await createUser()).email, role: "viewer" } }) },
  { file: "app/api/v1/groups/[groupId]/members/[userId]/route.ts", method: "PATCH", variant: "role", rule: byAction("member.manage"), ok: 200, request: async (w) => ({ params: { ...g(w), userId: (await freshMember(w)).id }, json: { role: "viewer" } }) },
  { file: "app/api/v1/groups/[groupId]/members/[userId]/route.ts", method: "PATCH", variant: "muted", rule: byAction("member.mute"), ok: 200, request: async (w) => ({ params: { ...g(w), userId: (await freshMember(w)).id }, json: { muted: true } }) },
  { file: "app/api/v1/groups/[groupId]/members/[userId]/route.ts", method: "PATCH", variant: "muted, a moderator", rule: truth("member.change (a moderator)"), ok: 200, request: async (w) => ({ params: { ...g(w), userId: (await createMember(w.group.id, "moderator")).id }, json: { muted: true } }) },
  { file: "app/api/v1/groups/[groupId]/members/[userId]/route.ts", method: "DELETE", variant: "someone else", rule: byAction("member.manage"), ok: 204, request: async (w) => ({ params: { ...g(w), userId: (await freshMember(w)).id } }) },
  { file: "app/api/v1/groups/[groupId]/invites/route.ts", method: "GET", rule: byAction("member.manage"), ok: 200, request: (w) => ({ params: g(w) }) },
  { file: "app/api/v1/groups/[groupId]/invites/route.ts", method: "POST", rule: byAction("member.invite"), ok: 201, request: (w) => ({ params: g(w), json: { role: "viewer" } }) },
  { file: "app/api/v1/groups/[groupId]/invites/[inviteId]/route.ts", method: "GET", rule: byAction("member.manage"), ok: 200, request: (w) => ({ params: { ...g(w), inviteId: w.invite.id } }) },
  { file: "app/api/v1/groups/[groupId]/invites/[inviteId]/route.ts", method: "DELETE", rule: byAction("member.manage"), ok: 204, request: async (w) => ({ params: { ...g(w), inviteId: (await inviteTo(w, w.group.id, w.users.owner.id)).id } }) },
  { file: "app/api/v1/groups/[groupId]/documents/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: g(w) }) },
  { file: "app/api/v1/groups/[groupId]/search/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: g(w), path: "/s?q=margin" }) },
  { file: "app/api/v1/groups/[groupId]/engagement/route.ts", method: "GET", rule: byAction("moderation.read"), ok: 200, request: (w) => ({ params: g(w) }) },
  { file: "app/api/v1/groups/[groupId]/moderation/queue/route.ts", method: "GET", rule: byAction("moderation.read"), ok: 200, request: (w) => ({ params: g(w), path: "/q?filter=flagged" }) },
  { file: "app/api/v1/groups/[groupId]/moderation/log/route.ts", method: "GET", rule: byAction("moderation.read"), ok: 200, request: (w) => ({ params: g(w) }) },
  { file: "app/api/v1/groups/[groupId]/moderation/bulk/route.ts", method: "POST", rule: byAction("annotation.moderate"), ok: 200, request: async (w) => ({ params: g(w), json: { ids: [(await othersItem(w)).id], status: "spam" } }) },
  { file: "app/api/v1/groups/[groupId]/moderation/events/route.ts", method: "GET", rule: byAction("moderation.read"), ok: 200, stream: true, request: (w) => ({ params: g(w) }) },

  // Documents
  { file: "app/api/v1/documents/route.ts", method: "POST", rule: byAction("document.create"), ok: 201, request: (w) => ({ json: { groupId: w.group.id, title: "Matrix text", format: "text", content: "Short text." } }) },
  { file: "app/api/v1/documents/[documentId]/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/v1/documents/[documentId]/route.ts", method: "PATCH", variant: "title", rule: byAction("document.update"), ok: 200, request: (w) => ({ params: d(w), json: { title: w.doc.title } }) },
  { file: "app/api/v1/documents/[documentId]/route.ts", method: "PATCH", variant: "hideUntilPosted", rule: byAction("annotation.moderate"), ok: 200, request: (w) => ({ params: d(w), json: { hideUntilPosted: false } }) },
  { file: "app/api/v1/documents/[documentId]/route.ts", method: "DELETE", rule: byAction("document.delete"), ok: 204, request: async (w) => ({ params: { documentId: (await freshDocument(w)).id } }) },
  { file: "app/api/v1/documents/[documentId]/text/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/v1/documents/[documentId]/follow/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/v1/documents/[documentId]/follow/route.ts", method: "PUT", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/v1/documents/[documentId]/follow/route.ts", method: "DELETE", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/v1/documents/[documentId]/mentionable/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w), path: "/m?q=re" }) },
  { file: "app/api/v1/documents/[documentId]/annotations/export/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w), path: "/e?format=csv" }) },
  { file: "app/api/v1/documents/[documentId]/annotations/import/route.ts", method: "POST", rule: byAction("annotation.create"), ok: 200, request: (w) => ({ params: d(w), json: [] }) },

  // W3C Web Annotation Protocol
  { file: "app/api/annotations/[documentId]/route.ts", method: "GET", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/annotations/[documentId]/route.ts", method: "HEAD", rule: byAction("document.read"), ok: 200, request: (w) => ({ params: d(w) }) },
  { file: "app/api/annotations/[documentId]/route.ts", method: "OPTIONS", rule: byAction("document.read"), ok: 204, request: (w) => ({ params: d(w) }) },
  { file: "app/api/annotations/[documentId]/route.ts", method: "POST", rule: byAction("annotation.create"), ok: 201, request: (w) => ({ params: d(w), json: onText(w, "sudden change") }) },
  { file: "app/api/annotations/[documentId]/route.ts", method: "POST", variant: "a reply", rule: onNote("annotation.reply", "others"), ok: 201, request: (w) => replyTo(w, false) },
  { file: "app/api/annotations/[documentId]/route.ts", method: "POST", variant: "a reply in a locked thread", rule: truth("annotation.reply (another's locked thread)"), ok: 201, request: (w) => replyTo(w, true) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "GET", rule: onItem("document.read"), ok: 200, request: async (w, p) => ({ params: (await forItem(w, p, "others")).params }) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "GET", variant: "pending", rule: onItem("document.read", PENDING), ok: 200, request: (w) => w3cItem(w, PENDING) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "GET", variant: "hidden", rule: onItem("document.read", HIDDEN), ok: 200, request: (w) => w3cItem(w, HIDDEN) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "GET", variant: "private", rule: onItem("document.read", PRIVATE), ok: 200, request: (w) => w3cItem(w, PRIVATE) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "HEAD", rule: onItem("document.read"), ok: 200, request: async (w, p) => ({ params: (await forItem(w, p, "others")).params }) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "OPTIONS", rule: onItem("document.read"), ok: 204, request: async (w, p) => ({ params: (await forItem(w, p, "others")).params }) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "PUT", variant: "own", rule: onNote("annotation.edit", "own"), ok: 200, request: async (w, p) => ({ params: (await forItem(w, p, "own")).params, json: onText(w, "a great and sudden change") }) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "PUT", variant: "another's", rule: onNote("annotation.edit", "others"), ok: 200, request: async (w, p) => ({ params: (await forItem(w, p, "others")).params, json: onText(w, "a great and sudden change") }) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "DELETE", variant: "own", rule: onNote("annotation.delete", "own"), ok: 204, request: async (w, p) => ({ params: (await forItem(w, p, "own")).params }) },
  { file: "app/api/annotations/[documentId]/[annotationId]/route.ts", method: "DELETE", variant: "another's", rule: onNote("annotation.delete", "others"), ok: 204, request: async (w, p) => ({ params: (await forItem(w, p, "others")).params }) },

  // Annotation side routes (/api/v1/annotations/{id}/…)
  { file: "app/api/v1/annotations/[annotationId]/flags/route.ts", method: "POST", rule: onItem("annotation.flag"), ok: 201, request: (w) => onOthers(w, { reason: "off_topic" }) },
  { file: "app/api/v1/annotations/[annotationId]/flags/route.ts", method: "POST", variant: "pending", rule: onItem("annotation.flag", PENDING), ok: 201, request: (w) => onOthers(w, { reason: "off_topic" }, PENDING) },
  { file: "app/api/v1/annotations/[annotationId]/flags/route.ts", method: "POST", variant: "own note", rule: onNote("annotation.flag", "own"), ok: 201, request: async (w, p) => ({ params: { annotationId: (await ownItem(w, p)).id }, json: { reason: "off_topic" } }) },
  { file: "app/api/v1/annotations/[annotationId]/flags/route.ts", method: "POST", variant: "private", rule: onItem("annotation.flag", PRIVATE), ok: 201, request: (w) => onOthers(w, { reason: "off_topic" }, PRIVATE) },
  { file: "app/api/v1/annotations/[annotationId]/flags/route.ts", method: "GET", rule: onItem("moderation.read"), ok: 200, request: (w) => onOthers(w) },
  { file: "app/api/v1/annotations/[annotationId]/flags/[flagId]/route.ts", method: "GET", variant: "another's flag", rule: truth("flag.read (another's flag)"), ok: 200, request: async (w) => {
    const { item, flag } = await othersFlag(w);
    return { params: { annotationId: item.id, flagId: flag.id } };
  } },
  { file: "app/api/v1/annotations/[annotationId]/flags/[flagId]/route.ts", method: "GET", variant: "own flag", rule: truth("flag.read (own flag)"), ok: 200, request: async (w, p) => {
    const item = await othersItem(w);
    const flagger = userOf(w, p) && MEMBERSHIP[p] ? userOf(w, p)! : w.flagger;
    const flag = await flagAnnotation({ actorId: flagger.id, annotationId: item.id, input: { reason: "spam" } });
    return { params: { annotationId: item.id, flagId: flag.id } };
  } },
  { file: "app/api/v1/annotations/[annotationId]/moderation/route.ts", method: "PATCH", rule: onItem("annotation.moderate"), ok: 200, request: (w) => onOthers(w, { status: "hidden" }) },
  { file: "app/api/v1/annotations/[annotationId]/moderation/route.ts", method: "PATCH", variant: "pending", rule: onItem("annotation.moderate", PENDING), ok: 200, request: (w) => onOthers(w, { status: "approved" }, PENDING) },
  { file: "app/api/v1/annotations/[annotationId]/moderation/route.ts", method: "PATCH", variant: "private", rule: onItem("annotation.moderate", PRIVATE), ok: 200, request: (w) => onOthers(w, { status: "hidden" }, PRIVATE) },
  { file: "app/api/v1/annotations/[annotationId]/lock/route.ts", method: "POST", variant: "private", rule: onItem("thread.lock", PRIVATE), ok: 200, request: (w) => onOthers(w, undefined, PRIVATE) },
  { file: "app/api/v1/annotations/[annotationId]/notes/route.ts", method: "POST", variant: "private", rule: onItem("moderation.note", PRIVATE), ok: 201, request: (w) => onOthers(w, { body: "x" }, PRIVATE) },
  { file: "app/api/v1/annotations/[annotationId]/reactions/[kind]/route.ts", method: "PUT", variant: "pending", rule: onItem("annotation.react", PENDING), ok: 200, request: async (w) => ({ params: { annotationId: (await othersItem(w, PENDING)).id, kind: "helpful" } }) },
  { file: "app/api/v1/annotations/[annotationId]/lock/route.ts", method: "POST", rule: onItem("thread.lock"), ok: 200, request: (w) => onOthers(w) },
  { file: "app/api/v1/annotations/[annotationId]/lock/route.ts", method: "DELETE", rule: onItem("thread.lock"), ok: 200, request: (w) => onOthers(w) },
  { file: "app/api/v1/annotations/[annotationId]/notes/route.ts", method: "POST", rule: onItem("moderation.note"), ok: 201, request: (w) => onOthers(w, { body: "Watch this one" }) },
  { file: "app/api/v1/annotations/[annotationId]/notes/route.ts", method: "GET", rule: onItem("moderation.read"), ok: 200, request: (w) => onOthers(w) },
  { file: "app/api/v1/annotations/[annotationId]/reactions/[kind]/route.ts", method: "PUT", rule: onItem("annotation.react"), ok: 200, request: async (w) => ({ params: { annotationId: (await othersItem(w)).id, kind: "helpful" } }) },
  { file: "app/api/v1/annotations/[annotationId]/reactions/[kind]/route.ts", method: "DELETE", rule: onItem("annotation.react"), ok: 200, request: async (w) => ({ params: { annotationId: (await othersItem(w)).id, kind: "helpful" } }) },
  { file: "app/api/v1/annotations/[annotationId]/reattach/route.ts", method: "POST", variant: "another's", rule: onNote("annotation.reattach", "others"), ok: 200, request: async (w) => ({ params: { annotationId: (await orphanItem(w, w.author)).id }, json: { method: "quote" } }) },
  { file: "app/api/v1/annotations/[annotationId]/reattach/route.ts", method: "POST", variant: "own", rule: onNote("annotation.reattach", "own"), ok: 200, request: async (w, p) => ({ params: { annotationId: (await orphanItem(w, userOf(w, p) ?? w.author)).id }, json: { method: "quote" } }) },
  { file: "app/api/v1/annotations/[annotationId]/resolve/route.ts", method: "POST", variant: "another's", rule: truth("annotation.resolve (another's thread)"), ok: 200, request: (w) => onOthers(w) },
  { file: "app/api/v1/annotations/[annotationId]/resolve/route.ts", method: "POST", variant: "own", rule: truth("annotation.resolve (own thread)"), ok: 200, request: async (w, p) => ({ params: { annotationId: (await ownItem(w, p)).id } }) },
  { file: "app/api/v1/annotations/[annotationId]/resolve/route.ts", method: "DELETE", variant: "another's", rule: truth("annotation.resolve (another's thread)"), ok: 200, request: (w) => onOthers(w) },
];
