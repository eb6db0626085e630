"use client";

import { useEffect, useState } from "react";
import { Highlighter, MessageSquarePlus } from "lucide-react";
import { formatChord, isApplePlatform } from "@/components/editor/shortcuts";
import { cn } from "@/lib/utils";
import type { TextSelection } from "./use-text-selection";

export const COMMENT_CHORD = "Mod-Alt-m";
export const HIGHLIGHT_CHORD = "Mod-Alt-h";

const MENU_WIDTH = 196;
const MENU_HEIGHT = 36;

type SelectionMenuProps = {
  selection: TextSelection | null;
  /** Width of the container the menu is placed in, to keep it inside. */
  containerWidth: number;
  /** Below the selection (phones, where the system's own menu sits above it). */
  below?: boolean;
  onHighlight: () => void;
  onComment: () => void;
};

/** The small menu that floats above selected text: highlight it, or start a note on it. */
export function SelectionMenu({ selection, containerWidth, below, onHighlight, onComment }: SelectionMenuProps) {
  const [apple, setApple] = useState(false);
  useEffect(() => setApple(isApplePlatform(navigator.platform)), []);
  if (!selection) return null;

  const { rect } = selection;
  const center = (rect.left + rect.right) / 2;
  const left = Math.max(0, Math.min(center - MENU_WIDTH / 2, containerWidth - MENU_WIDTH));
  const top = below ? rect.bottom + 10 : rect.top - MENU_HEIGHT - 10;

  return (
    <div
      role="toolbar"
      aria-label="Annotate the selection"
      className="absolute z-40 flex h-9 items-center gap-0.5 rounded-lg border bg-card p-0.5 text-card-foreground shadow-lg shadow-black/10 animate-pop-in dark:shadow-black/40"
      style={{ top, left }}
      // Keep the text selected: a mousedown on the menu would otherwise collapse it first.
      onMouseDown={(event) => event.preventDefault()}
    >
      <MenuButton label="Highlight" chord={formatChord(HIGHLIGHT_CHORD, apple)} onClick={onHighlight}>
        <Highlighter aria-hidden="true" />
      </MenuButton>
      <span aria-hidden="true" className="h-5 w-px bg-border" />
      <MenuButton label="Comment" chord={formatChord(COMMENT_CHORD, apple)} onClick={onComment}>
        <MessageSquarePlus aria-hidden="true" />
      </MenuButton>
    </div>
  );
}

function MenuButton({ label, chord, onClick, children }: { label: string; chord: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={`${label} (${chord})`}
      aria-keyshortcuts={chord.replace("Ctrl", "Control")}
      className={cn(
        "inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md px-2.5 text-[0.8125rem] font-medium outline-none transition-colors",
        "hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring [&_svg]:size-4 [&_svg]:text-muted-foreground",
      )}
    >
      {children}
      {label}
    </button>
  );
}
