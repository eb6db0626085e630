"use client";

import { useEffect, useRef, useState } from "react";
import { ChevronDown, ChevronUp } from "lucide-react";
import type { Viewer } from "@/lib/policies/annotations";
import { firstPage, mountedWindow, showEarlier, showMore, type ListWindow } from "./list-window";
import type { Thread } from "./model";
import { ThreadCard, type ThreadCardProps, type ThreadHandlers } from "./thread-card";

export type ThreadCardListProps = ThreadHandlers & {
  threads: Thread[];
  viewer: Viewer;
  activeId: string | null;
  variant: ThreadCardProps["variant"];
  quoteOf: (id: string) => string | undefined;
  cardRef: (id: string) => (el: HTMLElement | null) => void;
  /** The list's name for screen readers. */
  label?: string;
};

/**
 * Threads as a plain column of cards (the list layout, the phone sheet, the orphans), each quoting
 * its words. Only a few pages are mounted (list-window.ts); "Show more" and "Show earlier" reach
 * the rest, and each card tells screen readers where it stands in the whole list.
 */
export function ThreadCardList({ threads, viewer, activeId, variant, quoteOf, cardRef, label = "Notes", ...handlers }: ThreadCardListProps) {
  const [stretch, setStretch] = useState<ListWindow>(firstPage);
  const activeIndex = activeId ? threads.findIndex((t) => t.root.id === activeId) : -1;
  const { start, end } = mountedWindow(stretch, threads.length, activeIndex);
  const list = useRef<HTMLDivElement>(null);
  /** The card to focus once a page more is mounted: the first new one. */
  const focusIndex = useRef<number | null>(null);

  // Moved to the focused thread's page: stay there once it is let go.
  useEffect(() => {
    if (activeIndex >= 0) setStretch((current) => (current.start === start && current.end === end ? current : { start, end }));
  }, [activeIndex, start, end]);

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    focusIndex.current = null;
    list.current?.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"] > article`)?.focus();
  }, [start, end]);

  const move = (next: ListWindow, focus: number) => {
    focusIndex.current = focus;
    setStretch(next);
  };
  const before = start;
  const after = threads.length - end;

  return (
    <>
      {before > 0 ? (
        <button type="button" className={moreClass} onClick={() => move(showEarlier({ start, end }), start - 1)}>
          <ChevronUp aria-hidden="true" className="size-3.5" />
          Show earlier ({before})
        </button>
      ) : null}
      <div ref={list} role="list" aria-label={label} className="flex flex-col gap-3">
        {threads.slice(start, end).map((thread, i) => (
          <div key={thread.root.id} role="listitem" aria-setsize={threads.length} aria-posinset={start + i + 1}>
            <ThreadCard
              ref={cardRef(thread.root.id)}
              thread={thread}
              viewer={viewer}
              active={activeId === thread.root.id}
              variant={variant}
              quote={quoteOf(thread.root.id)}
              {...handlers}
            />
          </div>
        ))}
      </div>
      {after > 0 ? (
        <button type="button" className={moreClass} onClick={() => move(showMore({ start, end }, threads.length), end)}>
          <ChevronDown aria-hidden="true" className="size-3.5" />
          Show more ({after})
        </button>
      ) : null}
    </>
  );
}

const moreClass =
  "inline-flex h-9 shrink-0 cursor-pointer items-center justify-center gap-1.5 rounded-md border border-dashed text-sm text-muted-foreground outline-none hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring";
