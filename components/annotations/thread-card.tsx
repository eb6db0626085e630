"use client";

import { forwardRef, useState } from "react";
import { CheckCircle2, CornerDownRight, Lock, RotateCcw, Unlink } from "lucide-react";
import { Avatar, AvatarGroup } from "@/components/ui/avatar";
import type { Viewer } from "@/lib/policies/annotations";
import { cn } from "@/lib/utils";
import { canFlag, canLock, canModerate, canReactTo, canReattach, canReplyToThread, canResolve, noteAbilities } from "./abilities";
import type { ModerationStatus, Note, ReactionKind, Thread } from "./model";
import type { NoteValues } from "./note-composer";
import { NoteComposer } from "./note-composer";
import { NoteItem } from "./note-item";
import { ReattachBar, type ReattachTo } from "./reattach-bar";
import type { FlagReason } from "./use-annotation-actions";

export type ThreadHandlers = {
  /** Focuses a thread (null: none). */
  onActivate: (id: string | null) => void;
  /** Scrolls the text to the thread's words and marks them. */
  onJump: (id: string) => void;
  onReply: (rootId: string, body: string) => Promise<string | undefined>;
  onEdit: (note: Note, values: NoteValues) => Promise<string | undefined>;
  onDelete: (note: Note) => Promise<string | undefined>;
  onReact: (note: Note, kind: ReactionKind, on: boolean) => Promise<string | undefined>;
  onResolve: (root: Note, resolved: boolean) => Promise<string | undefined>;
  onFlag: (note: Note, reason: FlagReason, text: string) => Promise<string | undefined>;
  onModerate: (note: Note, status: ModerationStatus) => Promise<string | undefined>;
  onLock: (root: Note, locked: boolean) => Promise<string | undefined>;
  /** Ties an orphan to the text again (its author and moderators see the buttons on orphan cards). */
  onReattach?: (root: Note, to: ReattachTo) => Promise<string | undefined>;
};

