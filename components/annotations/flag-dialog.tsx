"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Textarea } from "@/components/ui/textarea";
import type { FlagReason } from "./use-annotation-actions";

const REASONS: { value: FlagReason; label: string; hint: string }[] = [
  { value: "spam", label: "Spam", hint: "Advertising or repeated junk" },
  { value: "abusive", label: "Abusive", hint: "Insults, harassment or hate" },
  { value: "off_topic", label: "Off topic", hint: "Not about this text" },
  { value: "other", label: "Something else", hint: "Say what in a few words" },
];

type FlagDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onFlag: (reason: FlagReason, text: string) => Promise<string | undefined>;
};

/** Asks the group's moderators to look at a note: a reason, a few optional words, then a thank-you. */
export function FlagDialog({ open, onOpenChange, onFlag }: FlagDialogProps) {
  const [reason, setReason] = useState<FlagReason>("spam");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const textId = useId();

  const change = (next: boolean) => {
    if (!next) {
      setDone(false);
      setError(undefined);
      setText("");
      setReason("spam");
    }
    onOpenChange(next);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const message = await onFlag(reason, text);
    setBusy(false);
    if (message) setError(message);
    else setDone(true);
  };

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Flag this note</DialogTitle>
          <DialogDescription>Moderators of the group will see it. Its author is not told who flagged it.</DialogDescription>
        </DialogHeader>
        {done ? (
          <>
            <p role="status" className="text-sm">
              Thanks — moderators will take a look.
            </p>
            <DialogFooter>
              <Button type="button" onClick={() => change(false)} autoFocus>
                Done
              </Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">Why?</legend>
              {REASONS.map((r) => (
                <label key={r.value} className="flex cursor-pointer items-start gap-2.5 rounded-md px-1 py-0.5 text-sm">
                  <input type="radio" name="reason" value={r.value} checked={reason === r.value} onChange={() => setReason(r.value)} className="mt-1 accent-primary" />
                  <span className="flex flex-col">
                    <span className="font-medium">{r.label}</span>
                    <span className="text-xs text-muted-foreground">{r.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={textId} className="text-sm font-medium">
                Anything the moderators should know? <span className="font-normal text-muted-foreground">(optional)</span>
              </label>
              <Textarea id={textId} value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={1000} />
            </div>
            <FormError message={error} />
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={() => change(false)} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" disabled={busy}>
                {busy ? "Flagging…" : "Flag"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
