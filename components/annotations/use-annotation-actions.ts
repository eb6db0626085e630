"use client";

import { useMemo } from "react";
import {
  createAnnotationAction,
  deleteAnnotationAction,
  reattachAnnotationAction,
  replyToAnnotationAction,
  updateAnnotationAction,
} from "@/lib/actions/annotations";
import { flagAnnotationAction } from "@/lib/actions/flags";
import { lockThreadAction, moderateItemsAction } from "@/lib/actions/moderation";
import { resolveThreadAction, toggleReactionAction } from "@/lib/actions/reactions";
import type { FormState } from "@/lib/http/action";
import type { ProjectionQuote } from "@/lib/editor/projection-positions";
import { lastSegment, type AnnotationJSON, type ModerationStatus, type Note, type ReactionKind } from "./model";
import type { NoteValues } from "./note-composer";

const OFFLINE = "Couldn't reach the server. Check the connection and try again.";

/** Calls a server action; a network failure becomes a message like any other error. */
async function call<S extends FormState>(action: () => Promise<S>): Promise<S> {
  try {
    return await action();
  } catch {
    return { error: OFFLINE } as S;
  }
}

/**
 * The margin's writes, each answering with an error message or undefined. Successful writes go
 * into the store at once; the live message that follows for the same annotation is then a no-op.
 */
type Store = { upsert: (json: AnnotationJSON) => void; remove: (id: string) => void; patch: (id: string, changes: Partial<Note>) => void };

export type FlagReason = "spam" | "abusive" | "off_topic" | "other";

export function useAnnotationActions(documentId: string, groupId: string, store: Store) {
  const { upsert, remove, patch } = store;
  return useMemo(() => {
    const apply = (state: { error?: string; annotation?: unknown }): { error?: string; id?: string } => {
      if (state.error || !state.annotation) return { error: state.error ?? "Something went wrong; try again." };
      upsert(state.annotation as AnnotationJSON);
      return { id: lastSegment((state.annotation as AnnotationJSON).id) };
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
      /** Ties an orphan to the text again: its stored quote found again, or the given words. */
      reattach: async (id: string, to: ProjectionQuote | null) =>
        apply(
          await call(() =>
            reattachAnnotationAction(id, to ? { method: "selection", exact: to.exact, prefix: to.prefix, suffix: to.suffix, start: to.start, end: to.end } : { method: "quote" }),
          ),
        ).error,
      reply: async (rootId: string, body: string) => apply(await call(() => replyToAnnotationAction(documentId, rootId, body))).error,
      edit: async (id: string, values: NoteValues) => apply(await call(() => updateAnnotationAction(documentId, id, values))).error,
      remove: async (id: string) => {
        const state = await call(() => deleteAnnotationAction(documentId, id));
        if (state.error) return state.error;
        remove(id);
        return undefined;
      },
      react: async (id: string, kind: ReactionKind, on: boolean) => {
        const state = await call(() => toggleReactionAction(id, kind, on));
        if (state.error) return state.error;
        if (state.reactions) patch(id, { reactions: state.reactions, myReactions: state.myReactions ?? [] });
        return undefined;
      },
      resolve: async (id: string, resolved: boolean) => apply(await call(() => resolveThreadAction(id, resolved))).error,
      flag: async (id: string, reason: FlagReason, text: string) => (await call(() => flagAnnotationAction(id, { reason, ...(text.trim() ? { text: text.trim() } : {}) }))).error,
      moderate: async (id: string, status: ModerationStatus) => {
        const state = await call(() => moderateItemsAction(groupId, [id], status));
        if (state.error) return state.error;
        patch(id, { status });
        return undefined;
      },
      lock: async (id: string, locked: boolean) => {
        const state = await call(() => lockThreadAction(groupId, id, locked));
        if (state.error) return state.error;
        patch(id, { locked });
        return undefined;
      },
    };
  }, [documentId, groupId, upsert, remove, patch]);
}
