"use client";

import Link from "next/link";
import { forwardRef } from "react";
import { Ban, Check, EyeOff, Lock, MessageSquareText, VolumeX } from "lucide-react";
import type { QueueCard } from "@/lib/presenters/moderation";
import { cn } from "@/lib/utils";
import { NoteBody } from "@/components/annotations/note-body";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { decisionsFor, type Decision } from "@/components/moderation/decisions";
import { FlagSummary } from "@/components/moderation/flag-list";
import { StatusBadge } from "@/components/moderation/status-badge";
import { When } from "@/components/moderation/when";

const DECISION_ICON = { approved: Check, hidden: EyeOff, spam: Ban } as const;

type QueueItemProps = {
  item: QueueCard;
  active: boolean;
  selected: boolean;
  onActivate: () => void;
  onToggleSelected: () => void;
  onDecide: (decision: Decision) => void;
};

/** One item of the queue: what was said, where, by whom, why it is here, and the decisions. */
const QueueItem = forwardRef<HTMLElement, QueueItemProps>(function QueueItem({ item, active, selected, onActivate, onToggleSelected, onDecide }, ref) {
  const headingId = `item-${item.id}-heading`;
  return (
    <li>
      <article
        ref={ref}
        id={`item-${item.id}`}
        tabIndex={-1}
        aria-labelledby={headingId}
        aria-current={active ? "true" : undefined}
        data-active={active || undefined}
        data-selected={selected || undefined}
        onClick={onActivate}
        onFocus={onActivate}
        className={cn(
          "relative flex scroll-mt-32 flex-col gap-3 rounded-xl border bg-card px-4 py-4 shadow-xs transition-[border-color,box-shadow] outline-none sm:px-5",
          "data-[active]:border-primary/60 data-[active]:shadow-[0_0_0_3px_color-mix(in_oklch,var(--primary)_18%,transparent)]",
          "data-[selected]:bg-accent/40",
        )}
      >
        {active ? <span aria-hidden="true" className="absolute top-3 bottom-3 -left-px w-[3px] rounded-full bg-primary" /> : null}
        <header className="flex items-start gap-3">
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggleSelected}
            onClick={(event) => event.stopPropagation()}
            aria-label={`Select the note by ${item.author.name}`}
            className="mt-1.5 size-4 shrink-0 cursor-pointer accent-[var(--primary)]"
          />
          <Avatar name={item.author.name} size="sm" decorative className="ring-0" />
          <div className="flex min-w-0 flex-1 flex-col">
            <h2 id={headingId} className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-sm">
              <span className="font-semibold">{item.author.name}</span>
              {item.author.muted ? (
                <Badge variant="warning" title="Muted: can read, cannot post">
                  <VolumeX aria-hidden="true" />
                  Muted
                </Badge>
              ) : null}
              <span className="text-muted-foreground">{item.inReplyTo ? "replied" : "annotated"}</span>
              <Link href={`/documents/${item.document.id}`} className="min-w-0 truncate font-medium text-foreground underline-offset-4 hover:underline" onClick={(e) => e.stopPropagation()}>
                {item.document.title}
              </Link>
            </h2>
            <When iso={item.createdAt} className="text-xs text-muted-foreground" />
          </div>
          <div className="flex shrink-0 items-center gap-1.5">
            {item.threadLocked ? (
              <Badge variant="outline" title="Thread locked: no new replies">
                <Lock aria-hidden="true" />
                Locked
              </Badge>
            ) : null}
            <StatusBadge status={item.status} />
          </div>
        </header>

        <div className="flex flex-col gap-2.5 pl-7 sm:pl-[4.25rem]">
          {item.quote ? (
            <blockquote className="border-l-[3px] border-highlight-strong bg-highlight/50 py-1 pr-2 pl-3 font-serif text-[0.9375rem] leading-relaxed text-foreground/85">
              {item.orphaned ? <span className="mr-1 text-xs font-sans text-muted-foreground">(text since removed)</span> : null}“{item.quote}”
            </blockquote>
          ) : null}
          {item.inReplyTo ? (
            <p className="text-xs text-muted-foreground">
              In reply to {item.inReplyTo.author}: “{item.inReplyTo.excerpt}”
            </p>
          ) : null}
          {item.body ? <NoteBody body={item.body} format={item.format} className="text-[0.9375rem] leading-relaxed break-words" /> : <p className="text-sm text-muted-foreground italic">No text, only a highlight.</p>}
          {item.tags.length ? (
            <ul className="flex flex-wrap gap-1" aria-label="Tags">
              {item.tags.map((tag) => (
                <li key={tag}>
                  <Badge variant="outline">#{tag}</Badge>
                </li>
              ))}
            </ul>
          ) : null}
          <FlagSummary flags={item.flags} />
          <div className="mt-1 flex flex-wrap items-center gap-2">
            {decisionsFor(item).map((decision) => {
              const Icon = DECISION_ICON[decision.status];
              return (
                <Button
                  key={decision.status}
                  type="button"
                  size="sm"
                  variant={decision.status === "approved" ? "default" : decision.status === "spam" ? "outline" : "secondary"}
                  disabled={decision.disabled}
                  onClick={(event) => {
                    event.stopPropagation();
                    onDecide(decision);
                  }}
                  aria-keyshortcuts={active ? decision.key : undefined}
                >
                  <Icon aria-hidden="true" />
                  {decision.label}
                  {active ? <Kbd className="ml-0.5 hidden border-current/20 bg-transparent text-current/80 sm:inline-flex">{decision.key}</Kbd> : null}
                </Button>
              );
            })}
            {item.notes.length ? (
              <span className="ml-auto inline-flex items-center gap-1 text-xs text-muted-foreground">
                <MessageSquareText aria-hidden="true" className="size-3.5" />
                {item.notes.length} moderator note{item.notes.length === 1 ? "" : "s"}
              </span>
            ) : null}
          </div>
        </div>
      </article>
    </li>
  );
});

export { QueueItem };
