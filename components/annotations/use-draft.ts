"use client";

import { useCallback, useEffect, useState } from "react";
import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type { Anchor } from "@/lib/anchoring/anchors";
import type { ProjectionQuote } from "@/lib/editor/projection-positions";
import type { AnchorTracker } from "./anchor-tracker";
import type { NoteValues } from "./note-composer";
import { readTextSelection } from "./use-text-selection";
import { DRAFT_ID } from "./use-thread-view";

/** A new note on selected words, before it is saved; "highlight" saves at once. */
export type Draft = { anchor: Anchor; quote: ProjectionQuote; mode: "comment" | "highlight" };

type Options = {
  view: EditorView | null;
  tracker: AnchorTracker;
  /** The reader may annotate (members and up). */
  enabled: boolean;
  create: (quote: ProjectionQuote, values: NoteValues) => Promise<{ error?: string; id?: string }>;
  /** A comment was started (the page focuses the draft) or a note was saved (its id). */
  onFocus: (id: string | null) => void;
};

/**
 * Starting a note or a highlight on the selected words, by the selection menu or by keyboard
 * (Mod-Alt-M comments, Mod-Alt-H highlights), and saving it. The draft is tied to its words by a
 * Yjs anchor, so it follows them while others edit; what is posted is its quote at that moment.
 */
export function useDraft({ view, tracker, enabled, create, onFocus }: Options) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = useCallback(
    async (mode: Draft["mode"]) => {
      if (!view || !enabled) return;
      const current = readTextSelection(view) ?? (view.state.selection.empty ? null : { from: view.state.selection.from, to: view.state.selection.to });
      const target = current && tracker.selectionTarget(current.from, current.to);
      if (!current || !target) {
        setNotice("Select some words of the text first.");
        return;
      }
      setNotice(null);
      // Let go of the selection in the editor's state too, or it comes back with its next update.
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, current.to)).setMeta("addToHistory", false));
      window.getSelection()?.removeAllRanges();
      setDraft({ anchor: target.anchor, quote: target, mode });
      if (mode === "comment") return onFocus(DRAFT_ID);
      const result = await create(target, { body: "", tags: [], visibility: "group" });
      setDraft(null);
      if (result.error) setNotice(result.error);
    },
    [view, enabled, tracker, create, onFocus],
  );

  const save = useCallback(
    async (values: NoteValues) => {
      const quote = tracker.quoteFor(DRAFT_ID);
      if (!quote) return "The words you selected are no longer in the text.";
      const result = await create(quote, values);
      if (result.error) return result.error;
      setDraft(null);
      onFocus(result.id ?? null);
      return undefined;
    },
    [tracker, create, onFocus],
  );

  const cancel = useCallback(() => {
    setDraft(null);
    onFocus(null);
    view?.focus();
  }, [view, onFocus]);

  useEffect(() => {
    if (!enabled || !view) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || !event.altKey || event.shiftKey) return;
      if (event.code !== "KeyM" && event.code !== "KeyH") return;
      event.preventDefault();
      event.stopPropagation();
      void start(event.code === "KeyM" ? "comment" : "highlight");
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [enabled, view, start]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  return { draft, start, save, cancel, notice };
}
