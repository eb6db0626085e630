"use client";

import { useCallback, useEffect, useRef, useState } from "react";
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
};

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * The focused thread and the "jump" between a highlight and its card: clicking a highlight
 * focuses its card (on a phone it opens the sheet there), a card's jump scrolls to its words,
 * and a click anywhere else lets go. In an editor's text the caret stays where it was put.
 */
export function useActiveThread({ tracker, view, wide, openSheet, exists }: Options) {
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
      } else if (view && !view.editable) {
        focusCard(id, false);
      }
    };
    return () => {
      tracker.onHighlightClick = null;
    };
  }, [tracker, wide, view, openSheet, focusCard]);

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

  return { activeId, setActiveId, cardRef, jump, reveal };
}
