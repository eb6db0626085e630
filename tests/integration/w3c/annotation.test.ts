import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as item from "@/app/api/annotations/[documentId]/[annotationId]/route";
import updateAnnotation from "@/lib/commands/update-annotation";
import { ANNO_MEDIA_TYPE, etagOf } from "@/lib/presenters/annotation";
import { createDocumentIn } from "../../factories";
import { annotationOn, containerUrl, idOf, replyTo, scene, w3c } from "./helpers";

const tokensOf = (value: string | null) => (value ?? "").split(",").map((s) => s.trim());
const IRIS = { prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' };

/** A scene with one annotation by the member, posted with canonical and via. */
async function withAnnotation() {
  const s = await scene();
  const posted = await w3c(container.POST, { method: "POST", token: s.tokens.member, params: { documentId: s.document.id }, json: annotationOn(s.document.id, "lazy dog", { id: "urn:uuid:aa", canonical: "urn:uuid:bb" }) });
  const params = { documentId: s.document.id, annotationId: idOf(posted.data.id) };
  return { ...s, params, iri: posted.data.id as string, posted: posted.data };
}

const edit = (annotation: Record<string, unknown>, value: string) => ({ ...annotation, body: { type: "TextualBody", value, format: "text/plain", purpose: "commenting" } });

describe("W3C annotation: GET, HEAD, OPTIONS", () => {
  it("answers the annotation with its ETag, Link, Allow, Vary and Content-Location", async () => {
    const { tokens, params, iri } = await withAnnotation();
    const res = await w3c(item.GET, { token: tokens.viewer, params });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(ANNO_MEDIA_TYPE);
    expect(res.headers.get("link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
    expect(tokensOf(res.headers.get("allow"))).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
    expect(tokensOf(res.headers.get("vary"))).toEqual(expect.arrayContaining(["Accept", "Prefer", "Authorization", "Cookie"]));
    expect(res.headers.get("etag")).toBe(etagOf(res.data));
    expect(res.headers.get("content-location")).toBe(iri);
    expect(res.data.id).toBe(iri);
    const head = await w3c(item.HEAD, { method: "HEAD", token: tokens.viewer, params });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("etag")).toBe(res.headers.get("etag"));
    const options = await w3c(item.OPTIONS, { method: "OPTIONS", token: tokens.viewer, params });
    expect(options.status).toBe(204);
    expect(tokensOf(options.headers.get("allow"))).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
  });

  it("answers 304 to a matching If-None-Match (also weak), 200 once the annotation changed", async () => {
    const { tokens, params, users } = await withAnnotation();
    const first = await w3c(item.GET, { token: tokens.member, params });
    const etag = first.headers.get("etag")!;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const res = await w3c(item.GET, { token: tokens.member, params, headers: { "if-none-match": inm } });
      expect(res.status).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
    }
    await updateAnnotation({ actorId: users.member.id, ...params, input: edit(first.data, "changed") });
    const after = await w3c(item.GET, { token: tokens.member, params, headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("404 for an unknown id, an annotation of another document, and outsiders", async () => {
    const { tokens, params, group, users } = await withAnnotation();
    expect((await w3c(item.GET, { token: tokens.member, params: { ...params, annotationId: "nope" } })).status).toBe(404);
    const other = await createDocumentIn(group.id, users.owner.id);
    expect((await w3c(item.GET, { token: tokens.member, params: { ...params, documentId: other.id } })).status).toBe(404);
    const outsider = await w3c(item.GET, { token: tokens.outsider, params });
    expect(outsider.status).toBe(404);
    expect(outsider.data).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect((await w3c(item.OPTIONS, { method: "OPTIONS", token: tokens.outsider, params })).status).toBe(404);
  });
});

describe("W3C annotation: PUT", () => {
  it("replaces the annotation with If-Match: 200 with the new state and a new ETag; canonical and via stay", async () => {
    const { tokens, params, iri } = await withAnnotation();
    const before = await w3c(item.GET, { token: tokens.member, params });
    const res = await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: edit(before.data, "Edited note"), headers: { "if-match": before.headers.get("etag")! } });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ id: iri, body: { value: "Edited note" }, canonical: "urn:uuid:bb", via: "urn:uuid:aa" });
    expect(res.headers.get("etag")).toBe(etagOf(res.data));
    expect(res.headers.get("etag")).not.toBe(before.headers.get("etag"));
    const after = await w3c(item.GET, { token: tokens.member, params });
    expect(after.data).toEqual(res.data);
    expect(after.headers.get("etag")).toBe(res.headers.get("etag"));
  });

  it("412 on a stale If-Match, and nothing changes; * and no If-Match are accepted", async () => {
    const { tokens, params } = await withAnnotation();
    const v1 = await w3c(item.GET, { token: tokens.member, params });
    const stale = v1.headers.get("etag")!;
    expect((await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: edit(v1.data, "second"), headers: { "if-match": stale } })).status).toBe(200);
    const conflict = await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: edit(v1.data, "lost update"), headers: { "if-match": stale } });
    expect(conflict.status).toBe(412);
    expect(conflict.data.error.code).toBe("precondition_failed");
    expect((await w3c(item.GET, { token: tokens.member, params })).data.body.value).toBe("second");
    expect((await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: edit(v1.data, "third"), headers: { "if-match": "*" } })).status).toBe(200);
    expect((await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: edit(v1.data, "fourth") })).status).toBe(200);
    expect((await w3c(item.GET, { token: tokens.member, params })).data.body.value).toBe("fourth");
  });

  it("moves the annotation when the PUT names other words; 422 when they are not in the text", async () => {
    const { tokens, params, document } = await withAnnotation();
    const v1 = await w3c(item.GET, { token: tokens.member, params });
    const moved = await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: { ...v1.data, target: annotationOn(document.id, "lazy cat").target } });
    expect(moved.status).toBe(200);
    expect(moved.data.target.selector[0].exact).toBe("lazy cat");
    const bad = await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: { ...v1.data, target: annotationOn(document.id, "purple elephant").target } });
    expect(bad.status).toBe(422);
  });

  it("403 for members who are not the author and for viewers, 404 for outsiders, 415/400/413 for bad bodies", async () => {
    const { tokens, params, posted } = await withAnnotation();
    const put = (token: string, json: unknown, headers: Record<string, string> = {}) => w3c(item.PUT, { method: "PUT", token, params, json, headers });
    expect((await put(tokens.other, edit(posted, "mine now"))).status).toBe(403);
    expect((await put(tokens.moderator, edit(posted, "moderated"))).status).toBe(403);
    expect((await put(tokens.viewer, edit(posted, "x"))).status).toBe(403);
    expect((await put(tokens.outsider, edit(posted, "x"))).status).toBe(404);
    expect((await put(tokens.member, edit(posted, "x"), { "content-type": "text/plain" })).status).toBe(415);
    expect((await put(tokens.member, { ...posted, target: 5 })).status).toBe(400);
    expect((await put(tokens.member, { ...edit(posted, "x"), padding: "y".repeat(300 * 1024) })).status).toBe(413);
    expect((await w3c(item.GET, { token: tokens.member, params })).data.body.value).toBe(posted.body.value);
  });
});

