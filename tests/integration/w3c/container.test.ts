import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { ANNO_MEDIA_TYPE } from "@/lib/presenters/annotation";
import { PREFER_CONTAINED_DESCRIPTIONS, PREFER_CONTAINED_IRIS, PREFER_MINIMAL_CONTAINER } from "@/lib/w3c/prefer";
import { createDocumentIn } from "../../factories";
import { annotate, containerUrl, scene, sourceOf, w3c } from "./helpers";

const prefer = (...iris: string[]) => ({ prefer: `return=representation;include="${iris.join(" ")}"` });
const tokensOf = (value: string | null) => (value ?? "").split(",").map((s) => s.trim());

describe("W3C container: GET, HEAD, OPTIONS", () => {
  it("describes the container with every header the Protocol asks for", async () => {
    const { document, tokens, users } = await scene();
    const a = await annotate(users.member.id, document.id, "lazy dog");
    const res = await w3c(container.GET, { token: tokens.viewer, params: { documentId: document.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(ANNO_MEDIA_TYPE);
    expect(res.headers.get("link")).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
    expect(res.headers.get("link")).toContain('<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"');
    expect(tokensOf(res.headers.get("allow"))).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(tokensOf(res.headers.get("vary"))).toEqual(expect.arrayContaining(["Accept", "Prefer", "Authorization", "Cookie"]));
    expect(res.headers.get("accept-post")).toContain("application/ld+json");
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("content-location")).toBe(containerUrl(document.id));
    expect(res.headers.get("cache-control")).toContain("private");
    expect(res.data).toMatchObject({ id: containerUrl(document.id), type: ["BasicContainer", "AnnotationCollection"], total: 1, last: `${containerUrl(document.id)}?page=0` });
    expect(res.data["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(res.data.first).toMatchObject({ id: `${containerUrl(document.id)}?page=0`, type: "AnnotationPage", startIndex: 0, partOf: { id: containerUrl(document.id), total: 1 } });
    expect(res.data.first.items).toHaveLength(1);
    expect(res.data.first.items[0]).toMatchObject({ id: `${containerUrl(document.id)}${a.id}`, type: "Annotation" });
    expect(res.data.first.items[0]).not.toHaveProperty("@context");
  });

  it("HEAD answers the same headers without a body; OPTIONS lists the methods", async () => {
    const { document, tokens } = await scene();
    const params = { documentId: document.id };
    const get = await w3c(container.GET, { token: tokens.member, params });
    const head = await w3c(container.HEAD, { method: "HEAD", token: tokens.member, params });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    for (const name of ["etag", "link", "allow", "vary", "content-type", "content-location"]) expect(head.headers.get(name)).toBe(get.headers.get(name));
    const options = await w3c(container.OPTIONS, { method: "OPTIONS", token: tokens.member, params });
    expect(options.status).toBe(204);
    expect(tokensOf(options.headers.get("allow"))).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(options.headers.get("accept-post")).toContain("application/ld+json");
  });

  it("an empty container has total 0 and no pages", async () => {
    const { document, tokens } = await scene();
    const res = await w3c(container.GET, { token: tokens.member, params: { documentId: document.id } });
    expect(res.data).toMatchObject({ total: 0 });
    expect(res.data).not.toHaveProperty("first");
    expect((await w3c(container.GET, { token: tokens.member, params: { documentId: document.id }, path: `/api/annotations/${document.id}/?page=0` })).status).toBe(404);
  });

  it("answers 304 to If-None-Match with the current ETag, and a new ETag once something changes", async () => {
    const { document, tokens, users } = await scene();
    const params = { documentId: document.id };
    await annotate(users.member.id, document.id, "lazy dog");
    const first = await w3c(container.GET, { token: tokens.member, params });
    const etag = first.headers.get("etag")!;
    const again = await w3c(container.GET, { token: tokens.member, params, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    await annotate(users.other.id, document.id, "lazy cat");
    const changed = await w3c(container.GET, { token: tokens.member, params, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("gives each representation its own ETag (IRIs, descriptions, minimal)", async () => {
    const { document, tokens, users } = await scene();
    const params = { documentId: document.id };
    await annotate(users.member.id, document.id, "lazy dog");
    const etags = new Set<string | null>();
    for (const headers of [{}, prefer(PREFER_CONTAINED_IRIS), prefer(PREFER_MINIMAL_CONTAINER)]) etags.add((await w3c(container.GET, { token: tokens.member, params, headers })).headers.get("etag"));
    expect(etags.size).toBe(3);
  });

  it("401 without credentials, 404 for outsiders and missing documents, 406 for an Accept it cannot meet", async () => {
    const { document, tokens } = await scene();
    const params = { documentId: document.id };
    expect((await w3c(container.GET, { params })).status).toBe(401);
    const outsider = await w3c(container.GET, { token: tokens.outsider, params });
    expect(outsider.status).toBe(404);
    expect(outsider.data.error.code).toBe("not_found");
    expect((await w3c(container.GET, { token: tokens.member, params: { documentId: "missing" } })).status).toBe(404);
    expect((await w3c(container.OPTIONS, { method: "OPTIONS", token: tokens.outsider, params })).status).toBe(404);
    const html = await w3c(container.GET, { token: tokens.member, params, headers: { accept: "text/html" } });
    expect(html.status).toBe(406);
    expect(html.data.error.code).toBe("not_acceptable");
    const json = await w3c(container.GET, { token: tokens.member, params, headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).toBe("application/json");
  });
});

describe("W3C container: Prefer and paging", () => {
  it("PreferMinimalContainer: no annotations embedded, still total, first and last", async () => {
    const { document, tokens, users } = await scene();
    await annotate(users.member.id, document.id, "lazy dog");
    const res = await w3c(container.GET, { token: tokens.member, params: { documentId: document.id }, headers: prefer(PREFER_MINIMAL_CONTAINER) });
    expect(res.data).toMatchObject({ total: 1, first: `${containerUrl(document.id)}?page=0`, last: `${containerUrl(document.id)}?page=0` });
    expect(JSON.stringify(res.data)).not.toContain('"items"');
    expect(res.headers.get("preference-applied")).toBe("return=representation");
    expect(res.headers.get("prefer")).toBeNull();
  });

  it("PreferContainedIRIs: items are IRIs, and the variant has its own IRI (Content-Location)", async () => {
    const { document, tokens, users } = await scene();
    const a = await annotate(users.member.id, document.id, "lazy dog");
    const params = { documentId: document.id };
    const res = await w3c(container.GET, { token: tokens.member, params, headers: prefer(PREFER_CONTAINED_IRIS) });
    expect(res.data.id).toBe(`${containerUrl(document.id)}?iris=1`);
    expect(res.headers.get("content-location")).toBe(`${containerUrl(document.id)}?iris=1`);
    expect(res.data.first.items).toEqual([`${containerUrl(document.id)}${a.id}`]);
    const both = await w3c(container.GET, { token: tokens.member, params, headers: prefer(PREFER_MINIMAL_CONTAINER, PREFER_CONTAINED_IRIS) });
    expect(both.data).toMatchObject({ id: `${containerUrl(document.id)}?iris=1`, first: `${containerUrl(document.id)}?iris=1&page=0` });
    const described = await w3c(container.GET, { token: tokens.member, params, headers: prefer(PREFER_CONTAINED_DESCRIPTIONS) });
    expect(described.data.first.items[0]).toMatchObject({ type: "Annotation", id: `${containerUrl(document.id)}${a.id}` });
    const byQuery = await w3c(container.GET, { token: tokens.member, params, path: `/api/annotations/${document.id}/?iris=1` });
    expect(byQuery.data.first.items).toEqual([`${containerUrl(document.id)}${a.id}`]);
  });

  it("pages 205 annotations by 100: first/next/prev/last/partOf/startIndex, every item once, in order", async () => {
    const { group, users, tokens } = await scene();
    const document = await createDocumentIn(group.id, users.owner.id, "word ".repeat(300).trim());
    const made: string[] = [];
    for (let i = 0; i < 205; i += 1) {
      // Every word is "word": the position selector says which one.
      const selector = [{ type: "TextQuoteSelector", exact: "word" }, { type: "TextPositionSelector", start: i * 5, end: i * 5 + 4 }];
      const input = { type: "Annotation", bodyValue: `n${i}`, target: { source: sourceOf(document.id), selector } };
      const { annotation } = await createAnnotation({ actorId: users.member.id, documentId: document.id, input });
      made.push(`${containerUrl(document.id)}${annotation.id}`);
    }
    const params = { documentId: document.id };
    const root = await w3c(container.GET, { token: tokens.viewer, params });
    expect(root.data).toMatchObject({ total: 205, last: `${containerUrl(document.id)}?page=2` });
    expect(root.data.first).toMatchObject({ startIndex: 0, next: `${containerUrl(document.id)}?page=1` });
    expect(root.data.first).not.toHaveProperty("prev");
    const seen: string[] = root.data.first.items.map((a: { id: string }) => a.id);
    let next = root.data.first.next;
    let index = 1;
    while (next) {
      const page = await w3c(container.GET, { token: tokens.viewer, params, path: new URL(next).pathname + new URL(next).search });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-location")).toBe(next);
      expect(page.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(page.data).toMatchObject({ id: next, type: "AnnotationPage", startIndex: index * 100, prev: `${containerUrl(document.id)}?page=${index - 1}`, partOf: { id: containerUrl(document.id), total: 205 } });
      expect(page.data["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
      seen.push(...page.data.items.map((a: { id: string }) => a.id));
      next = page.data.next;
      index += 1;
    }
    expect(index).toBe(3);
    expect(seen).toEqual(made);
    const irisPage = await w3c(container.GET, { token: tokens.viewer, params, path: `/api/annotations/${document.id}/?iris=1&page=2` });
    expect(irisPage.data).toMatchObject({ id: `${containerUrl(document.id)}?iris=1&page=2`, partOf: { id: `${containerUrl(document.id)}?iris=1` }, items: made.slice(200) });
    expect((await w3c(container.GET, { token: tokens.viewer, params, path: `/api/annotations/${document.id}/?page=3` })).status).toBe(404);
    expect((await w3c(container.GET, { token: tokens.viewer, params, path: `/api/annotations/${document.id}/?page=two` })).status).toBe(400);
  });
});
