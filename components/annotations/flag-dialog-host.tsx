"use client";

import { createContext, useCallback, useContext, useState } from "react";
import { FlagDialog } from "./flag-dialog";
import type { FlagReason } from "./use-annotation-actions";

type OnFlag = (reason: FlagReason, text: string) => Promise<string | undefined>;

const FlagDialogContext = createContext<((onFlag: OnFlag) => void) | null>(null);

/**
 * One Flag dialog for the whole page, outside the cards: a card may re-render or move (the
 * margin re-lays itself out as the text and the notes change) while its reader is reading the
 * thank-you, and the dialog must not go with it.
 */
export function FlagDialogHost({ children }: { children: React.ReactNode }) {
  const [request, setRequest] = useState<{ onFlag: OnFlag } | null>(null);
  const open = useCallback((onFlag: OnFlag) => setRequest({ onFlag }), []);
  const onFlag = useCallback<OnFlag>((reason, text) => (request ? request.onFlag(reason, text) : Promise.resolve(undefined)), [request]);
  return (
    <FlagDialogContext.Provider value={open}>
      {children}
      <FlagDialog open={request !== null} onOpenChange={(next) => (next ? undefined : setRequest(null))} onFlag={onFlag} />
    </FlagDialogContext.Provider>
  );
}

/**
 * Opens the page's Flag dialog for one note. Without a host (a card rendered on its own) the
 * caller gets null and shows its own dialog.
 */
export function useFlagDialog() {
  return useContext(FlagDialogContext);
}