describe("W3C annotation: DELETE", () => {
  it("204, then 410 Gone to everyone who could see it, 404 to others, and gone from the container", async () => {
    const { tokens, params, iri } = await withAnnotation();
    const del = await w3c(item.DELETE, { method: "DELETE", token: tokens.member, params });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    for (const role of ["member", "other", "viewer", "moderator", "owner"] as const) {
      const res = await w3c(item.GET, { token: tokens[role], params });
      expect({ role, status: res.status, code: res.data?.error?.code }).toEqual({ role, status: 410, code: "gone" });
    }
    expect((await w3c(item.GET, { token: tokens.outsider, params })).status).toBe(404);
    expect((await w3c(item.HEAD, { method: "HEAD", token: tokens.member, params })).status).toBe(410);
    expect((await w3c(item.DELETE, { method: "DELETE", token: tokens.member, params })).status).toBe(410);
    expect((await w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: annotationOn(params.documentId, "lazy dog") })).status).toBe(410);
    const listed = await w3c(container.GET, { token: tokens.member, params: { documentId: params.documentId }, headers: IRIS });
    expect(listed.data.total).toBe(0);
    expect(JSON.stringify(listed.data)).not.toContain(iri);
  });

  it("a deleted private annotation is 410 for its author and 404 for everyone else", async () => {
    const { tokens, document } = await scene();
    const posted = await w3c(container.POST, { method: "POST", token: tokens.member, params: { documentId: document.id }, json: annotationOn(document.id, "lazy dog", { visibility: "private" }) });
    const params = { documentId: document.id, annotationId: idOf(posted.data.id) };
    expect((await w3c(item.DELETE, { method: "DELETE", token: tokens.member, params })).status).toBe(204);
    expect((await w3c(item.GET, { token: tokens.member, params })).status).toBe(410);
    for (const role of ["other", "moderator", "owner", "viewer"] as const) expect((await w3c(item.GET, { token: tokens[role], params })).status).toBe(404);
  });

  it("412 on a stale If-Match and nothing is deleted; the current ETag deletes", async () => {
    const { tokens, params, users } = await withAnnotation();
    const v1 = await w3c(item.GET, { token: tokens.member, params });
    await updateAnnotation({ actorId: users.member.id, ...params, input: edit(v1.data, "newer") });
    const stale = await w3c(item.DELETE, { method: "DELETE", token: tokens.member, params, headers: { "if-match": v1.headers.get("etag")! } });
    expect(stale.status).toBe(412);
    const v2 = await w3c(item.GET, { token: tokens.member, params });
    expect(v2.status).toBe(200);
    expect((await w3c(item.DELETE, { method: "DELETE", token: tokens.member, params, headers: { "if-match": v2.headers.get("etag")! } })).status).toBe(204);
  });

  it("only the author deletes (403 for others, moderators included); outsiders get 404", async () => {
    const { tokens, params } = await withAnnotation();
    for (const role of ["other", "moderator", "owner", "viewer", "editor"] as const) expect((await w3c(item.DELETE, { method: "DELETE", token: tokens[role], params })).status).toBe(403);
    expect((await w3c(item.DELETE, { method: "DELETE", token: tokens.outsider, params })).status).toBe(404);
    expect((await w3c(item.GET, { token: tokens.member, params })).status).toBe(200);
  });

  it("deleting a thread's annotation deletes its replies: they answer 410 and leave the container", async () => {
    const { tokens, params, iri, document } = await withAnnotation();
    const reply = await w3c(container.POST, { method: "POST", token: tokens.other, params: { documentId: document.id }, json: replyTo(iri) });
    expect(reply.status).toBe(201);
    expect((await w3c(item.DELETE, { method: "DELETE", token: tokens.member, params })).status).toBe(204);
    expect((await w3c(item.GET, { token: tokens.other, params: { documentId: document.id, annotationId: idOf(reply.data.id) } })).status).toBe(410);
    const listed = await w3c(container.GET, { token: tokens.other, params: { documentId: document.id }, headers: IRIS });
    expect(listed.data).toMatchObject({ id: `${containerUrl(document.id)}?iris=1`, total: 0 });
  });
});

describe("W3C annotation: concurrent writes", () => {
  it("PUTs racing with the same ETag: exactly one wins, the others answer 412", async () => {
    const { tokens, params, posted } = await withAnnotation();
    const etag = (await w3c(item.GET, { token: tokens.member, params })).headers.get("etag")!;
    // Each passes the If-Match check; the version read with the ETag lets only one write land.
    const results = await Promise.all(
      ["one", "two", "three"].map((v) => w3c(item.PUT, { method: "PUT", token: tokens.member, params, json: edit(posted, v), headers: { "if-match": etag } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412]);
  });
});
