import type { JSONContent } from "@tiptap/core";
import { generateHTML } from "@tiptap/html/server";
import { editorExtensions } from "./extensions";
import { sanitizeLinkMarks } from "./links";

/**
 * Renders a document JSON to HTML safe for dangerouslySetInnerHTML: only schema tags, text and
 * attributes escaped by the DOM serializer, links reduced to a validated href and fixed rel/target.
 * Throws on node or mark types the schema does not know. Costs a few ms (schema + happy-dom per call).
 */
export function renderDocumentHTML(json: JSONContent): string {
  return generateHTML(sanitizeLinkMarks(json), editorExtensions);
}
