import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAnchor, resolveAnchor, resolveAnchors, type Anchor } from "../../../lib/anchoring/anchors";
import { buildProjectionMap } from "../../../lib/anchoring/projection-map";
import { textProjection } from "../../../lib/editor/projection";
import { jsonToYUpdate, yDocToJSON } from "../../../lib/editor/ydoc";
import { docArb } from "../editor/arbitraries";
import { deleteRange, insertHardBreak, insertText, splitBlock, sync } from "./edits";
import { atomsOf, expectedRange, idsIn } from "./model";

// The promise: after any concurrent edits, an annotation covers exactly its surviving original
// characters and what now lies between them, or is orphaned because none survive. Identities are
// Yjs item IDs, read by the test's own walker (model.ts); moved text counts as new, as in y-tiptap.

type Spot = { annotation: number; side: "start" | "end"; shift: number } | { fraction: number };

type Op =
  | { kind: "insert"; replica: number; at: Spot; text: string }
  | { kind: "delete"; replica: number; at: Spot; length: number; backward: boolean }
  | { kind: "split"; replica: number; at: Spot }
  | { kind: "hardBreak"; replica: number; at: Spot }
  | { kind: "annotate"; replica: number; at: Spot; length: number }
  | { kind: "sync"; replica: number; to: number };

interface Annotation {
  anchor: Anchor;
  original: Set<string>;
}

const replicaArb = fc.nat({ max: 2 });
const spotArb: fc.Arbitrary<Spot> = fc.oneof(
  fc.record({ annotation: fc.nat({ max: 5 }), side: fc.constantFrom("start" as const, "end" as const), shift: fc.constantFrom(-1, 0, 0, 0, 1) }),
  fc.record({ fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
const insertedArb = fc.array(fc.constantFrom("x", "Q", "😀", "e\u0301", "ש", " ", "👩🏽‍🔬"), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("insert" as const), replica: replicaArb, at: spotArb, text: insertedArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("delete" as const), replica: replicaArb, at: spotArb, length: fc.integer({ min: 1, max: 8 }), backward: fc.boolean() }) },
  { weight: 1, arbitrary: fc.oneof(
      fc.record({ kind: fc.constant("split" as const), replica: replicaArb, at: spotArb }),
      fc.record({ kind: fc.constant("hardBreak" as const), replica: replicaArb, at: spotArb }),
    ) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("annotate" as const), replica: replicaArb, at: spotArb, length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("sync" as const), replica: replicaArb, to: replicaArb }) },
);

const textDocArb = docArb.filter((json: JSONContent) => textProjection(json).length > 0);

/** Offset of a spot on one replica, or null when it names an annotation that is orphaned there. */
function offsetOf(doc: Y.Doc, annotations: Annotation[], spot: Spot): number | null {
  const length = Array.from(atomsOf(doc).text).length;
  if ("fraction" in spot) return Math.round(spot.fraction * length);
  const annotation = annotations[spot.annotation % Math.max(1, annotations.length)];
  if (!annotation) return null;
  const resolved = resolveAnchor(doc, annotation.anchor);
  if (resolved.orphaned) return null;
  return Math.max(0, Math.min(length, resolved[spot.side] + spot.shift));
}

function annotate(doc: Y.Doc, start: number, end: number): Annotation | null {
  const atoms = atomsOf(doc);
  const length = atoms.ids.length;
  const [s, e] = [Math.max(0, Math.min(start, length - 1)), Math.min(end, length)];
  const original = idsIn(atoms, s, e);
  if (s >= e || original.size === 0) return null;
  return { anchor: createAnchor(doc, s, e), original };
}

function apply(docs: Y.Doc[], annotations: Annotation[], op: Op): void {
  const doc = docs[op.replica % docs.length];
  if (op.kind === "sync") return sync(doc, docs[op.to % docs.length]);
  const p = offsetOf(doc, annotations, op.at);
  if (p === null) return;
  if (op.kind === "insert") insertText(doc, p, op.text);
  else if (op.kind === "delete") deleteRange(doc, op.backward ? Math.max(0, p - op.length) : p, op.backward ? p : p + op.length);
  else if (op.kind === "split") splitBlock(doc, p);
  else if (op.kind === "hardBreak") insertHardBreak(doc, p);
  else {
    const annotation = annotate(doc, p, p + op.length);
    if (annotation) annotations.push(annotation);
  }
}

/** Syncs everyone: a random exchange first, then all into replica 0 and back out. */
function converge(docs: Y.Doc[], order: number[]): void {
  for (let i = 0; i + 1 < order.length; i++) sync(docs[order[i] % docs.length], docs[order[i + 1] % docs.length]);
  for (const doc of docs) sync(doc, docs[0]);
  for (const doc of docs) sync(docs[0], doc);
}

describe("anchors under concurrent editing", () => {
  it("cover exactly the surviving original characters and what lies between them, or are orphaned", () => {
    fc.assert(
      fc.property(
        textDocArb,
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 4 }),
        fc.array(opArb, { minLength: 1, maxLength: 24 }),
        fc.array(fc.nat({ max: 2 }), { minLength: 3, maxLength: 3 }),
        (json, replicaCount, gc, ranges, ops, order) => {
          const update = jsonToYUpdate(json);
          const docs = Array.from({ length: replicaCount }, () => {
            const doc = new Y.Doc({ gc });
            Y.applyUpdate(doc, update);
            return doc;
          });
          const annotations: Annotation[] = [];
          const length = atomsOf(docs[0]).ids.length;
          for (const [fraction, size] of ranges) {
            const start = Math.floor(fraction * length);
            const annotation = annotate(docs[0], start, start + size);
            if (annotation) annotations.push(annotation);
          }
          for (const op of ops) apply(docs, annotations, op);
          converge(docs, order);

          const atoms = atomsOf(docs[0]);
          expect(buildProjectionMap(docs[0]).text).toBe(atoms.text);
          expect(textProjection(yDocToJSON(docs[0]))).toBe(atoms.text);
          const resolved = resolveAnchors(docs[0], annotations.map((a) => a.anchor));
          annotations.forEach((annotation, i) => {
            const expected = expectedRange(atoms, annotation.original);
            const actual = resolved[i];
            if (expected === null) expect(actual).toEqual({ orphaned: true });
            else {
              expect(actual.orphaned ? actual : { start: actual.start, end: actual.end, exact: actual.exact }).toEqual(expected);
              const points = Array.from(atoms.text);
              expect(actual).toMatchObject({
                prefix: points.slice(Math.max(0, expected.start - 32), expected.start).join(""),
                suffix: points.slice(expected.end, expected.end + 32).join(""),
              });
            }
          });
          for (const doc of docs.slice(1)) expect(resolveAnchors(doc, annotations.map((a) => a.anchor))).toEqual(resolved);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
