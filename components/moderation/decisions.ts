import type { QueueCard } from "@/lib/presenters/moderation";

export type Decision = { status: "approved" | "hidden" | "spam"; key: "a" | "h" | "s"; label: string; disabled: boolean };

/**
 * What a moderator may decide on an item, with the queue's keys. A decision that would change
 * nothing (hiding what is hidden and unflagged) is offered disabled, so keys never no-op silently.
 */
export function decisionsFor(item: Pick<QueueCard, "status" | "flagCount">): Decision[] {
  const same = (status: string) => item.status === status && item.flagCount === 0;
  const decided = item.status === "hidden" || item.status === "spam";
  const approveLabel = decided ? "Restore" : item.status === "approved" ? "Keep" : "Approve";
  return [
    { status: "approved", key: "a", label: approveLabel, disabled: same("approved") },
    { status: "hidden", key: "h", label: "Hide", disabled: same("hidden") },
    { status: "spam", key: "s", label: "Spam", disabled: same("spam") },
  ];
}

export const PAST_TENSE: Record<Decision["status"], string> = { approved: "Approved", hidden: "Hidden", spam: "Marked as spam" };
