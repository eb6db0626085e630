"use client";

import Link from "next/link";
import { useActionState, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { ExternalLink, Lock, LockOpen, Volume2, VolumeX } from "lucide-react";
import { addModeratorNoteAction, lockThreadAction, muteAuthorAction } from "@/lib/actions/moderation";
import type { FormState } from "@/lib/http/action";
import type { QueueCard } from "@/lib/presenters/moderation";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Kbd } from "@/components/ui/kbd";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/auth/submit-button";
import { FlagDetails } from "@/components/moderation/flag-list";
import { When } from "@/components/moderation/when";

type ItemDetailProps = {
  groupId: string;
  item: QueueCard;
  actorId: string;
  can: { lock: boolean; mute: boolean; note: boolean };
  noteFieldRef: React.RefObject<HTMLTextAreaElement | null>;
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2.5 border-t px-5 pt-4">
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h3>
      {children}
    </section>
  );
}

function NoteForm({ groupId, itemId, fieldRef }: { groupId: string; itemId: string; fieldRef: ItemDetailProps["noteFieldRef"] }) {
  const action = useMemo(() => addModeratorNoteAction.bind(null, groupId, itemId), [groupId, itemId]);
  const [state, submit] = useActionState(action, {} as FormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={submit} className="flex flex-col gap-2">
      <label htmlFor={`note-${itemId}`} className="sr-only">
        New moderator note
      </label>
      <Textarea
        ref={fieldRef}
        id={`note-${itemId}`}
        name="body"
        required
        maxLength={2000}
        placeholder="Only moderators see this. Why you decided, what to watch…"
        className="min-h-16 text-sm"
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
          if (event.key === "Escape") event.currentTarget.blur();
        }}
      />
      <FormError message={state.error} />
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted-foreground">
          <Kbd>Ctrl</Kbd> <Kbd>Enter</Kbd> to add
        </span>
        <SubmitButton size="sm" variant="outline" pendingLabel="Adding…">
          Add note
        </SubmitButton>
      </div>
    </form>
  );
}

/** The focused item's full context: flags, thread lock, the author's mute, moderator notes. */
function ItemDetail({ groupId, item, actorId, can, noteFieldRef }: ItemDetailProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setError(undefined), [item.id]);
  const run = (action: () => Promise<FormState>) =>
    startTransition(async () => {
      const state = await action();
      setError(state.error);
    });

  return (
    <div className="flex flex-col gap-4 rounded-xl border bg-card pt-4 pb-5 shadow-xs" aria-label="Selected item" role="region">
      <div className="flex items-start justify-between gap-3 px-5">
        <div className="flex min-w-0 flex-col">
          <h2 className="text-base font-semibold tracking-tight">Details</h2>
          <p className="truncate text-sm text-muted-foreground">{item.document.title}</p>
        </div>
        <Button asChild variant="ghost" size="sm">
          <Link href={`/documents/${item.document.id}`}>
            Open
            <ExternalLink aria-hidden="true" />
          </Link>
        </Button>
      </div>

      {item.flags.length ? (
        <Section title={`Flags (${item.flags.length})`}>
          <FlagDetails flags={item.flags} />
        </Section>
      ) : null}

      {can.lock || can.mute ? (
        <Section title="Thread and author">
          <div className="flex flex-col gap-2">
            {can.lock ? (
              <div className="flex items-center justify-between gap-3 text-sm">
                <span className="inline-flex items-center gap-2">
                  {item.threadLocked ? <Lock aria-hidden="true" className="size-4 text-muted-foreground" /> : <LockOpen aria-hidden="true" className="size-4 text-muted-foreground" />}
                  {item.threadLocked ? "Thread locked: no new replies" : "Thread open for replies"}
                </span>
                <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => run(() => lockThreadAction(groupId, item.id, !item.threadLocked))}>
                  {item.threadLocked ? "Unlock" : "Lock thread"}
                </Button>
              </div>
            ) : null}
            {can.mute && item.author.id !== actorId ? (
              <div className="flex items-center justify-between gap-3 text-sm">
                <span className="inline-flex min-w-0 items-center gap-2">
                  <Avatar name={item.author.name} size="xs" decorative className="ring-0" />
                  <span className="truncate">{item.author.muted ? `${item.author.name} is muted` : item.author.name}</span>
                </span>
                <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => run(() => muteAuthorAction(groupId, item.author.id, !item.author.muted))}>
                  {item.author.muted ? <Volume2 aria-hidden="true" /> : <VolumeX aria-hidden="true" />}
                  {item.author.muted ? "Unmute" : "Mute author"}
                </Button>
              </div>
            ) : null}
            <FormError message={error} />
          </div>
        </Section>
      ) : null}

      <Section title={`Moderator notes${item.notes.length ? ` (${item.notes.length})` : ""}`}>
        {item.notes.length ? (
          <ol className="flex flex-col gap-3">
            {item.notes.map((note) => (
              <li key={note.id} className="flex gap-2.5 text-sm">
                <Avatar name={note.author.name} size="xs" decorative className="mt-0.5 ring-0" />
                <div className="min-w-0">
                  <p className="text-xs text-muted-foreground">
                    <span className="font-medium text-foreground">{note.author.name}</span> · <When iso={note.at} />
                  </p>
                  <p className="break-words whitespace-pre-wrap">{note.body}</p>
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">No notes yet.</p>
        )}
        {can.note ? <NoteForm key={item.id} groupId={groupId} itemId={item.id} fieldRef={noteFieldRef} /> : null}
      </Section>
    </div>
  );
}

export { ItemDetail };
