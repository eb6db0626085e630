"use client";

import { useEffect, useId, useRef } from "react";
import { MessageSquareText, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type NotesSheetProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  /** Search and filters, above the list. */
  toolbar: React.ReactNode;
  children: React.ReactNode;
};

/**
 * The margin on a narrow screen: a bar at the bottom with the number of notes, opening into a
 * sheet over the lower part of the page. Not modal: the text above stays readable and scrollable.
 */
export function NotesSheet({ open, onOpenChange, count, toolbar, children }: NotesSheetProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    // Into the sheet when it opens, unless something in it (a new note's text box) took focus already.
    if (open && !wasOpen.current && !panel.current?.contains(document.activeElement)) panel.current?.focus({ preventScroll: true });
    if (!open && wasOpen.current && panel.current?.contains(document.activeElement)) trigger.current?.focus({ preventScroll: true });
    wasOpen.current = open;
  }, [open]);

  return (
    <>
      <div className={cn("fixed inset-x-0 bottom-0 z-40 flex justify-center p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]", open && "hidden")}>
        <Button ref={trigger} variant="outline" className="h-10 rounded-full bg-card/95 px-4 shadow-lg shadow-black/10 backdrop-blur" onClick={() => onOpenChange(true)} aria-expanded={open}>
          <MessageSquareText aria-hidden="true" />
          {count === 0 ? "Notes" : `${count} ${count === 1 ? "note" : "notes"}`}
        </Button>
      </div>
      <div
        ref={panel}
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        tabIndex={-1}
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === "Escape" && !event.defaultPrevented) onOpenChange(false);
        }}
        className="fixed inset-x-0 bottom-0 z-40 flex max-h-[72dvh] flex-col rounded-t-2xl border-t bg-background shadow-[0_-8px_30px_-12px_rgb(0_0_0/0.25)] outline-none animate-fade-in"
      >
        <div className="mx-auto mt-2 h-1 w-10 shrink-0 rounded-full bg-border" aria-hidden="true" />
        <div className="flex shrink-0 items-center gap-2 px-4 pt-2 pb-3">
          <h2 id={titleId} className="font-serif text-lg font-semibold">
            Notes
          </h2>
          <span className="text-sm text-muted-foreground">{count}</span>
          <Button variant="ghost" size="icon-sm" className="ml-auto" onClick={() => onOpenChange(false)} aria-label="Close notes">
            <X aria-hidden="true" />
          </Button>
        </div>
        <div className="shrink-0 px-4 pb-3">{toolbar}</div>
        <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto overscroll-contain border-t bg-muted/30 px-4 pt-3 pb-[max(1rem,env(safe-area-inset-bottom))]">{children}</div>
      </div>
    </>
  );
}
