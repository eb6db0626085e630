import type { JSONContent } from "@tiptap/core";
import { generateJSON } from "@tiptap/html/server";
import { Marked } from "marked";
import { editorExtensions, getEditorSchema } from "./extensions";
import { textProjection } from "./projection";
import { sanitizeImportHTML } from "./sanitize";
import { tidyImportedDoc } from "./tidy";

/** Largest accepted import, in UTF-8 bytes of the submitted content. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Source formats importContent understands. */
export type ImportFormat = "text" | "markdown" | "html";

/** Why an import was refused. */
export type ImportErrorCode = "too_large" | "empty" | "invalid";

/** Thrown by importContent; `code` is stable and safe to show or map to an HTTP status. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportError";
    this.code = code;
  }
}

// Smartypants and header ids are gone from marked's core since v8, so typography survives as typed.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

// NUL is refused because Postgres text/jsonb cannot store it; lone surrogates cannot survive UTF-8 (Yjs).
const NUL = /\u0000/;

// A line holding only whitespace (any Unicode \s, NBSP included) separates paragraphs.
const BLANK_LINE = /^\s*$/;

function textToDoc(content: string): JSONContent {
  const paragraphs: string[][] = [];
  let current: string[] | null = null;
  for (const line of content.replace(/\r\n?/g, "\n").split("\n")) {
    if (BLANK_LINE.test(line)) {
      current = null;
    } else if (current) {
      current.push(line);
    } else {
      current = [line];
      paragraphs.push(current);
    }
  }
  return {
    type: "doc",
    content: paragraphs.map((lines) => ({
      type: "paragraph",
      content: lines.flatMap((text, i) =>
        i === 0 ? [{ type: "text", text }] : [{ type: "hardBreak" }, { type: "text", text }],
      ),
    })),
  };
}

function htmlToDoc(html: string): JSONContent {
  return tidyImportedDoc(generateJSON(sanitizeImportHTML(html), editorExtensions) as JSONContent);
}

function convert(format: ImportFormat, content: string): JSONContent {
  switch (format) {
    case "text":
      return textToDoc(content);
    case "markdown":
      return htmlToDoc(markdown.parse(content, { async: false }));
    case "html":
      return htmlToDoc(content);
    default:
      throw new ImportError("invalid", `Unknown import format: ${String(format)}`);
  }
}

/**
 * Converts submitted text, Markdown or HTML into a schema-valid ProseMirror JSON doc.
 * Plain text keeps every character of its lines as typed (blank lines split paragraphs,
 * single newlines become hard breaks); a leading BOM is dropped. HTML and Markdown go
 * through an allowlist sanitizer first. Throws ImportError for oversized, empty or unusable input.
 */
export function importContent(format: ImportFormat, content: string): JSONContent {
  if (typeof content !== "string") throw new ImportError("invalid", "Content must be a string");
  if (Buffer.byteLength(content, "utf8") > MAX_IMPORT_BYTES) {
    throw new ImportError("too_large", `Content exceeds ${MAX_IMPORT_BYTES} bytes`);
  }
  if (NUL.test(content) || !content.isWellFormed()) {
    throw new ImportError("invalid", "Content contains NUL characters or broken Unicode");
  }
  const source = content.startsWith("\uFEFF") ? content.slice(1) : content;

  let doc;
  try {
    doc = getEditorSchema().nodeFromJSON(convert(format, source));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError("invalid", "Content could not be converted", { cause: error });
  }
  if (textProjection(doc).trim() === "") throw new ImportError("empty", "Content has no text");
  try {
    doc.check();
  } catch (error) {
    throw new ImportError("invalid", "Content does not fit the document schema", { cause: error });
  }
  return doc.toJSON() as JSONContent;
}
