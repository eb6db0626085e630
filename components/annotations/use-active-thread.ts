"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type { AnchorTracker } from "./anchor-tracker";
import { DRAFT_ID } from "./use-thread-view";

type Options = {
  tracker: AnchorTracker;
  view: EditorView | null;
  /** The margin is beside the text (false: a bottom sheet; null: not known yet). */
  wide: boolean | null;
  openSheet: (open: boolean) => void;
  /** Whether a thread still exists; a deleted one cannot stay focused. */
  exists: (id: string) => boolean;
  /** The reader may not edit the text: a click on a highlight takes focus to its card. */
  readOnly: boolean;
};

/** Mod-Alt-N: from a highlight (the caret in it) to its note, and from a note back to its words. */
export const JUMP_CHORD = "Mod-Alt-n";

/** The innermost tracked range around a text position (the note the caret is in), if any. */
function threadAt(ranges: ReadonlyMap<string, { from: number; to: number }>, pos: number): string | null {
  let best: { id: string; size: number } | null = null;
  for (const [id, range] of ranges) {
    if (id === DRAFT_ID || pos < range.from || pos > range.to) continue;
    const size = range.to - range.from;
    if (!best || size < best.size) best = { id, size };
  }
  return best?.id ?? null;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * The focused thread and the "jump" between a highlight and its card: clicking a highlight
 * focuses its card (on a phone it opens the sheet there), a card's jump scrolls to its words,
 * and a click anywhere else lets go. In an editor's text the caret stays where it was put.
 */
export function useActiveThread({ tracker, view, wide, openSheet, exists, readOnly }: Options) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());

  useEffect(() => tracker.setActive(activeId), [tracker, activeId]);

  useEffect(() => {
    if (activeId && activeId !== DRAFT_ID && !exists(activeId)) setActiveId(null);
  }, [activeId, exists]);

  const cardRef = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) cards.current.set(id, el);
      else cards.current.delete(id);
    },
    [],
  );

  /** Focuses a card, waiting a few frames for one that is about to render (a deep link unfolding it). */
  const focusCard = useCallback((id: string, scroll: boolean) => {
    let frames = 0;
    const attempt = () => {
      const el = cards.current.get(id);
      if (!el) {
        if (++frames < 30) requestAnimationFrame(attempt);
        return;
      }
      if (scroll) el.scrollIntoView({ block: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
      el.focus({ preventScroll: true });
    };
    requestAnimationFrame(attempt);
  }, []);

  useEffect(() => {
    tracker.onHighlightClick = (id) => {
      setActiveId(id);
      if (wide === false) {
        openSheet(true);
        focusCard(id, true);
      } else if (readOnly) {
        focusCard(id, false);
      }
    };
    return () => {
      tracker.onHighlightClick = null;
    };
  }, [tracker, wide, readOnly, openSheet, focusCard]);

  const jump = useCallback(
    (id: string) => {
      setActiveId(id);
      const range = tracker.positionOf(id);
      if (!range || !view) return;
      if (wide === false) openSheet(false);
      const coords = view.coordsAtPos(range.from);
      window.scrollTo({ top: window.scrollY + coords.top - window.innerHeight * 0.3, behavior: prefersReducedMotion() ? "auto" : "smooth" });
    },
    [tracker, view, wide, openSheet],
  );

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest || target.closest("[data-annotation-id], [data-margin-stack], [role=menu], [role=toolbar], [role=dialog]")) return;
      // Highlights are drawn without elements: a press on one is found by its position.
      if (tracker.idsAtPoint(event.clientX, event.clientY).length > 0) return;
      setActiveId((current) => (current === DRAFT_ID ? current : null));
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [tracker]);

  /**
   * Opens a thread from a link: focused, its words scrolled into view and its card focused
   * (on a phone, in the opened sheet).
   */
  const reveal = useCallback(
    (id: string) => {
      if (wide === false) {
        setActiveId(id);
        openSheet(true);
        focusCard(id, true);
        return;
      }
      jump(id);
      focusCard(id, false);
    },
    [wide, openSheet, jump, focusCard],
  );

  /** From a note's card back into the text, the caret at the start of its words. */
  const returnToWords = useCallback(
    (id: string) => {
      const range = tracker.positionOf(id);
      if (!range || !view || view.isDestroyed) return false;
      jump(id);
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(range.from))).setMeta("addToHistory", false));
      return true;
    },
    [tracker, view, jump],
  );

  useEffect(() => {
    if (!view) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || !event.altKey || event.shiftKey || event.code !== "KeyN") return;
      const active = document.activeElement as HTMLElement | null;
      const card = active?.closest<HTMLElement>("[data-annotation-id]");
      if (card) {
        event.preventDefault();
        returnToWords(card.dataset.annotationId!);
      } else if (active && view.dom.contains(active)) {
        const id = threadAt(tracker.positions(), view.state.selection.from);
        if (!id) return;
        event.preventDefault();
        reveal(id);
      }
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [view, tracker, reveal, returnToWords]);

  return { activeId, setActiveId, cardRef, jump, reveal, focusCard };
}
