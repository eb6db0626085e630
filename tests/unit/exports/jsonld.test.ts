import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "@/lib/exports/filename";
import { annotationsToJsonLd } from "@/lib/exports/jsonld";
import type { PresentedAnnotation } from "@/lib/presenters/annotation";

const anno = (id: string) => ({ id: `https://m.test/api/annotations/d/${id}`, type: "Annotation" }) as unknown as PresentedAnnotation;

describe("JSON-LD export", () => {
  it("is an AnnotationCollection with the anno context first, total, and one embedded page holding every item", () => {
    const c = annotationsToJsonLd({ origin: "https://m.test", iri: "https://m.test/x?format=jsonld", label: "L", items: [anno("a"), anno("b")], modified: "2026-01-02T00:00:00.000Z" });
    expect(c["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(c).toMatchObject({ id: "https://m.test/x?format=jsonld", type: "AnnotationCollection", label: "L", total: 2, modified: "2026-01-02T00:00:00.000Z" });
    expect(c.first).toEqual({ id: "https://m.test/x?format=jsonld#page-0", type: "AnnotationPage", partOf: "https://m.test/x?format=jsonld", startIndex: 0, items: [anno("a"), anno("b")] });
    expect(c.last).toBe(c.first!.id);
  });

  it("has no pages when empty", () => {
    const c = annotationsToJsonLd({ origin: "https://m.test", iri: "https://m.test/x", label: "L", items: [] });
    expect(c).toMatchObject({ total: 0 });
    expect(c).not.toHaveProperty("first");
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII file name and the full UTF-8 one", () => {
    expect(attachmentDisposition("On Reading in the Margins", "csv")).toBe(
      `attachment; filename="on-reading-in-the-margins-annotations.csv"; filename*=UTF-8''On%20Reading%20in%20the%20Margins%20-%20annotations.csv`,
    );
    const d = attachmentDisposition(`Café "quotes" (1)'s *`, "md");
    expect(d).toContain('filename="cafe-quotes-1s-annotations.md"');
    expect(d).toContain("filename*=UTF-8''Caf%C3%A9%20%22quotes%22%20%281%29%27s%20%2A%20-%20annotations.md");
    expect(attachmentDisposition("???", "md")).toContain('filename="document-annotations.md"');
  });
});
