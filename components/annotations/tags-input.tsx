"use client";

import { useId, useState } from "react";
import { X } from "lucide-react";
import { cn } from "@/lib/utils";

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 64;

/** Tags as chips: Enter or a comma adds what was typed, Backspace in the empty field removes the last. */
export function TagsInput({ value, onChange, className }: { value: string[]; onChange: (tags: string[]) => void; className?: string }) {
  const [draft, setDraft] = useState("");
  const id = useId();

  const add = (...raw: string[]) => {
    const next = [...value];
    for (const part of raw) {
      const tag = part.trim().replace(/^#/, "").slice(0, MAX_TAG_LENGTH);
      if (tag && !next.includes(tag) && next.length < MAX_TAGS) next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
  };

  return (
    <div
      className={cn(
        "flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-input bg-card px-1.5 py-1 transition-[border-color,box-shadow] focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25 dark:bg-background/40",
        className,
      )}
    >
      <label htmlFor={id} className="sr-only">
        Tags
      </label>
      {value.map((tag) => (
        <span key={tag} className="inline-flex h-6 max-w-full items-center gap-0.5 rounded-full bg-muted pr-0.5 pl-2 text-xs text-foreground">
          <span className="truncate">{tag}</span>
          <button
            type="button"
            onClick={() => onChange(value.filter((t) => t !== tag))}
            className="inline-flex size-5 cursor-pointer items-center justify-center rounded-full text-muted-foreground outline-none hover:bg-background hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
            aria-label={`Remove tag ${tag}`}
          >
            <X aria-hidden="true" className="size-3" />
          </button>
        </span>
      ))}
      <input
        id={id}
        value={draft}
        onChange={(event) => {
          const parts = event.target.value.split(",");
          if (parts.length > 1) add(...parts.slice(0, -1));
          setDraft(parts.at(-1) ?? "");
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && draft.trim()) {
            event.preventDefault();
            add(draft);
            setDraft("");
          } else if (event.key === "Backspace" && !draft && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => {
          if (!draft.trim()) return;
          add(draft);
          setDraft("");
        }}
        placeholder={value.length ? "" : "Add tags"}
        maxLength={MAX_TAG_LENGTH}
        className="h-6 min-w-20 flex-1 bg-transparent px-1 text-sm outline-none placeholder:text-muted-foreground"
      />
    </div>
  );
}
