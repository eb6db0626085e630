import { describe, expect, it } from "vitest";
import { threadsOf } from "@/lib/exports/items";
import { annotationsToMarkdown, escapeMarkdown } from "@/lib/exports/markdown";
import { item } from "./fixtures";

describe("Markdown export", () => {
  it("gives the title, each quote as a blockquote with a footnote, and the notes as footnotes with nested replies", () => {
    const md = annotationsToMarkdown(
      "On Reading",
      threadsOf([
        item({ id: "a", quote: "argued with a book", position: 10, note: "A **strong** opening.", tags: ["style"] }),
        item({ id: "r", parentId: "a", author: "Basil Okafor", note: "Agreed.", created: "2026-01-03T00:00:00.000Z" }),
        item({ id: "rr", parentId: "r", author: "Ada Lindqvist", note: "Thanks!", created: "2026-01-04T00:00:00.000Z" }),
        item({ id: "b", quote: "the margin", position: 40, note: "Plain *not bold*", noteFormat: "text/plain" }),
      ]),
    );
    expect(md).toBe(
      [
        "# On Reading",
        "> argued with a book[^1]",
        "> the margin[^2]",
        "[^1]: **Ada Lindqvist**, 2026-01-02: A **strong** opening.\n\n    Tags: `style`\n\n    - **Basil Okafor**, 2026-01-03: Agreed.\n\n      - **Ada Lindqvist**, 2026-01-04: Thanks!",
        "[^2]: **Ada Lindqvist**, 2026-01-02: Plain \\*not bold\\*",
      ].join("\n\n") + "\n",
    );
  });

  it("keeps multi-line quotes and notes inside their blockquote and footnote", () => {
    const md = annotationsToMarkdown("T", threadsOf([item({ id: "a", quote: "one\n\ntwo", position: 0, note: "first para\n\nsecond para" })]));
    expect(md).toContain("> one\n>\n> two[^1]");
    expect(md).toContain("[^1]: **Ada Lindqvist**, 2026-01-02:\n\n    first para\n\n    second para");
  });

  it("says which annotations are private, pending or orphaned", () => {
    const md = annotationsToMarkdown("T", threadsOf([item({ id: "a", quote: "gone words", orphaned: true, visibility: "private", status: "pending", note: "n" })]));
    expect(md).toContain("(private, pending, orphaned: the annotated words were deleted): n");
  });

  it("escapes Markdown in quotes, names and the title so they read as written", () => {
    expect(escapeMarkdown("*a* _b_ [c](d) <e> # f")).toBe("\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\# f");
    expect(escapeMarkdown("- not a list\n1. not a list")).toBe("\\- not a list\n1\\. not a list");
    const md = annotationsToMarkdown("# [Title](x)", threadsOf([item({ id: "a", quote: "<script>x</script>", position: 0, author: "**Eve**" })]));
    expect(md).toContain("# \\# \\[Title\\](x)");
    expect(md).toContain("> \\<script\\>x\\</script\\>[^1]");
    expect(md).toContain("[^1]: **\\*\\*Eve\\*\\***, 2026-01-02:");
  });

  it("says so when there is nothing to export", () => {
    expect(annotationsToMarkdown("Empty", [])).toBe("# Empty\n\n_No annotations._\n");
  });
});
