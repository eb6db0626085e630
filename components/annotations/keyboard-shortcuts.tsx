"use client";

import { useSyncExternalStore } from "react";
import { Keyboard } from "lucide-react";
import { formatChord, isApplePlatform } from "@/components/editor/shortcuts";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { COMMENT_CHORD, HIGHLIGHT_CHORD } from "./selection-menu";
import { JUMP_CHORD } from "./use-active-thread";

const subscribeNever = () => () => {};

/** What the reading page's keyboard does, for everyone who can read it; annotating rows only for those who may. */
function rows(canAnnotate: boolean): { keys: string[]; what: string }[] {
  return [
    { keys: ["Tab"], what: "“Skip to content” (the first Tab on the page) goes straight into the text" },
    { keys: ["←", "→", "↑", "↓"], what: "Move the caret through the text, also when you may not edit it" },
    { keys: ["Shift + arrows"], what: "Select words" },
    ...(canAnnotate
      ? [
          { keys: [COMMENT_CHORD], what: "Write a note on the selected words" },
          { keys: [HIGHLIGHT_CHORD], what: "Highlight the selected words" },
        ]
      : []),
    { keys: [JUMP_CHORD], what: "From a highlight (the caret in it) to its note, and from a note back to its words" },
    { keys: ["Enter"], what: "On a note: open it; on an open note: show its words" },
    { keys: ["Escape"], what: "Close the note" },
  ];
}

/** The page's keyboard shortcuts, in a dialog opened from the top bar. */
export function KeyboardShortcuts({ canAnnotate }: { canAnnotate: boolean }) {
  const apple = useSyncExternalStore(subscribeNever, () => isApplePlatform(navigator.platform || navigator.userAgent), () => false);
  const chord = (key: string) => (key.includes("-") && key.length > 2 ? formatChord(key, apple) : key);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="text-muted-foreground hover:text-foreground max-sm:hidden" aria-label="Keyboard shortcuts" title="Keyboard shortcuts">
          <Keyboard aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Read, select and annotate without a mouse. New notes from others are read out as they arrive.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2.5 text-sm">
          {rows(canAnnotate).map(({ keys, what }) => (
            <div key={what} className="contents">
              <dt className="flex flex-wrap items-start gap-1">
                {keys.map((key) => (
                  <Kbd key={key}>{chord(key)}</Kbd>
                ))}
              </dt>
              <dd className="text-muted-foreground">{what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
