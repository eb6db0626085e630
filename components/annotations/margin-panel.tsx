"use client";

import { useMemo } from "react";
import type { EditorView } from "@tiptap/pm/view";
import { MessageSquareQuote, Unlink } from "lucide-react";
import type { Viewer } from "@/lib/policies/annotations";
import type { TrackedRange } from "./anchor-tracker";
import { Margin, type MarginItem } from "./margin";
import type { Thread } from "./model";
import { ThreadCard, type ThreadHandlers } from "./thread-card";

type MarginPanelProps = {
  view: EditorView | null;
  /** The text is live and ranges are known. */
  live: boolean;
  version: number;
  /** Threads on the text that pass the filters, in the order of their words. */
  threads: Thread[];
  total: number;
  filtering: boolean;
  orphanCount: number;
  activeId: string | null;
  viewer: Viewer;
  canAnnotate: boolean;
  ranges: ReadonlyMap<string, TrackedRange>;
  cardRef: (id: string) => (el: HTMLElement | null) => void;
  handlers: ThreadHandlers;
  /** The new-note card, placed beside the selected words. */
  draft: React.ReactNode;
  onClearFilters: () => void;
  /** Below the cards: the orphans. */
  children?: React.ReactNode;
};

/** The margin on a wide screen: a quiet header, the cards beside their words, then the orphans. */
export function MarginPanel(props: MarginPanelProps) {
  const { view, live, version, threads, total, filtering, orphanCount, activeId, viewer, canAnnotate, ranges, cardRef, handlers, draft, onClearFilters, children } = props;

  const items: MarginItem[] = useMemo(() => {
    const list: MarginItem[] = threads.flatMap((thread) => {
      const range = ranges.get(thread.root.id);
      if (!range) return [];
      return [
        {
          id: thread.root.id,
          from: range.from,
          node: <ThreadCard ref={cardRef(thread.root.id)} thread={thread} viewer={viewer} active={activeId === thread.root.id} variant="margin" {...handlers} />,
        },
      ];
    });
    const draftRange = ranges.get("draft");
    if (draft && draftRange) list.push({ id: "draft", from: draftRange.from, node: draft });
    return list;
  }, [threads, ranges, draft, cardRef, viewer, activeId, handlers]);

  const shownCount = threads.length;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex h-6 items-center gap-2 text-xs text-muted-foreground">
        <h2 className="font-semibold tracking-wider uppercase">Margin</h2>
        <span aria-hidden="true">·</span>
        <span>{filtering ? `${shownCount} of ${total} shown` : total === 1 ? "1 note" : `${total} notes`}</span>
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

      {live && items.length === 0 ? <MarginEmpty filtering={filtering} canAnnotate={canAnnotate} /> : null}

      <Margin items={items} view={view} activeId={activeId} version={version} minTop={0} />

      {children}
    </div>
  );
}

function MarginEmpty({ filtering, canAnnotate }: { filtering: boolean; canAnnotate: boolean }) {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
      <MessageSquareQuote aria-hidden="true" className="size-4" />
      <p>
        {filtering
          ? "No notes match the search or filters."
          : canAnnotate
            ? "Select words in the text to highlight them or write a note beside them."
            : "No notes on this text yet."}
      </p>
    </div>
  );
}
