import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/documents/[documentId]/annotations/export/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { call } from "../http";
import { annotate, annotationIriOf, scene } from "./helpers";

const download = (token: string | undefined, documentId: string, format?: string) =>
  call(exportRoute.GET, { token, params: { documentId }, path: `/api/v1/documents/${documentId}/annotations/export${format ? `?format=${format}` : ""}` });

async function discussed() {
  const s = await scene();
  const a = await annotate(s.users.member.id, s.document.id, "lazy dog", { body: [{ type: "TextualBody", value: "=HYPERLINK(\"http://evil.test\")", format: "text/plain" }, { type: "TextualBody", value: "animals", purpose: "tagging" }] });
  const { annotation: reply } = await createAnnotation({ actorId: s.users.other.id, documentId: s.document.id, input: { type: "Annotation", bodyValue: "Agreed, truly", target: annotationIriOf(s.document.id, a.id) } });
  const b = await annotate(s.users.editor.id, s.document.id, "quick brown fox");
  return { ...s, a, reply, b };
}

describe("annotation exports", () => {
  it("JSON-LD: an AnnotationCollection of everything visible, as an attachment", async () => {
    const { tokens, document, a, reply, b } = await discussed();
    const res = await download(tokens.viewer, document.id, "jsonld");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="text-[0-9a-f]+-annotations\.jsonld"/);
    expect(res.data).toMatchObject({ type: "AnnotationCollection", total: 3, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(res.data["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(res.data.first.items.map((x: { id: string }) => x.id.split("/").at(-1))).toEqual([a.id, reply.id, b.id]);
    expect(res.data.first.items[1]).toMatchObject({ motivation: "replying", target: annotationIriOf(document.id, a.id) });
    expect((await download(tokens.viewer, document.id)).headers.get("content-type")).toContain("application/ld+json");
  });

  it("CSV: one row per annotation, replies flattened with their parent's id, formulas defused", async () => {
    const { tokens, document, a, reply, b, users } = await discussed();
    const res = await download(tokens.viewer, document.id, "csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"/);
    const lines = res.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,parent_id,author,created,quote,note,tags,visibility,status,orphaned");
    // Document order: "quick brown fox" comes before "lazy dog"; the reply follows its parent.
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([b.id, a.id, reply.id]);
    expect(lines[3]).toMatch(new RegExp(`^${reply.id},${a.id},${users.other.name},`));
    expect(lines[3]).toContain('"Agreed, truly"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(lines[2]).toContain(",animals,group,approved,false");
  });

  it("Markdown: the title, quotes as blockquotes with footnotes, replies nested", async () => {
    const { tokens, document, users } = await discussed();
    const res = await download(tokens.viewer, document.id, "markdown");
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.md"/);
    expect(res.text.startsWith(`# ${document.title}\n\n> quick brown fox[^1]\n\n> lazy dog[^2]\n\n`)).toBe(true);
    expect(res.text).toContain(`[^2]: **${users.member.name}**, `);
    expect(res.text).toContain(`    - **${users.other.name}**, `);
    expect(res.text).toContain("Agreed, truly");
  });

  it("400 for an unknown format, 401 without credentials, 404 for outsiders", async () => {
    const { tokens, document } = await scene();
    expect((await download(tokens.member, document.id, "xml")).status).toBe(400);
    expect((await download(undefined, document.id, "csv")).status).toBe(401);
    expect((await download(tokens.outsider, document.id, "csv")).status).toBe(404);
  });
});
