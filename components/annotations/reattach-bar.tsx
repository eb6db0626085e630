"use client";

import { useState } from "react";
import { Link2, TextSearch } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Where an orphan goes back onto the text: its own quote found again, or the reader's selection. */
export type ReattachTo = "quote" | "selection";

/**
 * An orphan's way back onto the text, for its author and moderators: "Find the quote again"
 * (the same exact words, elsewhere in the text now) or "Attach to my selection" (words the reader
 * selected first). Pressing either keeps the text's selection: the buttons take no focus on press.
 */
export function ReattachBar({ onReattach }: { onReattach: (to: ReattachTo) => Promise<string | undefined> }) {
  const [busy, setBusy] = useState<ReattachTo | null>(null);
  const [error, setError] = useState<string>();
  const run = async (to: ReattachTo) => {
    setBusy(to);
    setError(undefined);
    const message = await onReattach(to);
    setBusy(null);
    if (message) setError(message);
  };
  return (
    <div className="flex flex-col gap-1.5 border-t pt-2.5">
      <p className="text-xs text-muted-foreground">Put it back on the text:</p>
      <div role="group" aria-label="Re-attach to the text" className="flex flex-wrap gap-1.5">
        <Button type="button" variant="outline" size="sm" className="h-7 text-xs" disabled={busy !== null} onMouseDown={(event) => event.preventDefault()} onClick={() => void run("quote")}>
          <TextSearch aria-hidden="true" className="size-3.5" />
          Find the quote again
        </Button>
        <Button type="button" variant="outline" size="sm" className="h-7 text-xs" disabled={busy !== null} onMouseDown={(event) => event.preventDefault()} onClick={() => void run("selection")}>
          <Link2 aria-hidden="true" className="size-3.5" />
          Attach to my selection
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
