"use client";

import { useState } from "react";
import { EllipsisVertical, EyeOff, Highlighter, Lock, Pencil, ShieldAlert, Trash2 } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormError } from "@/components/ui/form-error";
import { cn } from "@/lib/utils";
import type { Note } from "./model";
import { NoteBody } from "./note-body";
import { NoteComposer, type NoteValues } from "./note-composer";
import { RelativeTime } from "./relative-time";

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
};

const STATUS_LABEL = { pending: "Awaiting approval", hidden: "Hidden by a moderator", spam: "Marked as spam" } as const;

/** One note or reply: who wrote it and when, its text and tags, and the author's own edit and delete. */
export function NoteItem({ note, kind, canEdit, canDelete, clamp, onEdit, onDelete }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
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
          {canEdit || canDelete ? (
            <DropdownMenu>
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
