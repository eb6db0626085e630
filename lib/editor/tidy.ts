import type { JSONContent } from "@tiptap/core";
import { getEditorSchema } from "./extensions";

// Only here are empty blocks pure noise; a list item must keep its (possibly empty) first paragraph.
const PRUNED_CONTAINERS = new Set(["doc", "blockquote"]);

function isTextblock(node: JSONContent): boolean {
  return getEditorSchema().nodes[node.type ?? ""]?.isTextblock ?? false;
}

function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  const rest = { ...node };
  delete rest.content;
  return content.length > 0 ? { ...rest, content } : rest;
}

function stripMarks(node: JSONContent): JSONContent {
  const rest = { ...node };
  delete rest.marks;
  return rest;
}

function tidyNode(node: JSONContent): JSONContent | null {
  if (isTextblock(node)) {
    // y-tiptap drops marks on non-text inline nodes, so keeping them here would make the
    // imported JSON differ from what the same document reads back from Yjs.
    const content = (node.content ?? []).map((child) => (child.type === "text" ? child : stripMarks(child)));
    while (content.length > 0 && content[content.length - 1].type === "hardBreak") content.pop();
    return withContent(node, content);
  }
  if (!node.content) return node;
  let content = node.content.map(tidyNode).filter((child): child is JSONContent => child !== null);
  if (PRUNED_CONTAINERS.has(node.type ?? "")) {
    content = content.filter((child) => !(isTextblock(child) && !child.content));
  }
  if (node.type === "blockquote" && content.length === 0) return null;
  return withContent(node, content);
}

/**
 * Removes what pasted HTML leaves that a reader cannot see: trailing hard breaks in a block
 * (`<p>text<br></p>`), marks on hard breaks, empty paragraphs/headings and emptied blockquotes.
 * May return a doc with no content; callers treat that as an empty import.
 */
export function tidyImportedDoc(doc: JSONContent): JSONContent {
  return tidyNode(doc) ?? { type: "doc" };
}
