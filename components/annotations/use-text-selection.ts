"use client";

import { useEffect, useState } from "react";
import type { EditorView } from "@tiptap/pm/view";

/** A non-empty selection in the text: ProseMirror positions and the box of its first line (px from the container's corner). */
export type TextSelection = { from: number; to: number; rect: { top: number; bottom: number; left: number; right: number } };

/**
 * The browser's selection when it lies inside the editor and holds something. Read from the DOM
 * rather than the editor state, so it also works where the text is not editable (readers).
 */
export function readTextSelection(view: EditorView | null, container?: HTMLElement | null): TextSelection | null {
  if (!view || view.isDestroyed) return null;
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null;
  let a: number;
  let b: number;
  try {
    a = view.posAtDOM(anchorNode, selection.anchorOffset);
    b = view.posAtDOM(focusNode, selection.focusOffset);
  } catch {
    return null;
  }
  if (a === b) return null;
  const range = selection.getRangeAt(0);
  const first = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const all = range.getBoundingClientRect();
  const origin = container?.getBoundingClientRect() ?? { top: 0, left: 0 };
  return {
    from: Math.min(a, b),
    to: Math.max(a, b),
    rect: { top: first.top - origin.top, bottom: all.bottom - origin.top, left: first.left - origin.left, right: first.right - origin.left },
  };
}

/**
 * The current text selection, settled (`version` changes when the text moved): hidden while a pointer is still dragging it out, updated
 * when the pointer lifts and on every keyboard change.
 */
export function useTextSelection(view: EditorView | null, container: React.RefObject<HTMLElement | null>, version: number): TextSelection | null {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  // Other people's edits move the selected words: follow them (the selection box, not the choice).
  useEffect(() => {
    if (!view) return;
    const frame = requestAnimationFrame(() => setSelection((current) => (current ? readTextSelection(view, container.current) : current)));
    return () => cancelAnimationFrame(frame);
  }, [view, container, version]);

  useEffect(() => {
    if (!view) {
      setSelection(null);
      return;
    }
    let dragging = false;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelection(dragging ? null : readTextSelection(view, container.current)));
    };
    const onDown = (event: PointerEvent) => {
      if (view.dom.contains(event.target as Node)) dragging = true;
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = false;
      update();
    };
    document.addEventListener("selectionchange", update);
    document.addEventListener("pointerdown", onDown, true);
    document.addEventListener("pointerup", onUp, true);
    window.addEventListener("resize", update);
    // Words selected while the menu was off (a note still being saved) get it as soon as it is back,
    // not only at the next change of the selection.
    update();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", update);
      document.removeEventListener("pointerdown", onDown, true);
      document.removeEventListener("pointerup", onUp, true);
      window.removeEventListener("resize", update);
    };
  }, [view, container]);

  return selection;
}
