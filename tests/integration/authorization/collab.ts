import { byAction, expectedOutcome, type Person, type Rule } from "./matrix";
import { LIVE_TRUTH } from "./truth";

/**
 * The collaboration surface (lib/collab, /collab): what a connection may do, by the same
 * policies as the API. Connecting and reading take document.read; writing updates, showing a
 * caret in awareness and sending stateless messages take document.edit (without it the
 * connection is read-only: updates are rejected and not stored, carets stripped, stateless
 * dropped). Live messages (annotation.* stateless messages) reach a connection only when its
 * user may see the item, or "annotation.deleted" to those who saw it before (truth.ts: LIVE_TRUTH).
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

/** The live events the collaboration test makes happen, each on its own item by a third member. */
export const LIVE_CASES = Object.keys(LIVE_TRUTH);

/** The messages a connected person gets for the events of one case, from the truth table. */
export function expectedMessages(p: Person, label: string): string[] {
  return p in LIVE_TRUTH[label] ? LIVE_TRUTH[label][p as keyof (typeof LIVE_TRUTH)[string]] : [];
}
