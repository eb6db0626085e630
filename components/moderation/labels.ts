export const FLAG_REASON_LABEL: Record<string, string> = { spam: "Spam", abusive: "Abusive", off_topic: "Off topic", other: "Other" };

export const STATUS_LABEL: Record<string, string> = { approved: "Approved", pending: "Pending", hidden: "Hidden", spam: "Spam" };

export const ACTION_LABEL: Record<string, string> = {
  approve: "Approved",
  hide: "Hid",
  spam: "Marked spam",
  restore: "Restored",
  lock: "Locked thread",
  unlock: "Unlocked thread",
  mute: "Muted",
  unmute: "Unmuted",
  role: "Changed role",
  note: "Wrote a note",
  remove: "Removed member",
  delete_document: "Deleted document",
};

export type QueueFilterKey = "open" | "pending" | "flagged" | "hidden" | "spam";

export const FILTERS: { key: QueueFilterKey; label: string; empty: string; hint: string }[] = [
  { key: "open", label: "Needs review", empty: "Nothing needs a decision", hint: "New posts waiting for approval and flagged items will appear here." },
  { key: "pending", label: "Pending", empty: "No posts waiting", hint: "In a pre-moderated group, posts from members wait here until a moderator approves them." },
  { key: "flagged", label: "Flagged", empty: "No open flags", hint: "When someone flags an annotation, it appears here with their reason." },
  { key: "hidden", label: "Hidden", empty: "Nothing hidden", hint: "Hidden items are seen only by their author and moderators. Restore them from here." },
  { key: "spam", label: "Spam", empty: "No spam", hint: "Items marked as spam are kept here, out of everyone else’s sight." },
];
