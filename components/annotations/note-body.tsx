import { memo, useMemo } from "react";
import { renderNoteHTML } from "@/lib/markdown/render";
import { cn } from "@/lib/utils";
// The note styles (and mention chips) travel with the component: the queue uses it outside the reading page.
import "./annotations.css";

/** A note's Markdown, rendered and sanitized by the one shared renderer. */
export const NoteBody = memo(function NoteBody({ body, format, className }: { body: string; format: "text/markdown" | "text/plain"; className?: string }) {
  const html = useMemo(() => renderNoteHTML(body, format), [body, format]);
  return <div className={cn("note-body", className)} dangerouslySetInnerHTML={{ __html: html }} />;
});
