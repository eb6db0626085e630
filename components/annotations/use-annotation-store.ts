"use client";

import { useCallback, useReducer, useRef } from "react";
import { noteFromJSON, withFirstList, withNote, withoutNote, type AnnotationJSON, type Note } from "./model";

type Action =
  | { type: "upsert"; annotation: AnnotationJSON }
  | { type: "remove"; id: string }
  | { type: "replace"; annotations: AnnotationJSON[] }
  | { type: "seed"; notes: Note[] }
  | { type: "patch"; id: string; changes: Partial<Note> };

function reduce(notes: Map<string, Note>, action: Action): Map<string, Note> {
  switch (action.type) {
    case "upsert":
      return withNote(notes, noteFromJSON(action.annotation));
    case "remove":
      return notes.has(action.id) ? withoutNote(notes, action.id) : notes;
    case "patch": {
      const current = notes.get(action.id);
      return current ? new Map(notes).set(action.id, { ...current, ...action.changes }) : notes;
    }
    case "replace":
      return new Map(action.annotations.map((json) => [noteFromJSON(json).id, noteFromJSON(json)]));
    case "seed":
      return withFirstList(notes, action.notes);
  }
}

/**
 * The page's annotations by id: the server's first list (streamed after the text, see seed),
 * the reader's actions and live messages, and fresh lists (replace).
 */
export function useAnnotationStore() {
  const [notes, dispatch] = useReducer(reduce, undefined, () => new Map<string, Note>());
  const replaced = useRef(false);
  const upsert = useCallback((annotation: AnnotationJSON) => dispatch({ type: "upsert", annotation }), []);
  const remove = useCallback((id: string) => dispatch({ type: "remove", id }), []);
  const replace = useCallback((annotations: AnnotationJSON[]) => {
    replaced.current = true;
    dispatch({ type: "replace", annotations });
  }, []);
  /** The page's first list; ignored once a fresh list has replaced everything (it can only be older). */
  const seed = useCallback((list: Note[]) => {
    if (!replaced.current) dispatch({ type: "seed", notes: list });
  }, []);
  /** Changes the page knows before the server's representation arrives (reaction counts, a moderation status). */
  const patch = useCallback((id: string, changes: Partial<Note>) => dispatch({ type: "patch", id, changes }), []);
  return { notes, upsert, remove, replace, seed, patch };
}
