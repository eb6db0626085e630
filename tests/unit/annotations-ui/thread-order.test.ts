import { describe, expect, it } from "vitest";
import type { Note, Thread } from "@/components/annotations/model";
import { annotationIdFromHash, foldResolved, lastActivity, reactionTotal, sortThreads } from "@/components/annotations/thread-order";
import { makeNote } from "./fixtures";

const note = makeNote;

function thread(start: number, over: Partial<Note> = {}, replies: Partial<Note>[] = []): Thread & { start: number } {
  const root = note({ position: { start, end: start + 5 }, ...over });
  return { root, replies: replies.map((r) => note({ parentId: root.id, ...r })), start };
}

const startOf = (t: Thread) => t.root.position?.start ?? 0;
const ids = (threads: Thread[]) => threads.map((t) => t.root.id);

describe("sorting the margin's threads", () => {
  it("by position follows the words, whatever order they came in", () => {
    const [a, b, c] = [thread(50), thread(10), thread(30)];
    expect(ids(sortThreads([a, b, c], "position", startOf))).toEqual(ids([b, c, a]));
  });

  it("by latest activity puts the thread with the newest note, reply or edit first", () => {
    const quiet = thread(10, { created: "2025-01-01T00:00:00.000Z", modified: "2025-01-01T00:00:00.000Z" });
    const replied = thread(20, { created: "2025-01-01T00:00:00.000Z", modified: "2025-01-01T00:00:00.000Z" }, [{ created: "2025-03-01T00:00:00.000Z", modified: "2025-03-01T00:00:00.000Z" }]);
    const edited = thread(30, { created: "2025-01-01T00:00:00.000Z", modified: "2025-02-01T00:00:00.000Z" });
    expect(lastActivity(replied)).toBe("2025-03-01T00:00:00.000Z");
    expect(ids(sortThreads([quiet, edited, replied], "activity", startOf))).toEqual(ids([replied, edited, quiet]));
  });

  it("by reactions counts both kinds on every note of the thread; ties keep text order", () => {
    const none = thread(5);
    const some = thread(40, { reactions: { helpful: 1, question: 1 } });
    const replies = thread(20, {}, [{ reactions: { helpful: 3, question: 0 } }]);
    const tie = thread(1, { reactions: { helpful: 0, question: 2 } });
    expect(reactionTotal(replies)).toBe(3);
    expect(ids(sortThreads([none, some, replies, tie], "reactions", startOf))).toEqual(ids([replies, tie, some, none]));
  });

  it("does not change the list it was given", () => {
    const list = [thread(9), thread(1)];
    const before = ids(list);
    sortThreads(list, "position", startOf);
    expect(ids(list)).toEqual(before);
  });
});

describe("folding resolved threads", () => {
  const open = thread(1);
  const done = thread(2, { resolved: true });
  const alsoDone = thread(3, { resolved: true });

  it("folds resolved threads away and counts them", () => {
    const result = foldResolved([open, done, alsoDone], { showResolved: false });
    expect(ids(result.open)).toEqual(ids([open]));
    expect(result.folded).toBe(2);
  });

  it("shows them again when asked, still counting them for the toggle", () => {
    const result = foldResolved([open, done, alsoDone], { showResolved: true });
    expect(ids(result.open)).toEqual(ids([open, done, alsoDone]));
    expect(result.folded).toBe(2);
  });

  it("keeps a thread that must stay reachable", () => {
    const result = foldResolved([open, done], { showResolved: false, keepId: done.root.id });
    expect(ids(result.open)).toEqual(ids([open, done]));
    expect(result.folded).toBe(0);
  });
});

describe("annotation deep links", () => {
  it("reads the id from #annotation-<id>", () => {
    expect(annotationIdFromHash("#annotation-cm3abc_12-x")).toBe("cm3abc_12-x");
  });
  it("ignores other hashes and the orphans section's anchor", () => {
    expect(annotationIdFromHash("")).toBeNull();
    expect(annotationIdFromHash("#annotation-orphans")).toBeNull();
    expect(annotationIdFromHash("#note-1")).toBeNull();
    expect(annotationIdFromHash("#annotation-a/b")).toBeNull();
  });
});
