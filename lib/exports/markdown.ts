import type { ExportThread } from "./items";

/** Escapes text so Markdown shows it as written (quotes, plain-text notes, names, the title). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]{}<>#|~!])/g, "\\$1")
    .replace(/^(\s*)([-+])(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, "$1\\$2");
}

const indent = (text: string, by: string) => text.split("\n").map((line) => (line ? by + line : line)).join("\n");
const day = (iso: string) => iso.slice(0, 10);

function noteText(item: ExportThread): string {
  if (!item.note.trim()) return "";
  return item.noteFormat === "text/plain" ? escapeMarkdown(item.note) : item.note;
}

/** "**Name**, 2026-01-02: note", then tags and the flags a reader should know about. */
function entry(item: ExportThread): string {
  const flags = [item.visibility === "private" ? "private" : "", item.status !== "approved" ? item.status : "", item.orphaned ? "orphaned: the annotated words were deleted" : ""].filter(Boolean);
  const head = `**${escapeMarkdown(item.author)}**, ${day(item.created)}${flags.length ? ` (${flags.join(", ")})` : ""}:`;
  const note = noteText(item);
  const lines = [note.includes("\n") ? `${head}\n\n${note}` : `${head} ${note}`.trimEnd()];
  if (item.tags.length) lines.push(`Tags: ${item.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(", ")}`);
  return lines.join("\n\n");
}

function replyList(replies: ExportThread[]): string {
  return replies.map((r) => `- ${indent(entry(r), "  ").trimStart()}${r.replies.length ? `\n\n${indent(replyList(r.replies), "  ")}` : ""}`).join("\n\n");
}

/**
 * The document's title, then each annotated passage as a blockquote with a footnote mark;
 * the footnotes hold the notes, with replies nested under them.
 */
export function annotationsToMarkdown(title: string, threads: ExportThread[]): string {
  const parts = [`# ${escapeMarkdown(title)}`];
  const notes: string[] = [];
  threads.forEach((thread, i) => {
    const n = i + 1;
    const quote = thread.quote ?? "";
    parts.push(`${escapeMarkdown(quote).split("\n").map((line) => `> ${line}`.trimEnd()).join("\n")}[^${n}]`);
    const body = thread.replies.length ? `${entry(thread)}\n\n${replyList(thread.replies)}` : entry(thread);
    notes.push(`[^${n}]: ${indent(body, "    ").trimStart()}`);
  });
  if (!threads.length) parts.push("_No annotations._");
  return [...parts, ...notes].join("\n\n") + "\n";
}
