import { describe, expect, it } from "vitest";
import { activeFilterCount, filterThreads, isFiltering, noFilters, searchKey, type ThreadFilters } from "@/components/annotations/filters";
import type { Note, Thread } from "@/components/annotations/model";
import { makeNote } from "./fixtures";

/** Notes on "the margin" at the start of the text, unless a test says otherwise. */
const note = (over: Partial<Note> = {}) => makeNote({ quote: { exact: "the margin", prefix: "", suffix: "" }, position: { start: 0, end: 10 }, ...over });

const basil = { id: "basil", name: "Basil Okafor" };
const threads: Thread[] = [
  { root: note({ body: "A **question** about the date", tags: ["dates"] }), replies: [note({ author: basil, body: "See chapter four" })] },
  { root: note({ author: basil, body: "Lovely sentence", tags: ["style"], resolved: true, quote: { exact: "Résumé of the argument", prefix: "", suffix: "" } }), replies: [] },
  { root: note({ author: basil, body: "", tags: [], quote: { exact: "שלום עולם", prefix: "", suffix: "" } }), replies: [] },
];
const f = (over: Partial<ThreadFilters>): ThreadFilters => ({ ...noFilters, ...over });
const ids = (list: Thread[]) => list.map((t) => threads.indexOf(t));

describe("thread filters", () => {
  it("shows everything without filters", () => {
    expect(isFiltering(noFilters)).toBe(false);
    expect(ids(filterThreads(threads, noFilters, { viewerId: "ada" }))).toEqual([0, 1, 2]);
  });

  it("filters by author, counting replies as taking part", () => {
    expect(ids(filterThreads(threads, f({ authors: ["basil"] }), { viewerId: "ada" }))).toEqual([0, 1, 2]);
    expect(ids(filterThreads(threads, f({ authors: ["ada"] }), { viewerId: "ada" }))).toEqual([0]);
  });

  it("filters by tag, mine and unresolved, all together", () => {
    expect(ids(filterThreads(threads, f({ tag: "style" }), { viewerId: "ada" }))).toEqual([1]);
    expect(ids(filterThreads(threads, f({ mine: true }), { viewerId: "basil" }))).toEqual([0, 1, 2]);
    expect(ids(filterThreads(threads, f({ mine: true }), { viewerId: "ada" }))).toEqual([0]);
    expect(ids(filterThreads(threads, f({ unresolved: true }), { viewerId: "ada" }))).toEqual([0, 2]);
    expect(ids(filterThreads(threads, f({ unresolved: true, tag: "style" }), { viewerId: "ada" }))).toEqual([]);
    expect(activeFilterCount(f({ unresolved: true, tag: "style", query: "x" }))).toBe(2);
  });

  it("searches notes, replies, tags and quotes; every word must match; accents and case do not matter", () => {
    expect(ids(filterThreads(threads, f({ query: "chapter" }), { viewerId: "ada" }))).toEqual([0]);
    expect(ids(filterThreads(threads, f({ query: "QUESTION date" }), { viewerId: "ada" }))).toEqual([0]);
    expect(ids(filterThreads(threads, f({ query: "question style" }), { viewerId: "ada" }))).toEqual([]);
    expect(ids(filterThreads(threads, f({ query: "resume" }), { viewerId: "ada" }))).toEqual([1]);
    expect(ids(filterThreads(threads, f({ query: "#dates" }), { viewerId: "ada" }))).toEqual([0]);
    expect(ids(filterThreads(threads, f({ query: "עולם" }), { viewerId: "ada" }))).toEqual([2]);
  });

  it("searches the words as they are now when the text changed", () => {
    const quoteOf = (id: string) => (id === threads[2].root.id ? "freshly edited words" : undefined);
    expect(ids(filterThreads(threads, f({ query: "freshly" }), { viewerId: "ada", quoteOf }))).toEqual([2]);
    expect(ids(filterThreads(threads, f({ query: "עולם" }), { viewerId: "ada", quoteOf }))).toEqual([]);
  });

  it("normalises search keys", () => {
    expect(searchKey("Éte\u0301 ÇA")).toBe("ete ca");
  });
});
