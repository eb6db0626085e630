"use client";

import { Lock, Users } from "lucide-react";
import { cn } from "@/lib/utils";
import type { Visibility } from "./model";

const OPTIONS = [
  { value: "group", label: "Group", icon: Users, hint: "Everyone in the group can read it" },
  { value: "private", label: "Only me", icon: Lock, hint: "Only you can read it" },
] as const;

/** Who may read a note: the group, or the author alone. Arrow keys move between the two. */
export function VisibilityToggle({ value, onChange, className }: { value: Visibility; onChange: (value: Visibility) => void; className?: string }) {
  return (
    <div role="radiogroup" aria-label="Who can read this note" className={cn("inline-flex h-8 items-center rounded-md bg-muted p-0.5", className)}>
      {OPTIONS.map((option) => {
        const checked = option.value === value;
        const Icon = option.icon;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            title={option.hint}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => {
              if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(event.key)) {
                event.preventDefault();
                const next = option.value === "group" ? "private" : "group";
                onChange(next);
                (event.currentTarget.parentElement?.querySelector(`[data-value="${next}"]`) as HTMLElement | null)?.focus();
              }
            }}
            data-value={option.value}
            className={cn(
              "inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-[calc(var(--radius-md)-2px)] px-2.5 text-xs font-medium text-muted-foreground outline-none transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              checked && "bg-card text-foreground shadow-xs dark:bg-background",
            )}
          >
            <Icon aria-hidden="true" className="size-3.5" />
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
