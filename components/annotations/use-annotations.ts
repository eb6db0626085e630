"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { listAnnotationsAction } from "@/lib/actions/annotations";
import type { LiveSession, StatelessMessage } from "@/components/editor";
import { annotationChange } from "./live-messages";
import type { AnnotationJSON, Note } from "./model";
import { useAnnotationActions } from "./use-annotation-actions";
import { useAnnotationStore } from "./use-annotation-store";

type Options = {
  documentId: string;
  groupId: string;
  userId: string;
  /** The server's first list, streamed after the text; null when the server could not read it (the first sync reads it again). */
  initial: Promise<Note[] | null>;
  /** Others' notes stay hidden until the reader posts one (a seminar setting): reveal them then. */
  hiddenUntilPosted: boolean;
  session: LiveSession | null;
};

/**
 * The page's annotations kept current: the server's first list, the reader's own writes, live
 * messages from the collaboration server (with an announcement for others' new notes), and a
 * fresh list whenever the live connection comes back, since messages sent meanwhile are lost.
 */
export function useAnnotations({ documentId, groupId, userId, initial, hiddenUntilPosted, session }: Options) {
  const store = useAnnotationStore();
  const { upsert, remove, replace, seed } = store;
  const base = useAnnotationActions(documentId, groupId, store);
  const [announcement, setAnnouncement] = useState("");
  const revealed = useRef(!hiddenUntilPosted);
  const [hidingOthers, setHidingOthers] = useState(hiddenUntilPosted);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let current = true;
    void initial.then((list) => {
      if (!current) return;
      if (list) seed(list);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [initial, seed]);

  /** Reloads the list; says whether hide-and-reveal still holds others' notes back (null: unknown). */
  const refresh = useCallback(async () => {
    const list = await listAnnotationsAction(documentId).catch(() => null);
    if (list?.annotations) {
      replace(list.annotations as AnnotationJSON[]);
      setLoaded(true);
    }
    return list?.annotations ? list.hiddenUntilPosted === true : null;
  }, [documentId, replace]);

  const actions = useMemo(
    () => ({
      ...base,
      create: async (...args: Parameters<typeof base.create>) => {
        const result = await base.create(...args);
        if (!result.error && !revealed.current) {
          // Only a note posted to the group reveals the others; a private note or a bare highlight does not.
          const hidden = await refresh();
          if (hidden === false) {
            revealed.current = true;
            setHidingOthers(false);
          }
        }
        return result;
      },
    }),
    [base, refresh],
  );

  useEffect(() => {
    if (!session) return;
    const onSynced = ({ state }: { state: boolean }) => void (state && refresh());
    session.provider.on("synced", onSynced);
    return () => {
      session.provider.off("synced", onSynced);
    };
  }, [session, refresh]);

  const onStatelessMessage = useCallback(
    (message: StatelessMessage) => {
      const change = annotationChange(message);
      if (!change) return;
      if (change.kind === "remove") return remove(change.id);
      upsert(change.annotation);
      const creator = change.annotation.creator as { id?: string; name: string };
      if (change.created && !creator.id?.endsWith(`/users/${userId}`)) {
        setAnnouncement(`New ${typeof change.annotation.target === "string" ? "reply" : "note"} from ${creator.name}`);
      }
    },
    [upsert, remove, userId],
  );

  return { notes: store.notes, loaded, actions, onStatelessMessage, announcement, hidingOthers };
}
