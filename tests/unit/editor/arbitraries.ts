import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";

// Characters that tend to break text pipelines: astral emoji, ZWJ sequences, flags, combining
// marks, RTL scripts and marks, typographic punctuation, markup-significant ASCII, odd spaces.
const TRICKY = [
  "😀", "👩🏽‍🔬", "🇫🇷", "e\u0301", "a\u0308\u0301", "שלום", "مرحبا", "\u200f", "\u200e", "\u200b",
  "“", "”", "‘", "’", "—", "–", "…", "&", "&amp;", "<", ">", '"', "'", "\t", " ", "\u00a0", "日本語", "𝔘",
];

const unit = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
  fc.constantFrom(...TRICKY),
);

/** A line a plain-text import keeps verbatim: not blank, no line terminators, no BOM or NUL. */
export const lineArb = fc
  .string({ unit, minLength: 1, maxLength: 24 })
  .filter((line) => !/^\s*$/.test(line) && !/[\r\n\ufeff\u0000]/.test(line));

/** A paragraph as the user typed it: lines joined by single newlines. */
export const paragraphArb = fc.array(lineArb, { minLength: 1, maxLength: 4 });

/** Whitespace-only runs that separate paragraphs in plain text (at least one blank line). */
export const separatorArb = fc.constantFrom("\n\n", "\n\n\n", "\n \n", "\n\t\n", "\r\n\r\n", "\n\u00a0\n", "\r\r", "\n  \n\n");

const textNodeArb: fc.Arbitrary<JSONContent> = fc
  .tuple(lineArb, fc.constantFrom<string[]>([], ["bold"], ["italic"], ["bold", "italic", "strike"], ["code"], ["link"]))
  .map(([text, marks]) => ({
    type: "text",
    text,
    ...(marks.length && {
      marks: marks.map((type) => (type === "link" ? { type, attrs: { href: "https://example.com/x" } } : { type })),
    }),
  }));

const inlineArb = fc.array(fc.oneof({ weight: 4, arbitrary: textNodeArb }, { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) }), { maxLength: 5 });

const paragraphNodeArb = inlineArb.map((content): JSONContent => (content.length ? { type: "paragraph", content } : { type: "paragraph" }));

const headingArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), inlineArb)
  .map(([level, content]): JSONContent => ({ type: "heading", attrs: { level }, ...(content.length && { content }) }));

const { block } = fc.letrec<{ block: JSONContent; item: JSONContent }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 3, depthIdentifier: "block" },
    paragraphNodeArb,
    headingArb,
    fc.constant({ type: "horizontalRule" }),
    fc.array(tie("block"), { minLength: 1, maxLength: 3 }).map((content) => ({ type: "blockquote", content })),
    fc
      .tuple(fc.constantFrom("bulletList", "orderedList"), fc.array(tie("item"), { minLength: 1, maxLength: 3 }))
      .map(([type, content]) => ({ type, content })),
  ),
  item: fc
    .tuple(paragraphNodeArb, fc.array(tie("block"), { maxLength: 2 }))
    .map(([first, rest]) => ({ type: "listItem", content: [first, ...rest] })),
}));

/** Schema-valid document JSON mixing every node type, mark and nesting the schema allows. */
export const docArb: fc.Arbitrary<JSONContent> = fc
  .array(block, { minLength: 1, maxLength: 5 })
  .map((content) => ({ type: "doc", content }));
