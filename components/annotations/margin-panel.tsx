"use client";

import { useCallback, useRef } from "react";
import type { EditorView } from "@tiptap/pm/view";
import { EyeOff, MessageSquareQuote, Unlink } from "lucide-react";
import type { Viewer } from "@/lib/policies/annotations";
import type { AnchorTracker } from "./anchor-tracker";
import { Margin } from "./margin";
import type { Thread } from "./model";
import { ThreadCard, type ThreadHandlers } from "./thread-card";
import { ThreadCardList } from "./thread-list";

type MarginPanelProps = {
  view: EditorView | null;
  /** The text is live and ranges are known. */
  live: boolean;
  tracker: AnchorTracker;
  /** Threads on the text that pass the filters, in the order of their words. */
  threads: Thread[];
  total: number;
  /** The server's list has arrived: until then the count and the empty state would say "none". */
  loaded: boolean;
  filtering: boolean;
  orphanCount: number;
  activeId: string | null;
  viewer: Viewer;
  canAnnotate: boolean;
  cardRef: (id: string) => (el: HTMLElement | null) => void;
  handlers: ThreadHandlers;
  /** The new-note card, placed beside the selected words. */
  draft: React.ReactNode;
  onClearFilters: () => void;
  /** Cards beside their words (position), or a list in another order with each quote as a link. */
  layout: "beside" | "list";
  quoteOf: (id: string) => string | undefined;
  /** Resolved threads folded away, and the toggle that shows them. */
  resolved: ResolvedFold;
  /** Others' notes are held back until the reader posts one. */
  hidingOthers: boolean;
  /** Below the cards: the orphans. */
  children?: React.ReactNode;
};

/** The margin on a wide screen: a quiet header, the cards beside their words, then the orphans. */
export function MarginPanel(props: MarginPanelProps) {
  const { view, live, tracker, threads, total, loaded, filtering, orphanCount, activeId, viewer, canAnnotate, cardRef, handlers, draft, onClearFilters, children } = props;
  const { layout, quoteOf, resolved, hidingOthers } = props;

  // One ref callback per card, kept across renders so a memoized card stays untouched.
  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const refOf = useCallback(
    (id: string) => {
      let ref = refs.current.get(id);
      if (!ref) refs.current.set(id, (ref = cardRef(id)));
      return ref;
    },
    [cardRef],
  );
  const renderCard = useCallback(
    (thread: Thread, active: boolean) => <ThreadCard ref={refOf(thread.root.id)} thread={thread} viewer={viewer} active={active} variant="margin" {...handlers} />,
    [refOf, viewer, handlers],
  );

  const shownCount = threads.length;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex h-6 items-center gap-2 text-xs text-muted-foreground">
        <h2 className="font-semibold tracking-wider uppercase">Margin</h2>
        {loaded ? (
          <>
            <span aria-hidden="true">·</span>
            <span>{filtering ? `${shownCount} of ${total} shown` : total === 1 ? "1 note" : `${total} notes`}</span>
          </>
        ) : null}
        {filtering ? (
          <button type="button" onClick={onClearFilters} className="cursor-pointer rounded-sm underline underline-offset-2 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
            Show all
          </button>
        ) : null}
        {orphanCount > 0 ? (
          <a href="#annotation-orphans" className="ml-auto inline-flex items-center gap-1 rounded-sm outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
            <Unlink aria-hidden="true" className="size-3" />
            {orphanCount} orphaned
          </a>
        ) : null}
      </div>

      {hidingOthers ? <HiddenUntilPostedBanner /> : null}

      <ResolvedToggle {...resolved} />

      {live && loaded && threads.length === 0 && !draft && !hidingOthers ? <MarginEmpty filtering={filtering} canAnnotate={canAnnotate} allResolved={resolved.folded > 0 && !resolved.shown} /> : null}

      {layout === "beside" ? (
        <Margin threads={threads} tracker={tracker} view={view} activeId={activeId} renderCard={renderCard} draft={draft} onJump={handlers.onJump} />
      ) : (
        <div className="flex flex-col gap-3">
          {draft}
          <ThreadCardList threads={threads} viewer={viewer} activeId={activeId} variant="list" quoteOf={quoteOf} cardRef={cardRef} {...handlers} />
        </div>
      )}

      {children}
    </div>
  );
}

export type ResolvedFold = { folded: number; shown: boolean; onToggle: () => void };

/** "N resolved — show": settled threads step out of the way until asked for. */
export function ResolvedToggle({ folded, shown, onToggle }: ResolvedFold) {
  if (folded === 0) return null;
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={shown}
      className="inline-flex cursor-pointer items-center gap-1 self-start rounded-sm text-xs text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
    >
      {folded} resolved — <span className="underline underline-offset-2">{shown ? "hide" : "show"}</span>
    </button>
  );
}

/** Hide-and-reveal: says calmly why the margin is quiet and what opens it. */
export function HiddenUntilPostedBanner() {
  return (
    <div role="note" className="flex items-start gap-2.5 rounded-lg border border-dashed bg-muted/40 p-3 text-sm text-muted-foreground">
      <EyeOff aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p>
        <span className="font-medium text-foreground">Post your own note to see the group&rsquo;s.</span> Others&rsquo; notes on this text stay hidden until you have written one.
      </p>
    </div>
  );
}

function MarginEmpty({ filtering, canAnnotate, allResolved }: { filtering: boolean; canAnnotate: boolean; allResolved: boolean }) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
      <MessageSquareQuote aria-hidden="true" className="size-4" />
      <p>
        {filtering
          ? "No notes match the search or filters."
          : allResolved
            ? "Every thread here is resolved."
          : canAnnotate
            ? "Select words in the text to highlight them or write a note beside them."
            : "No notes on this text yet."}
      </p>
    </div>
  );
}
