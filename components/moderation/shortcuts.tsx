"use client";

import { Keyboard } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";

export const SHORTCUTS: [string[], string][] = [
  [["j"], "Next item"],
  [["k"], "Previous item"],
  [["a"], "Approve, keep or restore"],
  [["h"], "Hide"],
  [["s"], "Mark as spam"],
  [["x"], "Select for a bulk decision"],
  [["Shift", "x"], "Select all on this page"],
  [["Esc"], "Clear the selection"],
  [["n"], "Write a moderator note"],
  [["o"], "Open in the document"],
  [["?"], "Show these shortcuts"],
];

/** The quiet strip under the toolbar, and the full list in a dialog. */
function ShortcutsHint({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" size="sm" className="text-muted-foreground">
          <Keyboard aria-hidden="true" />
          Shortcuts
          <Kbd>?</Kbd>
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-sm">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>With a selection, a, h and s decide for every selected item at once.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(([keys, label]) => (
            <div key={label} className="contents">
              <dt className="flex gap-1">
                {keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </dt>
              <dd className="text-muted-foreground">{label}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}

export { ShortcutsHint };
