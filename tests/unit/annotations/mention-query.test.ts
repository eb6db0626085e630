import { describe, expect, it } from "vitest";
import { insertMention, mentionQueryAt } from "../../../lib/annotations/mention-query";
import { findMentions } from "../../../lib/annotations/mentions";

describe("mentionQueryAt", () => {
  it("finds the name being typed after an @ at a word start", () => {
    expect(mentionQueryAt("Ask @Ad", 7)).toEqual({ start: 4, query: "Ad" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("cc (@Zoë Ök", 11)).toEqual({ start: 4, query: "Zoë Ök" });
  });

  it("ignores emails, finished mentions, line breaks and text after the caret", () => {
    expect(mentionQueryAt("mail ada@example", 16)).toBeNull();
    expect(mentionQueryAt("@[Ada Lovelace] ", 16)).toBeNull();
    expect(mentionQueryAt("@Ada\nnext", 9)).toBeNull();
    expect(mentionQueryAt("@Ada  two spaces", 16)).toBeNull();
    expect(mentionQueryAt("plain text", 5)).toBeNull();
  });
});

describe("insertMention", () => {
  it("writes the bracketed name the server recognises and puts the caret after it", () => {
    const text = "Ask @Ad about this";
    const result = insertMention(text, { start: 4 }, 7, "Ada Lovelace");
    expect(result).toEqual({ text: "Ask @[Ada Lovelace]  about this", caret: 20 });
    expect(findMentions(result.text, [{ id: "u1", name: "Ada Lovelace" }])).toEqual([{ id: "u1", name: "Ada Lovelace" }]);
  });
});
