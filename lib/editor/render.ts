import type { JSONContent } from "@tiptap/core";
import { getEditorSchema } from "./extensions";
import { serializeToHTML } from "./html-string";
import { sanitizeLinkMarks } from "./links";

/**
 * Renders a document JSON to HTML safe for dangerouslySetInnerHTML: only schema tags, text and
 * attributes escaped by the serializer, links reduced to a validated href and fixed rel/target.
 * Throws on node or mark types the schema does not know. A few ms for a long text (html-string.ts).
 */
export function renderDocumentHTML(json: JSONContent): string {
  return serializeToHTML(getEditorSchema().nodeFromJSON(sanitizeLinkMarks(json)));
}
