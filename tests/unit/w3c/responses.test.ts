import { describe, expect, it } from "vitest";
import { annotationHeaders, containerHeaders, optionsHeaders } from "@/lib/w3c/headers";
import { ANNO_MEDIA_TYPE } from "@/lib/w3c/media";
import { representation } from "@/lib/w3c/responses";

const headers = () => annotationHeaders({ contentType: ANNO_MEDIA_TYPE, etag: '"v1"', contentLocation: "https://m.test/api/annotations/d/a" });
const request = (method: string, extra: Record<string, string> = {}) => new Request("https://m.test/api/annotations/d/a", { method, headers: extra });

describe("representation", () => {
  it("sends the JSON body on GET and none on HEAD, with the same headers", async () => {
    const get = representation(request("GET"), { id: "a" }, headers());
    const head = representation(request("HEAD"), { id: "a" }, headers());
    expect(await get.json()).toEqual({ id: "a" });
    expect(await head.text()).toBe("");
    expect([...head.headers]).toEqual([...get.headers]);
  });

  it("answers 304 with only the validators when If-None-Match names the ETag", async () => {
    const res = representation(request("GET", { "if-none-match": '"v1"' }), { id: "a" }, headers());
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe('"v1"');
    expect(res.headers.get("vary")).toContain("Accept");
    expect(res.headers.get("content-type")).toBeNull();
  });

  it("never answers 304 to a write or to a create", () => {
    expect(representation(request("PUT", { "if-none-match": "*" }), {}, headers()).status).toBe(200);
    expect(representation(request("POST", { "if-none-match": "*" }), {}, headers(), 201).status).toBe(201);
  });
});

describe("headers", () => {
  it("container: Link type and constrainedBy, Allow with POST, Accept-Post, Preference-Applied when asked", () => {
    const h = containerHeaders({ contentType: ANNO_MEDIA_TYPE, etag: '"c"', contentLocation: "x", preferenceApplied: true });
    expect(h.get("link")).toBe('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"');
    expect(h.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(h.get("accept-post")).toContain(ANNO_MEDIA_TYPE);
    expect(h.get("preference-applied")).toBe("return=representation");
    expect(h.get("vary")).toBe("Accept, Prefer, Authorization, Cookie");
  });

  it("pages are read-only and are not containers", () => {
    const h = containerHeaders({ contentType: ANNO_MEDIA_TYPE, etag: '"p"', contentLocation: "x?page=1", page: true });
    expect(h.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(h.get("link")).toBeNull();
    expect(h.get("preference-applied")).toBeNull();
  });

  it("OPTIONS tells what each resource supports", () => {
    expect(optionsHeaders("container").get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(optionsHeaders("annotation").get("allow")).toBe("GET, HEAD, OPTIONS, PUT, DELETE");
    expect(optionsHeaders("annotation").get("link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
  });
});
