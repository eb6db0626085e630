import createAnnotation from "@/lib/commands/create-annotation";
import { ANNO_MEDIA_TYPE } from "@/lib/presenters/annotation";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { call } from "../http";

export const ORIGIN = "http://marginalia.test";
export const TEXT = "The quick brown fox jumps over the lazy dog.\n\nA second paragraph about a lazy cat and a quick bird.";
export const containerUrl = (documentId: string) => `${ORIGIN}/api/annotations/${documentId}/`;
export const sourceOf = (documentId: string) => `${ORIGIN}/documents/${documentId}`;
export const idOf = (iri: string) => iri.split("/").at(-1)!;
export const annotationIriOf = (documentId: string, annotationId: string) => `${containerUrl(documentId)}${annotationId}`;

/** A W3C annotation on the quoted words of a document, as a client would post it. */
export function annotationOn<E extends Record<string, unknown> = Record<string, never>>(documentId: string, exact: string, extra: E = {} as E) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    body: { type: "TextualBody", value: `A note on “${exact}”`, format: "text/plain", purpose: "commenting" },
    target: { source: sourceOf(documentId), selector: { type: "TextQuoteSelector", exact } },
    ...extra,
  };
}

/** A reply to the annotation with the given IRI. */
export function replyTo(parentIri: string, value = "I agree") {
  return { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", motivation: "replying", body: { type: "TextualBody", value, format: "text/plain" }, target: parentIri };
}

/** Creates an annotation through the command (no HTTP), for setting up a scene. */
export async function annotate(actorId: string, documentId: string, exact: string, extra: Record<string, unknown> = {}) {
  const { annotation } = await createAnnotation({ actorId, documentId, input: annotationOn(documentId, exact, extra) });
  return annotation;
}

/** A group with a document and one user per role, each with a token. */
export async function scene(opts: { moderation?: "post" | "pre" } = {}) {
  const { group, owner } = await createGroup({ moderation: opts.moderation ?? "post" });
  const users = {
    owner,
    moderator: await createMember(group.id, "moderator"),
    editor: await createMember(group.id, "editor"),
    member: await createMember(group.id, "member"),
    other: await createMember(group.id, "member"),
    muted: await createMember(group.id, "member", { muted: true }),
    viewer: await createMember(group.id, "viewer"),
    outsider: await createUser(),
  };
  const tokens = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([role, user]) => [role, await tokenFor(user.id)]))) as Record<keyof typeof users, string>;
  const document = await createDocumentIn(group.id, owner.id, TEXT);
  return { group, users, tokens, document };
}

type Handler = Parameters<typeof call>[0];

/** Calls a W3C route handler with JSON-LD bodies and the document's params. */
export function w3c(handler: Handler, opts: { method?: string; token?: string; params: Record<string, string>; path?: string; json?: unknown; headers?: Record<string, string> }) {
  const headers = { ...(opts.headers ?? {}) };
  const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
  if (body !== undefined) headers["content-type"] ??= ANNO_MEDIA_TYPE;
  const path = opts.path ?? `/api/annotations/${opts.params.documentId}/${opts.params.annotationId ?? ""}`;
  return call(handler, { method: opts.method, token: opts.token, params: opts.params, path, body, headers });
}
