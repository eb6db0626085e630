import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTEXT_LENGTH, createAnchor, resolveAnchor, resolveAnchors, type Anchor } from "../../../lib/anchoring/anchors";
import { buildProjectionMap } from "../../../lib/anchoring/projection-map";
import { COLLAB_FIELD } from "../../../lib/editor/extensions";
import { jsonToYUpdate } from "../../../lib/editor/ydoc";
import { deleteRange, insertHardBreak, insertText, splitBlock, sync } from "./edits";
import { atomsOf, expectedRange, idsIn } from "./model";

const docOf = (paragraphs: string[], clientID?: number) => {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const content: JSONContent[] = paragraphs.map((t) => ({ type: "paragraph", ...(t && { content: [{ type: "text", text: t }] }) }));
  Y.applyUpdate(doc, jsonToYUpdate({ type: "doc", content }));
  return doc;
};
const replica = (doc: Y.Doc, clientID: number) => {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
const textOf = (doc: Y.Doc, block: number) => (doc.getXmlFragment(COLLAB_FIELD).get(block) as Y.XmlElement).get(0) as Y.XmlText;
/** Code-point offset of the first `needle` in the projection text `haystack`. */
const at = (haystack: string, needle: string) => Array.from(haystack.slice(0, haystack.indexOf(needle))).length;
const anchorOn = (doc: Y.Doc, haystack: string, needle: string) => createAnchor(doc, at(haystack, needle), at(haystack, needle) + Array.from(needle).length);
const exactOf = (doc: Y.Doc, anchor: Anchor) => {
  const resolved = resolveAnchor(doc, anchor);
  return resolved.orphaned ? null : resolved.exact;
};

describe("createAnchor and resolveAnchor", () => {
  it("resolve a fresh anchor to its range, quote and context of CONTEXT_LENGTH code points", () => {
    const before = "😀".repeat(40) + " ";
    const doc = docOf([before + "target שלום e\u0301 " + "👩🏽‍🔬".repeat(20)]);
    const start = 41;
    const resolved = resolveAnchor(doc, createAnchor(doc, start, start + 14));
    expect(resolved).toEqual({
      orphaned: false,
      start,
      end: start + 14,
      exact: "target שלום e\u0301",
      prefix: "😀".repeat(31) + " ",
      suffix: Array.from(" " + "👩🏽‍🔬".repeat(20)).slice(0, CONTEXT_LENGTH).join(""),
    });
  });

  it("trim block separators at the edges and reject ranges without text", () => {
    const doc = docOf(["ab", "", "cd"]);
    expect(resolveAnchor(doc, createAnchor(doc, 1, 5))).toMatchObject({ start: 1, end: 2, exact: "b" });
    expect(resolveAnchor(doc, createAnchor(doc, 1, 7))).toMatchObject({ start: 1, end: 7, exact: "b\n\n\n\nc" });
    expect(() => createAnchor(doc, 2, 6)).toThrow(RangeError);
    expect(() => createAnchor(doc, 3, 3)).toThrow(RangeError);
    expect(() => createAnchor(doc, -1, 2)).toThrow(RangeError);
    expect(() => createAnchor(doc, 0, 9)).toThrow(RangeError);
    expect(() => createAnchor(doc, 0.5, 2)).toThrow(RangeError);
  });

  it("begin with the encoded Yjs relative positions of the first and last character", () => {
    const doc = docOf(["a😀bc😀", "x"]);
    const anchor = createAnchor(doc, 1, 5);
    const t = textOf(doc, 0);
    // Yjs encodes a position inside a type by its item alone, so compare encodings.
    const expected = (index: number, assoc: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, index, assoc));
    expect(Y.encodeRelativePosition(Y.decodeRelativePosition(anchor.start))).toEqual(expected(1, 0));
    expect(Y.encodeRelativePosition(Y.decodeRelativePosition(anchor.end))).toEqual(expected(7, -1));
    expect(anchor.start.subarray(0, expected(1, 0).length)).toEqual(expected(1, 0));
  });

  it("exclude text typed exactly at either edge and include text typed inside", () => {
    const doc = docOf(["one two three"]);
    const anchor = anchorOn(doc, "one two three", "two");
    insertText(doc, 4, "[");
    insertText(doc, 8, "]");
    expect(resolveAnchor(doc, anchor)).toMatchObject({ exact: "two", prefix: "one [", suffix: "] three" });
    insertText(doc, 6, "😀");
    expect(exactOf(doc, anchor)).toBe("t😀wo");
  });

  it("shrink when part is deleted and are orphaned, not moved, when all is deleted", () => {
    const doc = docOf(["the cat and the cat"]);
    const anchor = createAnchor(doc, 4, 7);
    deleteRange(doc, 4, 5);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ start: 4, end: 6, exact: "at" });
    deleteRange(doc, 4, 6);
    expect(resolveAnchor(doc, anchor)).toEqual({ orphaned: true });
    insertText(doc, 4, "cat");
    expect(resolveAnchor(doc, anchor)).toEqual({ orphaned: true });
  });

  it("leave out text that replaces a deleted edge character, typed here or concurrently", () => {
    const doc = docOf(["say hello world"], 100);
    const anchor = anchorOn(doc, "say hello world", "hello");
    const other = replica(doc, 1);
    deleteRange(doc, 4, 5);
    insertText(doc, 4, "J");
    deleteRange(other, 8, 9);
    insertText(other, 8, "!");
    sync(doc, other);
    sync(other, doc);
    for (const d of [doc, other]) expect(resolveAnchor(d, anchor)).toMatchObject({ exact: "ell", prefix: "say J", suffix: "! world" });
  });

  it("span blocks and hard breaks, and keep their surviving characters when blocks change", () => {
    const doc = docOf(["alpha beta", "gamma delta", "epsilon"]);
    const now = () => buildProjectionMap(doc).text;
    const anchor = createAnchor(doc, at(now(), "beta"), at(now(), "psilon"));
    insertText(doc, at(now(), "ma delta"), "X");
    insertHardBreak(doc, at(now(), "delta"));
    expect(resolveAnchor(doc, anchor)).toMatchObject({ exact: "beta\n\ngamXma \ndelta\n\ne", prefix: "alpha " });
    // Like y-tiptap, a join or split re-creates the text it moves: new text, kept only between survivors.
    deleteRange(doc, at(now(), "\n\ngam"), at(now(), "gam"));
    expect(resolveAnchor(doc, anchor)).toMatchObject({ exact: "betagamXma \ndelta\n\ne" });
    splitBlock(doc, 2);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ exact: "e", prefix: "al\n\npha betagamXma \ndelta\n\n" });
  });

  it("fall back to where a deleted block was", () => {
    const doc = docOf(["one", "two", "three"]);
    const fragment = doc.getXmlFragment(COLLAB_FIELD);
    const spanning = createAnchor(doc, 1, 13);
    fragment.delete(1, 1);
    expect(exactOf(doc, spanning)).toBe("ne\n\nthr");
    fragment.delete(0, 1);
    expect(exactOf(doc, spanning)).toBe("thr");
    fragment.delete(0, 1);
    expect(exactOf(doc, spanning)).toBeNull();
  });

  it("come back when an undo restores the deleted words", () => {
    const doc = docOf(["keep this phrase", "and this block"]);
    const fragment = doc.getXmlFragment(COLLAB_FIELD);
    const undo = new Y.UndoManager(fragment, { captureTimeout: 0 });
    const words = anchorOn(doc, "keep this phrase", "this phrase");
    const block = createAnchor(doc, 18, 32);
    deleteRange(doc, 5, 16);
    fragment.delete(1, 1);
    expect(resolveAnchors(doc, [words, block])).toEqual([{ orphaned: true }, { orphaned: true }]);
    undo.undo();
    undo.undo();
    expect(resolveAnchors(doc, [words, block]).map((r) => !r.orphaned && r.exact)).toEqual(["this phrase", "and this block"]);
  });

  it("are orphaned where their characters have not arrived yet, and resolve once they have", () => {
    const doc = docOf(["old words"], 5);
    const behind = replica(doc, 6);
    insertText(doc, 4, "new ");
    const anchor = createAnchor(doc, 4, 7);
    expect(resolveAnchor(behind, anchor)).toEqual({ orphaned: true });
    sync(doc, behind);
    expect(exactOf(behind, anchor)).toBe("new");
  });

  it("read bare encoded Yjs relative positions and treat unreadable bytes as orphaned", () => {
    const doc = docOf(["abcdef"]);
    const t = textOf(doc, 0);
    const bare = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, 1, 0)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, 4, -1)),
    };
    expect(exactOf(doc, bare)).toBe("bcd");
    const valid = createAnchor(doc, 1, 4);
    expect(resolveAnchor(doc, { start: new Uint8Array([7, 7, 7]), end: valid.end })).toEqual({ orphaned: true });
    expect(resolveAnchor(doc, { start: valid.start.slice(0, -2), end: valid.end })).toEqual({ orphaned: true });
  });

  it("resolve in long lists of small items and tombstones like the model says", () => {
    const doc = docOf(["seed"], 1);
    const other = replica(doc, 2);
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 600; i++) {
      const d = i % 2 ? doc : other;
      const length = Array.from(atomsOf(d).text).length;
      const at = random(length + 1);
      if (i % 5 === 4 && at < length) deleteRange(d, at, at + 1);
      else insertText(d, at, i % 7 ? "ab" : "😀");
      if (i % 3 === 0) {
        sync(doc, other);
        sync(other, doc);
      }
    }
    sync(doc, other);
    sync(other, doc);
    const before = atomsOf(doc);
    const ranges = Array.from({ length: 40 }, () => random(before.ids.length - 30)).map((s) => [s, s + 1 + random(29)]);
    const anchors = ranges.map(([s, e]) => ({ anchor: createAnchor(doc, s, e), original: idsIn(before, s, e) }));
    for (let i = 0; i < 60; i++) {
      const at = random(before.ids.length / 2);
      deleteRange(doc, at, at + 3);
    }
    insertText(doc, 5, "new text");
    const after = atomsOf(doc);
    resolveAnchors(doc, anchors.map((a) => a.anchor)).forEach((resolved, i) => {
      const expected = expectedRange(after, anchors[i].original);
      expect(resolved.orphaned ? null : { start: resolved.start, end: resolved.end, exact: resolved.exact }).toEqual(expected);
    });
    expect(buildProjectionMap(doc).runCount).toBeGreaterThan(64);
  });

  it("resolve many anchors at once like one by one", () => {
    const doc = docOf(["first paragraph here", "second one 😀 there"]);
    const anchors = [createAnchor(doc, 0, 5), createAnchor(doc, 6, 30), createAnchor(doc, 33, 35)];
    deleteRange(doc, 3, 8);
    insertText(doc, 20, "++");
    expect(resolveAnchors(doc, anchors)).toEqual(anchors.map((a) => resolveAnchor(doc, a)));
  });
});
