import { isAnnotationVisibleTo, type AnnotationFacts } from "@/lib/policies/annotations";
import { byAction, expectedOutcome, MEMBERSHIP, OTHERS_ITEM, type Person, type Rule } from "./matrix";

/**
 * The collaboration surface (lib/collab, /collab): what a connection may do, by the same
 * policies as the API. Connecting and reading take document.read; writing updates, showing a
 * caret in awareness and sending stateless messages take document.edit (without it the
 * connection is read-only: updates are rejected and not stored, carets stripped, stateless
 * dropped). Live messages (annotation.* stateless messages) reach a connection only when its
 * user may see the item: isAnnotationVisibleTo, or "annotation.deleted" to those who saw it before.
 */
export const COLLAB_OPERATIONS: { operation: string; rule: Rule }[] = [
  { operation: "connect", rule: byAction("document.read") },
  { operation: "read (initial sync)", rule: byAction("document.read") },
  { operation: "write an update", rule: byAction("document.edit") },
  { operation: "awareness: caret / selection", rule: byAction("document.edit") },
  { operation: "send a stateless message", rule: byAction("document.edit") },
];

/** What a connection of the person is: refused (and why, as the provider is told), read-only or read-write. */
export function expectedConnection(p: Person): string {
  const connect = expectedOutcome(byAction("document.read"), p);
  if (connect === "unauthenticated") return "refused: unauthorized";
  if (connect === "hidden") return "refused: not-found";
  return expectedOutcome(byAction("document.edit"), p) === "ok" ? "read-write" : "read-only";
}

/** A live event the matrix makes happen on an item written by someone else: what it is now, what it was before. */
export type LiveEvent = { type: string; after: Partial<AnnotationFacts>; before?: Partial<AnnotationFacts> };

/** The messages a connected person gets for a sequence of events on one item, by item visibility. */
export function expectedMessages(p: Person, events: LiveEvent[]): string[] {
  const sees = (facts: Partial<AnnotationFacts>) => isAnnotationVisibleTo({ userId: "self", membership: MEMBERSHIP[p] }, { ...OTHERS_ITEM, ...facts });
  return events.flatMap((e) => (sees(e.after) ? [e.type] : e.before && sees(e.before) ? ["annotation.deleted"] : []));
}

/** The live events the collaboration test makes happen, each on its own item by a third member. */
export const LIVE_CASES: Record<string, LiveEvent[]> = {
  "approved group note": [{ type: "annotation.created", after: { status: "approved", visibility: "group" } }],
  "private note": [{ type: "annotation.created", after: { status: "approved", visibility: "private" } }],
  "pending note (pre-moderated group)": [{ type: "annotation.created", after: { status: "pending", visibility: "group" } }],
  "approved note, then hidden by a moderator": [
    { type: "annotation.created", after: { status: "approved", visibility: "group" } },
    { type: "annotation.moderated", after: { status: "hidden", visibility: "group" }, before: { status: "approved", visibility: "group" } },
  ],
};
