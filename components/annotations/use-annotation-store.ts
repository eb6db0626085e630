"use client";

import { useCallback, useReducer } from "react";
import { noteFromJSON, withNote, withoutNote, type AnnotationJSON, type Note } from "./model";

type Action =
  | { type: "upsert"; annotation: AnnotationJSON }
  | { type: "remove"; id: string }
  | { type: "replace"; annotations: AnnotationJSON[] }
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
  }
}

function init(annotations: AnnotationJSON[]): Map<string, Note> {
  return reduce(new Map(), { type: "replace", annotations });
}

/** The page's annotations by id, from the server's first list, actions and live messages. */
export function useAnnotationStore(initial: AnnotationJSON[]) {
  const [notes, dispatch] = useReducer(reduce, initial, init);
  const upsert = useCallback((annotation: AnnotationJSON) => dispatch({ type: "upsert", annotation }), []);
  const remove = useCallback((id: string) => dispatch({ type: "remove", id }), []);
  const replace = useCallback((annotations: AnnotationJSON[]) => dispatch({ type: "replace", annotations }), []);
  /** Changes the page knows before the server's representation arrives (reaction counts, a moderation status). */
  const patch = useCallback((id: string, changes: Partial<Note>) => dispatch({ type: "patch", id, changes }), []);
  return { notes, upsert, remove, replace, patch };
}
