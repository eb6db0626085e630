import { describe, expect, it } from "vitest";
import { annotationChange } from "@/components/annotations/live-messages";
import { buildThreads, facets, lastSegment, noteFromJSON, withFirstList, withNote, withoutNote, type AnnotationJSON, type Note } from "@/components/annotations/model";

const origin = "https://marginalia.test";
function presented(id: string, over: Record<string, unknown> = {}): AnnotationJSON {
  return {
    id: `${origin}/api/annotations/doc1/${id}`,
    type: "Annotation",
    motivation: "commenting",
    created: "2025-03-01T10:00:00.000Z",
    modified: "2025-03-01T10:00:00.000Z",
    creator: { id: `${origin}/users/u1`, type: "Person", name: "Ada" },
    body: [
      { type: "TextualBody", value: "A note", format: "text/markdown", purpose: "commenting" },
      { type: "TextualBody", value: "history", purpose: "tagging" },
    ],
    target: {
      source: `${origin}/documents/doc1`,
      selector: [
        { type: "TextQuoteSelector", exact: "words", prefix: "some ", suffix: " here" },
        { type: "TextPositionSelector", start: 5, end: 10 },
      ],
    },
    visibility: "private",
    moderationStatus: "pending",
    orphaned: false,
    locked: false,
    resolved: false,
    replyCount: 0,
    anchor: { start: "AQI=", end: "AwQ=" },
    ...over,
  } as unknown as AnnotationJSON;
}

describe("annotation model", () => {
  it("reads a presented annotation", () => {
    const note = noteFromJSON(presented("a1"));
    expect(note).toMatchObject({
      id: "a1",
      parentId: null,
      author: { id: "u1", name: "Ada" },
      body: "A note",
      tags: ["history"],
      visibility: "private",
      status: "pending",
      quote: { exact: "words", prefix: "some ", suffix: " here" },
      position: { start: 5, end: 10 },
      anchor: { start: "AQI=", end: "AwQ=" },
    });
  });

  it("reads a reply, a single body and an orphan without a position", () => {
    const reply = noteFromJSON(presented("r1", { target: `${origin}/api/annotations/doc1/a1`, body: { type: "TextualBody", value: "Yes", purpose: "replying" }, anchor: undefined }));
    expect(reply).toMatchObject({ parentId: "a1", body: "Yes", tags: [], anchor: null, quote: null });
    const orphan = noteFromJSON(presented("o1", { orphaned: true, target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "gone" }] } }));
    expect(orphan).toMatchObject({ orphaned: true, position: null, quote: { exact: "gone", prefix: "", suffix: "" } });
  });

  it("builds threads with replies in order, replies to replies included, strays left out", () => {
    const notes = new Map<string, Note>();
    const add = (json: AnnotationJSON) => notes.set(noteFromJSON(json).id, noteFromJSON(json));
    add(presented("root"));
    add(presented("r2", { target: `${origin}/api/annotations/doc1/root`, created: "2025-03-01T10:02:00.000Z" }));
    add(presented("r1", { target: `${origin}/api/annotations/doc1/root`, created: "2025-03-01T10:01:00.000Z" }));
    add(presented("r3", { target: `${origin}/api/annotations/doc1/r1`, created: "2025-03-01T10:03:00.000Z" }));
    add(presented("stray", { target: `${origin}/api/annotations/doc1/missing` }));
    const threads = buildThreads(notes);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([["root", ["r1", "r2", "r3"]]]);
    expect(facets(threads)).toEqual({ authors: [{ id: "u1", name: "Ada" }], tags: ["history"] });
  });

  it("removes a thread's replies with its root, and ignores stale representations", () => {
    let notes = new Map<string, Note>();
    notes = withNote(notes, noteFromJSON(presented("root")));
    notes = withNote(notes, noteFromJSON(presented("r1", { target: `${origin}/api/annotations/doc1/root` })));
    notes = withNote(notes, noteFromJSON(presented("other")));
    const newer = noteFromJSON(presented("other", { modified: "2025-03-02T00:00:00.000Z", body: { value: "new", purpose: "commenting" } }));
    notes = withNote(notes, newer);
    notes = withNote(notes, noteFromJSON(presented("other", { body: { value: "old", purpose: "commenting" } })));
    expect(notes.get("other")?.body).toBe("new");
    expect([...withoutNote(notes, "root").keys()]).toEqual(["other"]);
  });

  it("takes the server's first list, streamed after the text, without undoing what the page already holds", () => {
    const mine = noteFromJSON(presented("mine", { modified: "2025-03-02T00:00:00.000Z", body: { value: "just edited", purpose: "commenting" } }));
    const held = new Map([["mine", mine]]);
    const list = [noteFromJSON(presented("mine")), noteFromJSON(presented("other"))];
    const notes = withFirstList(held, list);
    expect([...notes.keys()].sort()).toEqual(["mine", "other"]);
    expect(notes.get("mine")?.body).toBe("just edited");
    expect(held.size).toBe(1);
  });

  it("turns live messages into changes and ignores anything else", () => {
    expect(annotationChange({ type: "annotation.created", annotation: presented("a1") })).toMatchObject({ kind: "upsert", created: true });
    expect(annotationChange({ type: "annotation.moderated", annotation: presented("a1") })).toMatchObject({ kind: "upsert", created: false });
    expect(annotationChange({ type: "annotation.deleted", annotation: { id: `${origin}/api/annotations/doc1/a1` } })).toEqual({ kind: "remove", id: "a1" });
    expect(annotationChange({ type: "annotation.created", annotation: { id: 5 } })).toBeNull();
    expect(annotationChange({ type: "annotation.deleted" })).toBeNull();
    expect(annotationChange({ type: "saved" })).toBeNull();
    expect(lastSegment("https://x/users/abc/")).toBe("abc");
  });
});
