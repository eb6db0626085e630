/**
 * Every operation of the HTTP API, with the zod schemas that validate its input (the same objects
 * the commands parse with, imported from lib/validation). lib/openapi/document.ts turns this list
 * into the OpenAPI 3.1 document served at /api/v1/openapi.json; tests/integration/api/openapi.test.ts
 * fails when a route handler exists without an entry here, or an entry without a route handler.
 */
import { z } from "zod";
import { accountDeleteInput, accountExportQuery, passwordChangeInput } from "../validation/account";
import { w3cAnnotationInput } from "../validation/annotation";
import { bulkModerationInput, flagInput, logQuery, markReadInput, moderationInput, moderatorNoteInput, notificationsQuery, queueQuery } from "../validation/moderation";
import { reattachInput } from "../validation/reattach";
import {
  documentCreateInput,
  documentUpdateInput,
  groupCreateInput,
  groupUpdateInput,
  memberAddInput,
  memberUpdateInput,
  mentionableQuery,
  tokenCreateInput,
} from "../validation/schemas";
import { inviteCreateInput } from "../validation/invites";
import { reactionKind } from "../validation/reactions";
import { searchInput } from "../validation/search";

export const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** Who may call it; every call also passes the role rules of lib/policies. */
export type Access = "public" | "signed-in";

export type Operation = {
  method: Method;
  /** OpenAPI path template, e.g. /api/v1/groups/{groupId}. */
  path: string;
  /** Groups operations in the reference (OpenAPI tags). */
  tag: "Annotations (W3C)" | "Annotations" | "Moderation" | "Documents" | "Groups" | "Invitations" | "Account" | "Service";
  summary: string;
  /** More than a line: what the answer holds, what else happens. Markdown-free prose. */
  description?: string;
  access: Access;
  /** Request body schema (JSON unless `bodyType` says otherwise). */
  body?: z.ZodType;
  bodyType?: string;
  /** Query string schema; its top-level keys become query parameters. */
  query?: z.ZodType;
  /** Path parameters that are more than an opaque id. */
  pathParams?: Record<string, z.ZodType>;
  /** Successful statuses with what they mean; error statuses come from `errors`. */
  responses: Record<number, string>;
  errors?: number[];
};

const exportQuery = z.object({ format: z.enum(["jsonld", "csv", "markdown"]).optional() });
const containerQuery = z.object({ page: z.coerce.number().int().min(0).optional(), iris: z.enum(["0", "1"]).optional() });
const engagementQuery = z.object({ format: z.enum(["json", "csv"]).optional() });
const importBody = z.union([z.array(w3cAnnotationInput), z.looseObject({ type: z.string().optional(), items: z.array(w3cAnnotationInput) })]);

const W3C = "Annotations (W3C)";
const readErrors = [401, 404];
const writeErrors = [400, 401, 403, 404, 429];

