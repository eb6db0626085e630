"use client";

import { useState } from "react";
import { CircleHelp, ThumbsUp } from "lucide-react";
import { FormError } from "@/components/ui/form-error";
import { cn } from "@/lib/utils";
import type { Note, ReactionKind } from "./model";

type ReactionBarProps = {
  note: Note;
  /** The reader may react (members and up, not muted); otherwise the counts show, the buttons are off. */
  enabled: boolean;
  onReact: (kind: ReactionKind, on: boolean) => Promise<string | undefined>;
  children?: React.ReactNode;
};

const KINDS: { kind: ReactionKind; label: string; short: string; Icon: typeof ThumbsUp }[] = [
  { kind: "helpful", label: "Helpful", short: "Helpful", Icon: ThumbsUp },
  { kind: "question", label: "I have this question too", short: "Same question", Icon: CircleHelp },
];

/** "Helpful" and "I have this question too" as toggles with their counts; the row also holds the card's quiet actions. */
export function ReactionBar({ note, enabled, onReact, children }: ReactionBarProps) {
  const [busy, setBusy] = useState<ReactionKind | null>(null);
  const [error, setError] = useState<string>();

  const toggle = async (kind: ReactionKind) => {
    setBusy(kind);
    setError(undefined);
    const message = await onReact(kind, !note.myReactions.includes(kind));
    setBusy(null);
    if (message) setError(message);
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Reactions">
        {KINDS.map(({ kind, label, short, Icon }) => {
          const pressed = note.myReactions.includes(kind);
          const count = note.reactions[kind];
          return (
            <button
              key={kind}
              type="button"
              aria-pressed={pressed}
              title={enabled ? label : `${label} (members can react)`}
              disabled={!enabled || busy !== null}
              onClick={() => void toggle(kind)}
              className={cn(
                "inline-flex h-6 cursor-pointer items-center gap-1 rounded-full border px-2 text-[0.6875rem] font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-default",
                pressed ? "border-primary/40 bg-primary/10 text-foreground" : "border-transparent text-muted-foreground enabled:hover:border-border enabled:hover:text-foreground",
                !enabled && "opacity-80",
              )}
            >
              <Icon aria-hidden="true" className={cn("size-3", pressed && "fill-primary/20")} />
              {/* Named by what it shows ("Same question 2"); the title says it in full. A zero is spoken, not shown. */}
              <span>{short}</span>
              <span className={count > 0 ? "tabular-nums" : "sr-only"}>{count}</span>
            </button>
          );
        })}
        {children ? <span className="ml-auto flex items-center gap-1">{children}</span> : null}
      </div>
      <FormError compact message={error} />
    </div>
  );
}
