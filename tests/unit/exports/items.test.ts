import { describe, expect, it } from "vitest";
import { exportItemOf, flattenThreads, threadsOf } from "@/lib/exports/items";
import type { PresentedAnnotation } from "@/lib/presenters/annotation";
import { item } from "./fixtures";

describe("threadsOf", () => {
  it("orders top-level annotations by their place in the text, orphans last, replies nested by date", () => {
    const threads = threadsOf([
      item({ id: "orphan", quote: "gone", orphaned: true, created: "2026-01-01T00:00:00.000Z" }),
      item({ id: "late", quote: "b", position: 50 }),
      item({ id: "early", quote: "a", position: 5 }),
      item({ id: "r2", parentId: "early", created: "2026-01-03T00:00:00.000Z" }),
      item({ id: "r1", parentId: "early", created: "2026-01-02T12:00:00.000Z" }),
      item({ id: "r1a", parentId: "r1", created: "2026-01-04T00:00:00.000Z" }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(["early", "late", "orphan"]);
    expect(threads[0].replies.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(threads[0].replies[0].replies.map((r) => r.id)).toEqual(["r1a"]);
    expect(flattenThreads(threads).map((t) => t.id)).toEqual(["early", "r1", "r1a", "r2", "late", "orphan"]);
  });
});

describe("exportItemOf", () => {
  const presented = (extra: Record<string, unknown>) =>
    ({ id: "https://m.test/api/annotations/doc/x", created: "2026-01-02T10:00:00.000Z", creator: { type: "Person", name: "A classmate" }, visibility: "group", moderationStatus: "approved", orphaned: false, ...extra }) as unknown as PresentedAnnotation;

  it("reads quote, position, note and tags off the viewer's representation (names as the viewer got them)", () => {
    const result = exportItemOf(
      { id: "x", parentId: null, threadId: null },
      presented({
        body: [{ type: "TextualBody", value: "Why?", format: "text/plain", purpose: "commenting" }, { type: "TextualBody", value: "q", purpose: "tagging" }],
        target: { source: "s", selector: [{ type: "TextQuoteSelector", exact: "words" }, { type: "TextPositionSelector", start: 7, end: 12 }] },
      }),
      new Set(["x"]),
    );
    expect(result).toMatchObject({ author: "A classmate", quote: "words", position: 7, note: "Why?", noteFormat: "text/plain", tags: ["q"], parentId: null });
  });

  it("hangs a reply whose parent the viewer cannot see on the thread's root, and never names the hidden parent", () => {
    const reply = presented({ target: "https://m.test/api/annotations/doc/hidden", body: { type: "TextualBody", value: "ok", purpose: "replying" } });
    expect(exportItemOf({ id: "x", parentId: "hidden", threadId: "root" }, reply, new Set(["root", "x"])).parentId).toBe("root");
    expect(exportItemOf({ id: "x", parentId: "p", threadId: "root" }, reply, new Set(["root", "p", "x"])).parentId).toBe("p");
    expect(exportItemOf({ id: "x", parentId: "p", threadId: "root" }, reply, new Set(["root", "p", "x"])).quote).toBeNull();
  });
});
