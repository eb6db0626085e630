"use client";

import { useState } from "react";
import { EllipsisVertical, EyeOff, Flag, Highlighter, Lock, Pencil, ShieldAlert, Trash2 } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormError } from "@/components/ui/form-error";
import { cn } from "@/lib/utils";
import { FlagDialog } from "./flag-dialog";
import { useFlagDialog } from "./flag-dialog-host";
import type { ModerationStatus, Note, ReactionKind } from "./model";
import { FlagCount, ModeratorBar } from "./moderator-bar";
import { NoteBody } from "./note-body";
import { NoteComposer, type NoteValues } from "./note-composer";
import { ReactionBar } from "./reaction-bar";
import { RelativeTime } from "./relative-time";
import type { FlagReason } from "./use-annotation-actions";

/** A moderator's tools on a note; `open` shows the buttons (the card is focused), the flag count shows always. */
export type NoteModeration = {
  open: boolean;
  canLock: boolean;
  onModerate: (status: ModerationStatus) => Promise<string | undefined>;
  onLock: (locked: boolean) => Promise<string | undefined>;
};

type NoteItemProps = {
  note: Note;
  /** A thread's first note shows tags and visibility; a reply is smaller. */
  kind: "note" | "reply";
  canEdit: boolean;
  canDelete: boolean;
  /** Collapsed cards clamp long notes. */
  clamp?: boolean;
  onEdit: (values: NoteValues) => Promise<string | undefined>;
  onDelete: () => Promise<string | undefined>;
  /** Reactions: shown with their counts; the buttons work for those who may post. */
  canReact: boolean;
  onReact: (kind: ReactionKind, on: boolean) => Promise<string | undefined>;
  /** Flag for the moderators: anyone who sees the note but did not write it. */
  canFlag: boolean;
  onFlag: (reason: FlagReason, text: string) => Promise<string | undefined>;
  /** Present for moderators only. */
  moderation?: NoteModeration | null;
  /** Extra quiet actions at the end of the reactions row (Resolve / Reopen). */
  actions?: React.ReactNode;
};

const STATUS_LABEL = { pending: "Awaiting approval", hidden: "Hidden by a moderator", spam: "Marked as spam" } as const;

/** One note or reply: who wrote it and when, its text and tags, and the author's own edit and delete. */
export function NoteItem(props: NoteItemProps) {
  const { note, kind, canEdit, canDelete, clamp, onEdit, onDelete, canReact, onReact, canFlag, onFlag, moderation, actions } = props;
  const [editing, setEditing] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const flagDialog = useFlagDialog();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const edited = note.modified > note.created && Date.parse(note.modified) - Date.parse(note.created) > 1000;

  const remove = async () => {
    setBusy(true);
    const message = await onDelete();
    setBusy(false);
    if (message) setError(message);
    else setConfirming(false);
  };

  return (
    <div className="flex flex-col gap-1.5" data-note-id={note.id}>
      <div className="flex min-w-0 items-center gap-2">
        <Avatar name={note.author.name} seed={note.author.id || note.author.name} size="xs" decorative className="ring-0" />
        <span className="truncate text-[0.8125rem] font-medium">{note.author.name}</span>
        <span className="flex shrink-0 items-center gap-1 text-xs text-muted-foreground">
          {kind === "note" && !note.body.trim() ? (
            <span title="Highlighted, without a note">
              <Highlighter aria-hidden="true" className="size-3" />
              <span className="sr-only">Highlight</span>
            </span>
          ) : null}
          <RelativeTime iso={note.created} />
          {edited ? <span title={`Edited ${new Date(note.modified).toLocaleString()}`}> · edited</span> : null}
        </span>
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {kind === "note" && note.visibility === "private" ? (
            <span className="inline-flex items-center text-muted-foreground" title="Only you can see this note">
              <Lock aria-hidden="true" className="size-3.5" />
              <span className="sr-only">Private</span>
            </span>
          ) : null}
          {note.flagCount ? <FlagCount count={note.flagCount} /> : null}
          {canEdit || canDelete || canFlag ? (
            // Not modal: the Flag dialog opens from it, and two modal layers fight over focus and pointer events.
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" className="-my-1 -mr-1.5 size-7 text-muted-foreground" aria-label={`Actions for ${kind === "note" ? "this note" : "this reply"}`}>
                  <EllipsisVertical aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end" className="min-w-36">
                {canEdit ? (
                  <DropdownMenuItem onSelect={() => setEditing(true)}>
                    <Pencil aria-hidden="true" />
                    Edit
                  </DropdownMenuItem>
                ) : null}
                {canDelete ? (
                  <DropdownMenuItem variant="destructive" onSelect={() => setConfirming(true)}>
                    <Trash2 aria-hidden="true" />
                    Delete
                  </DropdownMenuItem>
                ) : null}
                {canFlag ? (
                  <DropdownMenuItem onSelect={() => (flagDialog ? flagDialog(onFlag) : setFlagging(true))}>
                    <Flag aria-hidden="true" />
                    Flag
                  </DropdownMenuItem>
                ) : null}
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
        </span>
      </div>

      {note.status !== "approved" ? (
        <Badge variant={note.status === "pending" ? "warning" : "destructive"} className="h-5">
          {note.status === "pending" ? <ShieldAlert aria-hidden="true" /> : <EyeOff aria-hidden="true" />}
          {STATUS_LABEL[note.status]}
        </Badge>
      ) : null}

      {editing ? (
        <NoteComposer
          kind={kind}
          initial={{ body: note.body, tags: note.tags, visibility: note.visibility }}
          submitLabel="Save"
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            const message = await onEdit(values);
            if (!message) setEditing(false);
            return message;
          }}
        />
      ) : (
        <>
          {note.body.trim() ? (
            <NoteBody body={note.body} format={note.format} className={cn(clamp && "line-clamp-4")} />
          ) : null}
          {note.tags.length ? (
            <ul className="flex flex-wrap gap-1" aria-label="Tags">
              {note.tags.map((tag) => (
                <li key={tag} className="inline-flex h-5 max-w-full items-center rounded-full bg-muted px-2 text-[0.6875rem] font-medium text-muted-foreground">
                  <span className="truncate">{tag}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}

      {!editing ? (
        <ReactionBar note={note} enabled={canReact} onReact={onReact}>
          {actions}
        </ReactionBar>
      ) : null}

      {moderation?.open ? (
        <ModeratorBar note={note} thread={kind === "note"} canLock={moderation.canLock} onModerate={moderation.onModerate} onLock={moderation.onLock} />
      ) : null}

      {canFlag && !flagDialog ? <FlagDialog open={flagging} onOpenChange={setFlagging} onFlag={onFlag} /> : null}

      {confirming ? (
        <div role="alertdialog" aria-label="Confirm delete" className="flex flex-col gap-2 rounded-md bg-destructive/8 p-2.5">
          <p className="text-[0.8125rem]">{kind === "note" ? "Delete this note and its replies?" : "Delete this reply?"}</p>
          <FormError message={error} className="text-xs" />
          <div className="flex justify-end gap-2">
            <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={busy} autoFocus>
              Keep
            </Button>
            <Button type="button" size="sm" variant="destructive" onClick={() => void remove()} disabled={busy}>
              {busy ? "Deleting…" : "Delete"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
