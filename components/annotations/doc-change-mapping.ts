/**
 * How positions move through one editor transaction. A local edit carries its own exact mapping.
 * y-tiptap applies every remote change (and Yjs undo/redo) as one replacement of the whole
 * document, through which every position maps to an end; there, the difference between the
 * old and new document (shared prefix and suffix) stands in for the change, so highlights after
 * a remote keystroke move by that keystroke instead of vanishing. The tracker still re-resolves
 * every anchor against the Yjs document a little later, which settles the rare case where the
 * difference is ambiguous (a letter typed beside the same letter).
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { StepMap, type Mappable } from "@tiptap/pm/transform";
import type { Transaction } from "@tiptap/pm/state";

/** A transaction that replaced the whole document in one step (y-tiptap's way of applying remote changes). */
export function replacesWholeDocument(tr: Pick<Transaction, "steps" | "before">): boolean {
  if (tr.steps.length !== 1) return false;
  const step = tr.steps[0].toJSON() as { stepType?: string; from?: number; to?: number };
  return step.stepType === "replace" && step.from === 0 && step.to === tr.before.content.size;
}

/** A mapping for the change from `before` to `after`, confined to the part that differs. */
export function diffMapping(before: PMNode, after: PMNode): StepMap {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return StepMap.empty;
  const end = before.content.findDiffEnd(after.content);
  if (!end) return StepMap.empty;
  let { a: endA, b: endB } = end;
  // A repeated character can make the shared prefix and suffix overlap; keep the change non-negative.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return new StepMap([start, endA - start, endB - start]);
}

/** The mapping to move positions of `tr.before` into `tr.doc`. */
export function changeMapping(tr: Pick<Transaction, "steps" | "before" | "doc" | "mapping">): Mappable {
  return replacesWholeDocument(tr) ? diffMapping(tr.before, tr.doc) : tr.mapping;
}
