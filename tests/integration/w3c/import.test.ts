import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as exportRoute from "@/app/api/v1/documents/[documentId]/annotations/export/route";
import * as importRoute from "@/app/api/v1/documents/[documentId]/annotations/import/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { db } from "@/lib/db";
import { importAnnotations } from "@/lib/w3c/import-annotations";
import { createDocumentIn } from "../../factories";
import { call } from "../http";
import { annotate, annotationIriOf, annotationOn, containerUrl, scene, TEXT } from "./helpers";

const importInto = (token: string | undefined, documentId: string, json: unknown, headers: Record<string, string> = {}) =>
  call(importRoute.POST, { method: "POST", token, params: { documentId }, path: `/api/v1/documents/${documentId}/annotations/import`, json, headers });

const listOf = async (token: string, documentId: string) => (await call(container.GET, { token, params: { documentId }, path: `/api/annotations/${documentId}/` })).data;

describe("annotation import", () => {
  it("round-trips an export into another document: anchored by quote, replies re-linked, old ids kept as via", async () => {
    const s = await scene();
    const parent = await annotate(s.users.member.id, s.document.id, "lazy dog", { body: [{ type: "TextualBody", value: "Parent note" }, { type: "TextualBody", value: "animals", purpose: "tagging" }] });
    await createAnnotation({ actorId: s.users.other.id, documentId: s.document.id, input: { type: "Annotation", bodyValue: "A reply", target: annotationIriOf(s.document.id, parent.id) } });
    await annotate(s.users.editor.id, s.document.id, "second paragraph");
    const exported = await call(exportRoute.GET, { token: s.tokens.member, params: { documentId: s.document.id }, path: `/api/v1/documents/${s.document.id}/annotations/export?format=jsonld` });
    // The copy has a new first paragraph, so every position differs: the quotes decide.
    const copy = await createDocumentIn(s.group.id, s.users.owner.id, `A new opening line.\n\n${TEXT}`);
    const res = await importInto(s.tokens.editor, copy.id, exported.data);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ imported: 3, failed: [] });
    const list = await listOf(s.tokens.editor, copy.id);
    expect(list.total).toBe(3);
    const [p, reply, third] = list.first.items;
    expect(p.target.source).toBe(`http://marginalia.test/documents/${copy.id}`);
    expect(p.target.selector[0].exact).toBe("lazy dog");
    expect(p.target.selector[1]).toEqual({ type: "TextPositionSelector", start: 56, end: 64 });
    expect(p.body).toEqual([expect.objectContaining({ value: "Parent note" }), expect.objectContaining({ value: "animals", purpose: "tagging" })]);
    expect(p.via).toBe(annotationIriOf(s.document.id, parent.id));
    expect(reply).toMatchObject({ motivation: "replying", target: p.id });
    expect(third.target.selector[0].exact).toBe("second paragraph");
    expect(p.creator.name).toBe(s.users.editor.name);
  });

  it("reports each item that fails with its index and code, and imports the rest", async () => {
    const { document, tokens } = await scene();
    const items = [
      annotationOn(document.id, "lazy dog", { id: "https://old.test/a/1" }),
      annotationOn(document.id, "purple elephant"),
      "https://old.test/a/only-an-iri",
      { type: "Annotation", bodyValue: "reply", target: "https://old.test/a/1" },
      { type: "Annotation", bodyValue: "orphan reply", target: "https://old.test/a/unknown" },
      annotationOn(document.id, "lazy"),
      { type: "Annotation" },
      annotationOn(document.id, "lazy cat", { canonical: "not an iri" }),
    ];
    const res = await importInto(tokens.member, document.id, items);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      imported: 2,
      failed: [
        { index: 1, code: "quote_not_found", message: expect.any(String) },
        { index: 2, code: "invalid_request", message: expect.stringContaining("IRIs") },
        { index: 4, code: "reply_target_not_found", message: expect.any(String) },
        { index: 5, code: "quote_ambiguous", message: expect.any(String) },
        { index: 6, code: "invalid_request", message: expect.any(String) },
        { index: 7, code: "invalid_request", message: expect.stringContaining("canonical") },
      ],
    });
    const list = await listOf(tokens.member, document.id);
    expect(list.first.items.map((x: { motivation: string }) => x.motivation)).toEqual(["commenting", "replying"]);
  });

  it("takes an AnnotationPage and a single Annotation too; imports by members of a pre-moderated group start pending", async () => {
    const { document, tokens } = await scene({ moderation: "pre" });
    expect((await importInto(tokens.member, document.id, { type: "AnnotationPage", items: [annotationOn(document.id, "lazy dog")] })).data).toEqual({ imported: 1, failed: [] });
    expect((await importInto(tokens.member, document.id, annotationOn(document.id, "lazy cat"))).data).toEqual({ imported: 1, failed: [] });
    const statuses = await db().annotation.findMany({ where: { documentId: document.id }, select: { status: true } });
    expect(statuses.map((r) => r.status)).toEqual(["pending", "pending"]);
  });

  it("streams NDJSON progress, one line per 50 items, then the result", async () => {
    const { group, users, tokens } = await scene();
    const document = await createDocumentIn(group.id, users.owner.id, "word ".repeat(200).trim());
    const items = Array.from({ length: 120 }, (_, i) => ({ type: "Annotation", bodyValue: `n${i}`, target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "word" }, { type: "TextPositionSelector", start: i * 5, end: i * 5 + 4 }] } }));
    const res = await importInto(tokens.member, document.id, items, { accept: "application/x-ndjson" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(res.text.split("\n")).toEqual([JSON.stringify({ done: 50, total: 120 }), JSON.stringify({ done: 100, total: 120 }), JSON.stringify({ imported: 120, failed: [] }), ""]);
  });

  it("refuses the request as a whole before creating anything: 415, 400, 413, 401, 403, 404", async () => {
    const { document, tokens } = await scene();
    const one = [annotationOn(document.id, "lazy dog")];
    const cases: [string, Promise<{ status: number; data: any }>, number, string][] = [
      ["text/plain", call(importRoute.POST, { method: "POST", token: tokens.member, params: { documentId: document.id }, body: JSON.stringify(one), headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type"],
      ["not JSON", call(importRoute.POST, { method: "POST", token: tokens.member, params: { documentId: document.id }, body: "[{", headers: { "content-type": "application/ld+json" } }), 400, "invalid_request"],
      ["not annotations", importInto(tokens.member, document.id, { hello: "world" }), 400, "invalid_request"],
      ["linked pages", importInto(tokens.member, document.id, { type: "AnnotationCollection", first: `${containerUrl(document.id)}?page=0` }), 400, "invalid_request"],
      ["5,001 items", importInto(tokens.member, document.id, Array.from({ length: 5001 }, () => ({}))), 413, "too_many_items"],
      ["over 5 MB", importInto(tokens.member, document.id, [{ ...one[0], padding: "x".repeat(5 * 1024 * 1024) }]), 413, "payload_too_large"],
      ["no credentials", importInto(undefined, document.id, one), 401, "unauthorized"],
      ["viewer", importInto(tokens.viewer, document.id, one), 403, "forbidden"],
      ["muted", importInto(tokens.muted, document.id, one), 403, "forbidden"],
      ["outsider", importInto(tokens.outsider, document.id, one), 404, "not_found"],
    ];
    for (const [name, response, status, code] of cases) {
      const res = await response;
      expect({ name, status: res.status, code: res.data?.error?.code }).toEqual({ name, status, code });
    }
    expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(0);
  });

  it("stops creating when the import runs out of time: the items left fail with import_time_limit", async () => {
    const { document, users } = await scene();
    const items = [annotationOn(document.id, "lazy dog"), annotationOn(document.id, "quick brown fox")];
    const result = await importAnnotations({ documentId: document.id, actorId: users.member.id, origin: "http://marginalia.test", items, timeLimitMs: -1 });
    expect(result).toEqual({ imported: 0, failed: [0, 1].map((index) => ({ index, code: "import_time_limit", message: expect.stringContaining("ran out of time") })) });
    expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(0);
  });
});