export const OPERATIONS: readonly Operation[] = [
  // The W3C Web Annotation Protocol container and its annotations.
  { method: "GET", path: "/api/annotations/{documentId}/", tag: W3C, summary: "The document's annotation container (Prefer, ?iris=1, ?page=N)", description: 'Pages of 100; Prefer selects IRIs or embedded descriptions; ETag, If-None-Match and Link headers as the W3C Web Annotation Protocol says.', access: "signed-in", query: containerQuery, responses: { 200: "The container or one page of it", 304: "Not modified (If-None-Match)" }, errors: readErrors },
  { method: "HEAD", path: "/api/annotations/{documentId}/", tag: W3C, summary: "The container's headers (ETag, Link, Allow) without the body", access: "signed-in", responses: { 200: "Headers only" }, errors: readErrors },
  { method: "OPTIONS", path: "/api/annotations/{documentId}/", tag: W3C, summary: "What the container supports", access: "signed-in", responses: { 200: "Allow and Accept-Post headers" }, errors: readErrors },
  { method: "POST", path: "/api/annotations/{documentId}/", tag: W3C, summary: "Create an annotation or a reply", access: "signed-in", body: w3cAnnotationInput, bodyType: "application/ld+json", responses: { 201: "The annotation, with Location" }, errors: [...writeErrors, 413, 422, 503] },
  { method: "GET", path: "/api/annotations/{documentId}/{annotationId}", tag: W3C, summary: "One annotation", access: "signed-in", responses: { 200: "The annotation", 304: "Not modified (If-None-Match)" }, errors: [...readErrors, 410] },
  { method: "HEAD", path: "/api/annotations/{documentId}/{annotationId}", tag: W3C, summary: "The annotation's headers without the body", access: "signed-in", responses: { 200: "Headers only" }, errors: [...readErrors, 410] },
  { method: "OPTIONS", path: "/api/annotations/{documentId}/{annotationId}", tag: W3C, summary: "What the annotation supports", access: "signed-in", responses: { 200: "Allow header" }, errors: [...readErrors, 410] },
  { method: "PUT", path: "/api/annotations/{documentId}/{annotationId}", tag: W3C, summary: "Replace the annotation (If-Match with a stale ETag → 412)", access: "signed-in", body: w3cAnnotationInput, bodyType: "application/ld+json", responses: { 200: "The annotation" }, errors: [...writeErrors, 410, 412, 422, 503] },
  { method: "DELETE", path: "/api/annotations/{documentId}/{annotationId}", tag: W3C, summary: "Delete the annotation (and a thread's replies)", access: "signed-in", responses: { 204: "Deleted; later reads answer 410" }, errors: [...writeErrors, 410, 412] },

  // Discussion on annotations.
  { method: "PUT", path: "/api/v1/annotations/{annotationId}/reactions/{kind}", tag: "Annotations", summary: "Add my reaction (idempotent)", access: "signed-in", pathParams: { kind: reactionKind }, responses: { 200: "The reaction counts" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/annotations/{annotationId}/reactions/{kind}", tag: "Annotations", summary: "Take my reaction back (idempotent)", access: "signed-in", pathParams: { kind: reactionKind }, responses: { 200: "The reaction counts" }, errors: writeErrors },
  { method: "POST", path: "/api/v1/annotations/{annotationId}/resolve", tag: "Annotations", summary: "Mark the thread resolved (its author or a moderator)", access: "signed-in", responses: { 200: "The annotation" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/annotations/{annotationId}/resolve", tag: "Annotations", summary: "Open the thread again", access: "signed-in", responses: { 200: "The annotation" }, errors: writeErrors },
  { method: "POST", path: "/api/v1/annotations/{annotationId}/reattach", tag: "Annotations", summary: "Tie an orphaned annotation to the text again: its quote found again, or selected words (its author or a moderator)", description: 'For an orphaned annotation (its words were deleted). {"method": "quote"} finds its stored quote again (exact words, told apart by prefix and suffix); {"method": "selection", exact, prefix?, suffix?, start, end} attaches it to those words. Exact matches only: 422 quote_not_found or quote_ambiguous; 409 not_orphaned for one still on its words.', access: "signed-in", body: reattachInput, responses: { 200: "The annotation" }, errors: [...writeErrors, 409, 422] },
  { method: "POST", path: "/api/v1/annotations/{annotationId}/flags", tag: "Moderation", summary: "Flag an item for the moderators, once per person", access: "signed-in", body: flagInput, responses: { 201: "The flag" }, errors: [...writeErrors, 409, 422], description: "422 own_annotation: one's own note is edited or deleted, not flagged." },
  { method: "GET", path: "/api/v1/annotations/{annotationId}/flags", tag: "Moderation", summary: "Every flag on an item, without flaggers (moderators)", access: "signed-in", responses: { 200: "The flags" }, errors: [...readErrors, 403] },
  { method: "GET", path: "/api/v1/annotations/{annotationId}/flags/{flagId}", tag: "Moderation", summary: "One flag, for the person who raised it and for moderators", access: "signed-in", responses: { 200: "The flag" }, errors: readErrors },
  { method: "POST", path: "/api/v1/annotations/{annotationId}/lock", tag: "Moderation", summary: "Lock the item's thread: no new replies (moderators)", access: "signed-in", responses: { 200: "The thread's top annotation" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/annotations/{annotationId}/lock", tag: "Moderation", summary: "Unlock the thread (moderators)", access: "signed-in", responses: { 200: "The thread's top annotation" }, errors: writeErrors },
  { method: "PATCH", path: "/api/v1/annotations/{annotationId}/moderation", tag: "Moderation", summary: "Set the moderation status with a note for the log (moderators)", access: "signed-in", body: moderationInput, responses: { 200: "The annotation" }, errors: writeErrors },
  { method: "POST", path: "/api/v1/annotations/{annotationId}/notes", tag: "Moderation", summary: "A private note for the group's moderators (moderators)", access: "signed-in", body: moderatorNoteInput, responses: { 201: "The note" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/annotations/{annotationId}/notes", tag: "Moderation", summary: "The moderators' notes on an item, oldest first (moderators)", access: "signed-in", responses: { 200: "The notes" }, errors: [...readErrors, 403] },

  // Documents.
  { method: "POST", path: "/api/v1/documents", tag: "Documents", summary: "Import text, Markdown or HTML into a new document (editors and up)", access: "signed-in", body: documentCreateInput, responses: { 201: "The document, with Location" }, errors: [...writeErrors, 413, 415, 422] },
  { method: "GET", path: "/api/v1/documents/{documentId}", tag: "Documents", summary: "Document metadata", access: "signed-in", responses: { 200: "The document" }, errors: readErrors },
  { method: "PATCH", path: "/api/v1/documents/{documentId}", tag: "Documents", summary: "Rename (editors) or change seminar settings (moderators)", description: '{title?} for editors; {hideUntilPosted?} (hide-and-reveal) for moderators.', access: "signed-in", body: documentUpdateInput, responses: { 200: "The document" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/documents/{documentId}", tag: "Documents", summary: "Delete the document with its annotations and discussion (owners)", description: "Deletes its annotations, replies, flags and update log, disconnects anyone who has it open (on every instance) and logs delete_document with its title in the group's moderation log.", access: "signed-in", responses: { 204: "Deleted" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/documents/{documentId}/text", tag: "Documents", summary: "The text projection that W3C selectors count over", access: "signed-in", responses: { 200: "The text" }, errors: readErrors },
  { method: "GET", path: "/api/v1/documents/{documentId}/mentionable", tag: "Documents", summary: "Members to complete an @mention with", access: "signed-in", query: mentionableQuery, responses: { 200: "Matching members" }, errors: readErrors },
  { method: "GET", path: "/api/v1/documents/{documentId}/follow", tag: "Documents", summary: "Whether I follow the document", access: "signed-in", responses: { 200: "{following}" }, errors: readErrors },
  { method: "PUT", path: "/api/v1/documents/{documentId}/follow", tag: "Documents", summary: "Notify me of new threads on it", access: "signed-in", responses: { 200: "{following: true}" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/documents/{documentId}/follow", tag: "Documents", summary: "Stop notifying me", access: "signed-in", responses: { 200: "{following: false}" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/documents/{documentId}/annotations/export", tag: "Documents", summary: "Download the annotations the caller may see (JSON-LD, CSV or Markdown)", access: "signed-in", query: exportQuery, responses: { 200: "The export file" }, errors: [...readErrors, 400] },
  { method: "POST", path: "/api/v1/documents/{documentId}/annotations/import", tag: "Documents", summary: "Create annotations from W3C JSON-LD (array or collection); NDJSON progress on request", description: 'Anchored by quote; Accept: application/x-ndjson streams progress lines, then the summary {imported, skipped, failed: [{index, code, message}]}.', access: "signed-in", body: importBody, bodyType: "application/ld+json", responses: { 200: "{imported, skipped, failed}" }, errors: [...writeErrors, 413] },

  // Groups.
  { method: "GET", path: "/api/v1/groups", tag: "Groups", summary: "The groups the caller belongs to", access: "signed-in", responses: { 200: "{items}" }, errors: [401] },
  { method: "POST", path: "/api/v1/groups", tag: "Groups", summary: "Create a group; the caller becomes its owner", access: "signed-in", body: groupCreateInput, responses: { 201: "The group, with Location" }, errors: [400, 401, 429] },
  { method: "GET", path: "/api/v1/groups/{groupId}", tag: "Groups", summary: "A group with the caller's role and abilities", access: "signed-in", responses: { 200: "The group" }, errors: readErrors },
  { method: "PATCH", path: "/api/v1/groups/{groupId}", tag: "Groups", summary: "Rename, describe or switch moderation mode (owners)", access: "signed-in", body: groupUpdateInput, responses: { 200: "The group" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/groups/{groupId}", tag: "Groups", summary: "Delete the group with its documents, members and discussion (owners)", description: 'Deletes its documents, memberships, invitations and moderation history.', access: "signed-in", responses: { 204: "Deleted" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/groups/{groupId}/documents", tag: "Groups", summary: "The group's documents, most recently changed first", access: "signed-in", responses: { 200: "{items}" }, errors: readErrors },
  { method: "GET", path: "/api/v1/groups/{groupId}/members", tag: "Groups", summary: "The group's members (emails for moderators and owners)", access: "signed-in", responses: { 200: "{items}" }, errors: readErrors },
  { method: "POST", path: "/api/v1/groups/{groupId}/members", tag: "Groups", summary: "Invite someone by email (owners); the same answer whether they have an account or not", access: "signed-in", body: memberAddInput, responses: { 202: "{invited: true}" }, errors: writeErrors },
  { method: "PATCH", path: "/api/v1/groups/{groupId}/members/{userId}", tag: "Groups", summary: "Change a lower role's role (owners) or mute (moderators)", access: "signed-in", body: memberUpdateInput, responses: { 200: "The membership" }, errors: writeErrors },
  { method: "DELETE", path: "/api/v1/groups/{groupId}/members/{userId}", tag: "Groups", summary: "Remove a member (owners), or leave the group yourself", access: "signed-in", responses: { 204: "Removed" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/groups/{groupId}/invites", tag: "Invitations", summary: "The group's invitations with their status (owners)", access: "signed-in", responses: { 200: "{items}" }, errors: [...readErrors, 403] },
  { method: "POST", path: "/api/v1/groups/{groupId}/invites", tag: "Invitations", summary: "Make an invitation link (owners)", access: "signed-in", body: inviteCreateInput, responses: { 201: "The invitation with its link, shown once" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/groups/{groupId}/invites/{inviteId}", tag: "Invitations", summary: "One invitation and its status (owners)", access: "signed-in", responses: { 200: "The invitation" }, errors: [...readErrors, 403] },
  { method: "DELETE", path: "/api/v1/groups/{groupId}/invites/{inviteId}", tag: "Invitations", summary: "Revoke: the link stops working at once (owners)", access: "signed-in", responses: { 204: "Revoked" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/groups/{groupId}/search", tag: "Groups", summary: "Ranked full-text search over the annotations the caller may see", access: "signed-in", query: searchInput, responses: { 200: "{items, next}" }, errors: [...readErrors, 400] },
  { method: "GET", path: "/api/v1/groups/{groupId}/engagement", tag: "Moderation", summary: "Per-member activity and density (moderators); CSV on request", access: "signed-in", query: engagementQuery, responses: { 200: "The engagement table" }, errors: [...readErrors, 403] },
  { method: "GET", path: "/api/v1/groups/{groupId}/moderation/queue", tag: "Moderation", summary: "Items awaiting or past a decision, with counts (moderators)", access: "signed-in", query: queueQuery, responses: { 200: "{items, counts}" }, errors: [...readErrors, 400, 403] },
  { method: "POST", path: "/api/v1/groups/{groupId}/moderation/bulk", tag: "Moderation", summary: "One status for many items at once, all or none (moderators)", access: "signed-in", body: bulkModerationInput, responses: { 200: "The decided items" }, errors: writeErrors },
  { method: "GET", path: "/api/v1/groups/{groupId}/moderation/log", tag: "Moderation", summary: "Every moderation action, newest first, paged (moderators)", description: 'Besides the decisions, the log has remove (an owner removed a member; from is their role) and delete_document (from is the title).', access: "signed-in", query: logQuery, responses: { 200: "{items, next}" }, errors: [...readErrors, 403] },
  { method: "GET", path: "/api/v1/groups/{groupId}/moderation/events", tag: "Moderation", summary: "Server-Sent Events: the queue's counts whenever it changes (moderators)", description: 'Events: ready {counts}, then queue {events: [{type, annotationId}], counts} on each post, flag, decision or lock; a heartbeat comment every 25 s. Closed when the caller stops being a moderator.', access: "signed-in", responses: { 200: "text/event-stream" }, errors: [...readErrors, 403] },

  // Invitations by link and by email.
  { method: "GET", path: "/api/v1/invites/{token}", tag: "Invitations", summary: "What an invitation link offers (group, role, status)", access: "public", responses: { 200: "The invitation" }, errors: [400, 404, 410] },
  { method: "POST", path: "/api/v1/invites/{token}/accept", tag: "Invitations", summary: "Join the group through a link", access: "signed-in", responses: { 200: "Already a member", 201: "The membership" }, errors: [400, 401, 404, 410] },
  { method: "GET", path: "/api/v1/me/invitations", tag: "Invitations", summary: "Invitations addressed to my email that I may still accept", access: "signed-in", responses: { 200: "{items}" }, errors: [401] },
  { method: "POST", path: "/api/v1/me/invitations/{inviteId}/accept", tag: "Invitations", summary: "Accept an invitation addressed to me", access: "signed-in", responses: { 200: "Already a member", 201: "The membership" }, errors: [401, 404, 410] },
  { method: "DELETE", path: "/api/v1/me/invitations/{inviteId}", tag: "Invitations", summary: "Decline an invitation addressed to me", access: "signed-in", responses: { 204: "Declined" }, errors: [401, 404] },

  // The caller's account.
  { method: "GET", path: "/api/v1/me", tag: "Account", summary: "The caller's own account", access: "signed-in", responses: { 200: "The account" }, errors: [401] },
  { method: "DELETE", path: "/api/v1/me", tag: "Account", summary: "Delete my account", description: 'Private notes go; notes the group can see stay, signed "Deleted user" ({groupNotes: "keep"}), or go with the replies under them ({groupNotes: "delete"}). 409 sole_owner while you are a group\'s only owner: hand it over or delete it first.', access: "signed-in", body: accountDeleteInput, responses: { 204: "Deleted" }, errors: [400, 401, 409] },
  { method: "DELETE", path: "/api/v1/me/sessions", tag: "Account", summary: "Sign out everywhere: end every browser session of mine (API tokens stay)", access: "signed-in", responses: { 200: "{sessionsEnded}" }, errors: [401] },
  { method: "POST", path: "/api/v1/me/password", tag: "Account", summary: "Change my password: every API token (this one too) is revoked and other sessions end", access: "signed-in", body: passwordChangeInput, responses: { 200: "{tokensRevoked, sessionsEnded, emailed}" }, errors: [400, 401] },
  { method: "GET", path: "/api/v1/me/export", tag: "Account", summary: "Download everything I wrote: annotations, replies (private too) and the documents I created", access: "signed-in", query: accountExportQuery, responses: { 200: "A JSON-LD AnnotationCollection with the documents, or Markdown" }, errors: [400, 401] },
  { method: "GET", path: "/api/v1/notifications", tag: "Account", summary: "The caller's inbox, newest first, with the unread count", access: "signed-in", query: notificationsQuery, responses: { 200: "{items, unread, next}" }, errors: [400, 401] },
  { method: "POST", path: "/api/v1/notifications/read", tag: "Account", summary: "Mark inbox entries read: {ids} or {all: true}", access: "signed-in", body: markReadInput, responses: { 200: "{unread}" }, errors: [400, 401] },
  { method: "POST", path: "/api/v1/tokens", tag: "Account", summary: "Exchange email and password for a personal API token (rate-limited like sign-in)", access: "public", body: tokenCreateInput, responses: { 201: "The token, shown once" }, errors: [400, 401, 429] },
  { method: "DELETE", path: "/api/v1/tokens/{tokenId}", tag: "Account", summary: "Revoke one of your own tokens", access: "signed-in", responses: { 204: "Revoked" }, errors: [401, 404] },

  // The service itself.
  { method: "GET", path: "/api/health", tag: "Service", summary: "Liveness and the reachability of the database", access: "public", responses: { 200: "Serving", 503: "Cannot serve" } },
  { method: "GET", path: "/api/v1/openapi.json", tag: "Service", summary: "This description of the API (OpenAPI 3.1)", access: "public", responses: { 200: "The OpenAPI document" } },
];
