"use client";

import { useState } from "react";
import { Check, EyeOff, Flag, Lock, LockOpen, ShieldX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { ModerationStatus, Note } from "./model";

type ModeratorBarProps = {
  note: Note;
  /** A thread's first note also offers Lock / Unlock for the whole thread. */
  thread: boolean;
  canLock: boolean;
  onModerate: (status: ModerationStatus) => Promise<string | undefined>;
  onLock: (locked: boolean) => Promise<string | undefined>;
};

const ACTIONS: { status: ModerationStatus; label: string; Icon: typeof Check }[] = [
  { status: "approved", label: "Approve", Icon: Check },
  { status: "hidden", label: "Hide", Icon: EyeOff },
  { status: "spam", label: "Spam", Icon: ShieldX },
];

/** A moderator's tools on a card: approve, hide or mark spam (the current status is left out), and lock the thread. */
export function ModeratorBar({ note, thread, canLock, onModerate, onLock }: ModeratorBarProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (fn: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    const message = await fn();
    setBusy(false);
    if (message) setError(message);
  };

  return (
    <div className="flex flex-col gap-1 rounded-md bg-muted/60 px-2 py-1.5" role="group" aria-label="Moderation">
      <div className="flex flex-wrap items-center gap-1">
        {ACTIONS.filter((a) => a.status !== note.status).map(({ status, label, Icon }) => (
          <Button key={status} type="button" size="sm" variant="ghost" className="h-6 gap-1 px-1.5 text-xs" disabled={busy} onClick={() => void run(() => onModerate(status))}>
            <Icon aria-hidden="true" className="size-3" />
            {label}
          </Button>
        ))}
        {thread && canLock ? (
          <Button type="button" size="sm" variant="ghost" className="ml-auto h-6 gap-1 px-1.5 text-xs" disabled={busy} onClick={() => void run(() => onLock(!note.locked))}>
            {note.locked ? <LockOpen aria-hidden="true" className="size-3" /> : <Lock aria-hidden="true" className="size-3" />}
            {note.locked ? "Unlock thread" : "Lock thread"}
          </Button>
        ) : null}
      </div>
      <FormError compact message={error} />
    </div>
  );
}

/** The open flag count, for moderators. */
export function FlagCount({ count }: { count: number }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-destructive/10 px-1.5 text-[0.6875rem] font-medium text-destructive" title="Open flags from readers">
      <Flag aria-hidden="true" className="size-3" />
      {count} {count === 1 ? "flag" : "flags"}
    </span>
  );
}
