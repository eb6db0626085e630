import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as item from "@/app/api/annotations/[documentId]/[annotationId]/route";
import { db } from "@/lib/db";
import { ANNO_MEDIA_TYPE, etagOf } from "@/lib/presenters/annotation";
import { call } from "../http";
import { annotationOn, containerUrl, idOf, replyTo, scene, sourceOf, w3c } from "./helpers";

describe("W3C container: POST", () => {
  it("creates: 201, Location = server-assigned id, the annotation with its ETag; canonical kept, client id in via", async () => {
    const { document, tokens, users } = await scene();
    const params = { documentId: document.id };
    const json = annotationOn(document.id, "lazy dog", { id: "urn:uuid:6e1b1a52-0000-4000-8000-000000000001", canonical: "urn:uuid:6e1b1a52-0000-4000-8000-000000000002" });
    const res = await w3c(container.POST, { method: "POST", token: tokens.member, params, json });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe(ANNO_MEDIA_TYPE);
    const id: string = res.data.id;
    expect(id.startsWith(containerUrl(document.id))).toBe(true);
    expect(id).not.toBe(json.id);
    expect(res.headers.get("location")).toBe(id);
    expect(res.headers.get("etag")).toBe(etagOf(res.data));
    expect(res.headers.get("link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(res.data).toMatchObject({
      "@context": ["http://www.w3.org/ns/anno.jsonld", expect.any(Object)],
      type: "Annotation",
      motivation: "commenting",
      canonical: json.canonical,
      via: json.id,
      creator: { id: `http://marginalia.test/users/${users.member.id}`, type: "Person" },
      body: { type: "TextualBody", value: json.body.value, format: "text/plain" },
      visibility: "group",
      moderationStatus: "approved",
    });
    expect(res.data.target.source).toBe(sourceOf(document.id));
    expect(res.data.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: "lazy dog", prefix: expect.any(String), suffix: expect.any(String) },
      { type: "TextPositionSelector", start: 35, end: 43 },
    ]);
    const fetched = await w3c(item.GET, { token: tokens.viewer, params: { ...params, annotationId: idOf(id) } });
    expect(fetched.data).toEqual(res.data);
  });

  it("ignores a client id that is not an IRI, and accepts plain application/json", async () => {
    const { document, tokens } = await scene();
    const res = await w3c(container.POST, { method: "POST", token: tokens.member, params: { documentId: document.id }, json: annotationOn(document.id, "lazy cat", { id: "my-local-key" }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(201);
    expect(res.data).not.toHaveProperty("via");
    expect(res.data.id).not.toContain("my-local-key");
  });

  it("takes visibility private, and starts pending in a pre-moderated group", async () => {
    const { document, tokens } = await scene({ moderation: "pre" });
    const params = { documentId: document.id };
    const res = await w3c(container.POST, { method: "POST", token: tokens.member, params, json: annotationOn(document.id, "lazy dog", { visibility: "private" }) });
    expect(res.data).toMatchObject({ visibility: "private", moderationStatus: "pending" });
    const byModerator = await w3c(container.POST, { method: "POST", token: tokens.moderator, params, json: annotationOn(document.id, "lazy cat") });
    expect(byModerator.data.moderationStatus).toBe("approved");
  });

  it("creates replies: target = the parent's IRI, motivation replying, listed after the parent", async () => {
    const { document, tokens } = await scene();
    const params = { documentId: document.id };
    const parent = await w3c(container.POST, { method: "POST", token: tokens.member, params, json: annotationOn(document.id, "lazy dog") });
    const reply = await w3c(container.POST, { method: "POST", token: tokens.other, params, json: replyTo(parent.data.id, "Quite so") });
    expect(reply.status).toBe(201);
    expect(reply.data).toMatchObject({ motivation: "replying", target: parent.data.id, body: { value: "Quite so" } });
    // No reply count on the parent: it would count replies some readers may not see.
    const again = await w3c(item.GET, { token: tokens.member, params: { ...params, annotationId: idOf(parent.data.id) } });
    expect("replyCount" in again.data).toBe(false);
    const listed = await w3c(container.GET, { token: tokens.viewer, params, headers: { prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' } });
    expect(listed.data.first.items).toEqual([parent.data.id, reply.data.id]);
    const missingParent = await w3c(container.POST, { method: "POST", token: tokens.other, params, json: replyTo(`${containerUrl(document.id)}nope`) });
    expect(missingParent.status).toBe(422);
  });

  it("refuses what it cannot take, each with the JSON error body", async () => {
    const { document, tokens } = await scene();
    const params = { documentId: document.id };
    const post = (opts: { token?: string; json?: unknown }) => w3c(container.POST, { method: "POST", token: opts.token ?? tokens.member, params, json: opts.json });
    const cases: [string, Promise<{ status: number; data: any }>, number, string][] = [
      ["text/plain body", w3c(container.POST, { method: "POST", token: tokens.member, params, json: annotationOn(document.id, "lazy dog"), headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type"],
      ["form body", w3c(container.POST, { method: "POST", token: tokens.member, params, json: annotationOn(document.id, "lazy dog"), headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type"],
      ["too large", post({ json: annotationOn(document.id, "lazy dog", { padding: "x".repeat(300 * 1024) }) }), 413, "payload_too_large"],
      ["not JSON", call(container.POST, { method: "POST", token: tokens.member, params, body: "{not json", headers: { "content-type": ANNO_MEDIA_TYPE } }), 400, "invalid_request"],
      ["an array", post({ json: [annotationOn(document.id, "lazy dog")] }), 400, "invalid_request"],
      ["no target", post({ json: { type: "Annotation", bodyValue: "x" } }), 400, "invalid_request"],
      ["quote not in the text", post({ json: annotationOn(document.id, "purple elephant") }), 422, "quote_not_found"],
      ["ambiguous quote", post({ json: annotationOn(document.id, "lazy") }), 422, "quote_ambiguous"],
      ["another document's source", post({ json: { ...annotationOn(document.id, "lazy dog"), target: { source: "http://elsewhere.test/documents/x", selector: { type: "TextQuoteSelector", exact: "lazy dog" } } } }), 422, "target_source"],
      ["canonical not an IRI", post({ json: annotationOn(document.id, "lazy dog", { canonical: "nope" }) }), 400, "invalid_request"],
      ["viewer", post({ token: tokens.viewer, json: annotationOn(document.id, "lazy dog") }), 403, "forbidden"],
      ["muted member", post({ token: tokens.muted, json: annotationOn(document.id, "lazy dog") }), 403, "forbidden"],
      ["outsider", post({ token: tokens.outsider, json: annotationOn(document.id, "lazy dog") }), 404, "not_found"],
      ["no credentials", w3c(container.POST, { method: "POST", params, json: annotationOn(document.id, "lazy dog") }), 401, "unauthorized"],
    ];
    for (const [name, response, status, code] of cases) {
      const res = await response;
      expect({ name, status: res.status, code: res.data?.error?.code }).toEqual({ name, status, code });
      expect(typeof res.data.error.message).toBe("string");
    }
    expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(0);
  });
});

