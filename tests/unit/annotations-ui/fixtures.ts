import type { Note } from "@/components/annotations/model";

let seq = 0;

/** A margin note as the reading page holds it: approved, group-visible, by Ada; each one a second newer than the last. */
export function makeNote(over: Partial<Note> = {}): Note {
  seq++;
  const at = `2025-01-01T00:00:${String(seq).padStart(2, "0")}.000Z`;
  return {
    id: `n${seq}`,
    iri: `https://x/api/annotations/d/n${seq}`,
    parentId: null,
    motivation: "commenting",
    author: { id: "ada", name: "Ada Lindqvist" },
    body: "",
    format: "text/markdown",
    tags: [],
    visibility: "group",
    status: "approved",
    orphaned: false,
    locked: false,
    resolved: false,
    reactions: { helpful: 0, question: 0 },
    myReactions: [],
    flagCount: null,
    quote: null,
    position: null,
    anchor: null,
    created: at,
    modified: at,
    ...over,
  };
}
