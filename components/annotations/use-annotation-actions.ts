"use client";

import { useMemo } from "react";
import {
  createAnnotationAction,
  deleteAnnotationAction,
  replyToAnnotationAction,
  updateAnnotationAction,
  type AnnotationActionState,
} from "@/app/_actions/annotations";
import type { ProjectionQuote } from "@/lib/editor/projection-positions";
import { lastSegment, type AnnotationJSON } from "./model";
import type { NoteValues } from "./note-composer";

const OFFLINE = "Couldn't reach the server. Check the connection and try again.";

/** Calls a server action; a network failure becomes a message like any other error. */
async function call(action: () => Promise<AnnotationActionState>): Promise<AnnotationActionState> {
  try {
    return await action();
  } catch {
    return { error: OFFLINE };
  }
}

/**
 * The margin's writes, each answering with an error message or undefined. Successful writes go
 * into the store at once; the live message that follows for the same annotation is then a no-op.
 */
export function useAnnotationActions(documentId: string, store: { upsert: (json: AnnotationJSON) => void; remove: (id: string) => void }) {
  const { upsert, remove } = store;
  return useMemo(() => {
    const apply = (state: AnnotationActionState): { error?: string; id?: string } => {
      if (state.error || !state.annotation) return { error: state.error ?? "Something went wrong; try again." };
      upsert(state.annotation as AnnotationJSON);
      return { id: lastSegment(state.annotation.id) };
    };
    return {
      create: async (quote: ProjectionQuote, values: NoteValues) =>
        apply(
          await call(() =>
            createAnnotationAction(documentId, {
              quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
              position: { start: quote.start, end: quote.end },
              ...values,
            }),
          ),
        ),
      reply: async (rootId: string, body: string) => apply(await call(() => replyToAnnotationAction(documentId, rootId, body))).error,
      edit: async (id: string, values: NoteValues) => apply(await call(() => updateAnnotationAction(documentId, id, values))).error,
      remove: async (id: string) => {
        const state = await call(() => deleteAnnotationAction(documentId, id));
        if (state.error) return state.error;
        remove(id);
        return undefined;
      },
    };
  }, [documentId, upsert, remove]);
}