export type ThreadCardProps = ThreadHandlers & {
  thread: Thread;
  viewer: Viewer;
  active: boolean;
  /**
   * margin: beside its words; list: in the bottom sheet, with its quote as a link to the words;
   * orphan: its words are gone, its last quote shown struck through.
   */
  variant: "margin" | "list" | "orphan";
  /** The words as they are now (or were last seen). */
  quote?: string;
  className?: string;
  style?: React.CSSProperties;
};

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** A thread: its first note, replies and a reply box; collapsed (clamped note, reply count) until focused. */
export const ThreadCard = forwardRef<HTMLElement, ThreadCardProps>(function ThreadCard(
  { thread, viewer, active, variant, quote, className, style, onActivate, onJump, onReply, onEdit, onDelete, onReact, onResolve, onFlag, onModerate, onLock, onReattach },
  ref,
) {
  const { root, replies } = thread;
  const rootAbilities = noteAbilities(viewer, root, null);
  const replyable = canReplyToThread(viewer, root);
  // Collapsed until focused, everywhere: a long list of open reply boxes is not calm.
  const expanded = active;
  const responders = [...new Map(replies.map((r) => [r.author.id, r.author])).values()];
  const moderator = canModerate(viewer);
  const lockable = canLock(viewer);
  /** What every note of the card shares: reactions, flagging and, for moderators, their tools. */
  const shared = (note: Note) => ({
    canReact: canReactTo(viewer, note, note === root ? null : root),
    onReact: (kind: ReactionKind, on: boolean) => onReact(note, kind, on),
    canFlag: canFlag(viewer, note, note === root ? null : root),
    onFlag: (reason: FlagReason, text: string) => onFlag(note, reason, text),
    moderation: moderator
      ? { open: expanded, canLock: lockable, onModerate: (status: ModerationStatus) => onModerate(note, status), onLock: (locked: boolean) => onLock(root, locked) }
      : null,
  });
  const resolveButton = canResolve(viewer, root) ? <ResolveButton resolved={root.resolved} onResolve={(resolved) => onResolve(root, resolved)} /> : null;

  return (
    <article
      ref={ref}
      data-annotation-id={root.id}
      data-active={active || undefined}
      aria-label={`Note by ${root.author.name}`}
      tabIndex={0}
      style={style}
      onClick={(event) => {
        // Controls inside the card act on their own; a click elsewhere on the card focuses the thread.
        if ((event.target as HTMLElement).closest("button, a, input, textarea, [role=menuitem]")) return;
        if (!active) onActivate(root.id);
      }}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget || event.defaultPrevented) return;
        // Enter opens a thread, and on an open one goes to its words; Escape closes it.
        if (event.key === "Enter") {
          event.preventDefault();
          if (active) onJump(root.id);
          else onActivate(root.id);
        } else if (event.key === "Escape" && active) {
          event.preventDefault();
          onActivate(null);
        }
      }}
      className={cn(
        "group/card flex flex-col gap-3 rounded-lg border bg-card p-3.5 text-card-foreground outline-none transition-[box-shadow,border-color,background-color] duration-150",
        "focus-visible:ring-2 focus-visible:ring-ring",
        active
          ? "border-[color-mix(in_oklch,var(--ring)_40%,var(--border))] shadow-lg shadow-black/5 dark:shadow-black/30"
          : "cursor-pointer border-border/70 shadow-xs hover:border-border hover:shadow-sm",
        variant === "orphan" && "bg-muted/40",
        className,
      )}
    >
      {quote && variant !== "margin" ? (
        variant === "orphan" ? (
          <p className="flex items-start gap-1.5 text-[0.8125rem] text-muted-foreground">
            <Unlink aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            <span>
              <span className="sr-only">Its words were deleted. They were: </span>
              <q className="font-serif italic line-through decoration-muted-foreground/50">{truncate(quote, 140)}</q>
            </span>
          </p>
        ) : (
          <button
            type="button"
            onClick={() => onJump(root.id)}
            className="line-clamp-2 cursor-pointer rounded-sm border-l-2 border-[var(--highlight-strong)] pl-2 text-left font-serif text-[0.875rem] text-muted-foreground italic outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
            aria-label={`Show in the text: ${truncate(quote, 80)}`}
          >
            {truncate(quote, 160)}
          </button>
        )
      ) : null}

      <NoteItem
        note={root}
        kind="note"
        canEdit={rootAbilities.edit}
        canDelete={rootAbilities.delete}
        clamp={!expanded}
        onEdit={(values) => onEdit(root, values)}
        onDelete={() => onDelete(root)}
        {...shared(root)}
        actions={resolveButton}
      />

      {variant === "orphan" && onReattach && canReattach(viewer, root) ? <ReattachBar onReattach={(to) => onReattach(root, to)} /> : null}

      {root.resolved || root.locked ? (
        <p className="-mt-1 flex items-center gap-3 text-xs text-muted-foreground">
          {root.resolved ? (
            <span className="inline-flex items-center gap-1">
              <CheckCircle2 aria-hidden="true" className="size-3 text-success" />
              Resolved
            </span>
          ) : null}
          {root.locked ? (
            <span className="inline-flex items-center gap-1" title="No new replies">
              <Lock aria-hidden="true" className="size-3" />
              Locked
            </span>
          ) : null}
        </p>
      ) : null}

      {replies.length > 0 && !expanded ? (
        <div className="flex items-center gap-2 text-xs text-muted-foreground">
          <AvatarGroup>
            {responders.slice(0, 3).map((person) => (
              <Avatar key={person.id} name={person.name} seed={person.id} size="xs" decorative className="ring-card" />
            ))}
          </AvatarGroup>
          {plural(replies.length, "reply", "replies")}
        </div>
      ) : null}

      {expanded && replies.length > 0 ? (
        <ol className="flex flex-col gap-3 border-l pl-3" aria-label="Replies">
          {replies.map((reply) => {
            const abilities = noteAbilities(viewer, reply, root);
            return (
              <li key={reply.id} data-reply-id={reply.id}>
                <NoteItem
                  note={reply}
                  kind="reply"
                  canEdit={abilities.edit}
                  canDelete={abilities.delete}
                  onEdit={(values) => onEdit(reply, values)}
                  onDelete={() => onDelete(reply)}
                  {...shared(reply)}
                />
              </li>
            );
          })}
        </ol>
      ) : null}

      {expanded && replyable ? (
        <NoteComposer kind="reply" compact submitLabel="Reply" onSubmit={(values) => onReply(root.id, values.body)} />
      ) : null}

      {!expanded && replyable && replies.length === 0 ? (
        <span className="-mt-1 hidden items-center gap-1 text-xs text-muted-foreground [@media(hover:hover)]:group-hover/card:inline-flex">
          <CornerDownRight aria-hidden="true" className="size-3" />
          Reply
        </span>
      ) : null}
    </article>
  );
});

function ResolveButton({ resolved, onResolve }: { resolved: boolean; onResolve: (resolved: boolean) => Promise<string | undefined> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          const message = await onResolve(!resolved);
          setBusy(false);
          if (message) setError(message);
        }}
        className="inline-flex h-6 cursor-pointer items-center gap-1 rounded-full px-2 text-[0.6875rem] font-medium text-muted-foreground outline-none hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-60"
      >
        {resolved ? <RotateCcw aria-hidden="true" className="size-3" /> : <CheckCircle2 aria-hidden="true" className="size-3" />}
        {resolved ? "Reopen" : "Resolve"}
      </button>
    </>
  );
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

