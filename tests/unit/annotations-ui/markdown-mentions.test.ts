import { describe, expect, it } from "vitest";
import { renderNoteHTML } from "@/lib/markdown/render";

describe("renderNoteHTML: mentions", () => {
  it("renders @[Full Name] as a chip without its brackets", () => {
    expect(renderNoteHTML("Thanks @[Ada Lovelace], see above.").trim()).toBe('<p>Thanks <span class="mention">@Ada Lovelace</span>, see above.</p>');
  });

  it("does the same in plain-text notes", () => {
    expect(renderNoteHTML("Over to @[Basil Hallward]\nand you", "text/plain")).toBe('<p>Over to <span class="mention">@Basil Hallward</span><br>and you</p>');
  });

  it("leaves mentions inside code as typed", () => {
    const html = renderNoteHTML("`@[Ada Lovelace]` and\n\n```\n@[Ada Lovelace]\n```");
    expect(html).not.toContain('class="mention"');
    expect(html).toContain("<code>@[Ada Lovelace]</code>");
  });

  it("keeps markup inside the brackets escaped, in both formats", () => {
    for (const format of ["text/markdown", "text/plain"] as const) {
      const html = renderNoteHTML('@[<img src=x onerror=alert(1)>] and @["><script>alert(2)</script>]', format);
      expect(html).not.toMatch(/<img|<script|onerror="/);
      expect(html).toContain('<span class="mention">@&lt;img src=x onerror=alert(1)&gt;</span>');
      expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    }
  });

  it("lets no other class or span attribute through", () => {
    const html = renderNoteHTML('<span class="mention evil" style="x">fake</span>');
    expect(html).not.toContain("<span");
  });

  it("leaves empty brackets alone", () => {
    expect(renderNoteHTML("@[ ] here").trim()).toBe("<p>@[ ] here</p>");
  });
});
