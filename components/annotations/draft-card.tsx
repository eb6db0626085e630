"use client";

import { Avatar } from "@/components/ui/avatar";
import { NoteComposer, type NoteValues } from "./note-composer";

type DraftCardProps = {
  author: { id: string; name: string };
  /** Shown where the card is not beside its words (the bottom sheet). */
  quote?: string;
  onSubmit: (values: NoteValues) => Promise<string | undefined>;
  onCancel: () => void;
};

/** A new note being written on the selected words. */
export function DraftCard({ author, quote, onSubmit, onCancel }: DraftCardProps) {
  return (
    <section
      aria-label="New note"
      data-annotation-id="draft"
      className="flex flex-col gap-3 rounded-lg border border-[color-mix(in_oklch,var(--ring)_40%,var(--border))] bg-card p-3.5 shadow-lg shadow-black/5 dark:shadow-black/30"
    >
      {quote ? (
        <p className="line-clamp-2 border-l-2 border-[var(--highlight-strong)] pl-2 font-serif text-[0.875rem] text-muted-foreground italic">{quote}</p>
      ) : null}
      <div className="flex items-center gap-2">
        <Avatar name={author.name} seed={author.id} size="xs" decorative className="ring-0" />
        <span className="text-[0.8125rem] font-medium">{author.name}</span>
      </div>
      <NoteComposer kind="note" submitLabel="Comment" autoFocus onSubmit={onSubmit} onCancel={onCancel} />
    </section>
  );
}
