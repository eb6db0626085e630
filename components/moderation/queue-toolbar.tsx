"use client";

import { Ban, Check, EyeOff, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import type { Decision } from "@/components/moderation/decisions";
import type { QueueFilterKey } from "@/components/moderation/labels";
import { ShortcutsHint } from "@/components/moderation/shortcuts";

type QueueToolbarProps = {
  filter: QueueFilterKey;
  total: number;
  selected: number;
  saving: boolean;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
  onSelectAll: (all: boolean) => void;
  onDecide: (status: Decision["status"]) => void;
};

/** Above the queue: select-all, the bulk decisions while something is selected, else the key hints. */
function QueueToolbar({ filter, total, selected, saving, helpOpen, onHelpOpenChange, onSelectAll, onDecide }: QueueToolbarProps) {
  const all = total > 0 && selected === total;
  const decided = filter === "hidden" || filter === "spam";
  return (
    <div className="sticky top-header z-20 -mx-1 flex min-h-12 flex-wrap items-center gap-2 rounded-lg border bg-background/90 px-3 py-1.5 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <input
        type="checkbox"
        aria-label={all ? "Clear the selection" : "Select every item on this page"}
        checked={all}
        ref={(el) => {
          if (el) el.indeterminate = selected > 0 && !all;
        }}
        onChange={() => onSelectAll(!all)}
        className="size-4 cursor-pointer accent-[var(--primary)]"
      />
      {selected ? (
        <>
          <span className="text-sm font-medium tabular-nums" aria-live="polite">
            {selected} selected
          </span>
          <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Decide for the selection">
            <Button type="button" size="sm" onClick={() => onDecide("approved")}>
              <Check aria-hidden="true" />
              {decided ? "Restore" : "Approve"}
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => onDecide("hidden")} disabled={filter === "hidden"}>
              <EyeOff aria-hidden="true" />
              Hide
            </Button>
            <Button type="button" size="sm" variant="outline" onClick={() => onDecide("spam")} disabled={filter === "spam"}>
              <Ban aria-hidden="true" />
              Spam
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => onSelectAll(false)}>
              <X aria-hidden="true" />
              Clear
            </Button>
          </div>
        </>
      ) : (
        <span className="hidden items-center gap-x-3 gap-y-1 text-xs text-muted-foreground sm:flex sm:flex-wrap">
          {[
            [["j", "k"], "move"],
            [["a"], decided ? "restore" : "approve"],
            [["h"], "hide"],
            [["s"], "spam"],
            [["x"], "select"],
          ].map(([keys, label]) => (
            <span key={label as string}>
              {(keys as string[]).map((k) => (
                <Kbd key={k} className="mr-0.5">
                  {k}
                </Kbd>
              ))}{" "}
              {label}
            </span>
          ))}
        </span>
      )}
      <div className="ml-auto flex items-center gap-2">
        {saving ? <span className="text-xs text-muted-foreground">Saving…</span> : null}
        <ShortcutsHint open={helpOpen} onOpenChange={onHelpOpenChange} />
      </div>
    </div>
  );
}

export { QueueToolbar };
