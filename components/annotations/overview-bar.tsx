"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { ChevronDown, ChevronUp } from "lucide-react";
import { cn } from "@/lib/utils";

/** A note's words, in px from the margin's top. */
export type OverviewMark = { id: string; top: number };

/** Notes binned into cells of the bar; `ids[0]` is where a click on the cell goes. */
export type OverviewBucket = { at: number; count: number; ids: string[] };

/**
 * Bins notes into cells of `cell` px on a bar of `barHeight` px that stands for the whole page
 * (`pageHeight` px; `offset` is where the margin starts on the page), as a scrollbar does.
 */
export function overviewBuckets(marks: readonly OverviewMark[], { offset, pageHeight, barHeight, cell }: { offset: number; pageHeight: number; barHeight: number; cell: number }): OverviewBucket[] {
  if (pageHeight <= 0 || barHeight <= 0) return [];
  const cells = new Map<number, OverviewBucket>();
  for (const mark of marks) {
    const y = ((offset + mark.top) / pageHeight) * barHeight;
    const at = Math.max(0, Math.min(barHeight - cell, Math.floor(y / cell) * cell));
    const bucket = cells.get(at);
    if (bucket) {
      bucket.count++;
      bucket.ids.push(mark.id);
    } else cells.set(at, { at, count: 1, ids: [mark.id] });
  }
  return [...cells.values()].sort((a, b) => a.at - b.at);
}

type OverviewBarProps = {
  marks: readonly OverviewMark[];
  /** The margin's own element: marks are relative to its top. */
  canvas: React.RefObject<HTMLDivElement | null>;
  onJump: (id: string) => void;
  reduceMotion: () => boolean;
};

/** A cell of the bar: notes within it share one tick, a target big enough for a finger or a pointer (24 px, WCAG 2.5.8). */
const CELL = 24;
/** The page's sticky bars take this much of the top of the viewport. */
const TOP_INSET = 120;

/**
 * Beside the scrollbar, as Hypothesis's bucket bar: where the notes are over the whole page, how
 * many lie above and below the viewport, and buttons that jump to the nearest ones.
 */
export function OverviewBar({ marks, canvas, onJump }: OverviewBarProps) {
  const [frame, setFrame] = useState({ offset: 0, pageHeight: 0, barHeight: 0, scrollTop: 0, viewHeight: 0 });

  useEffect(() => {
    let pending = 0;
    const read = () => {
      pending = 0;
      const el = canvas.current;
      if (!el) return;
      const next = {
        offset: Math.round(el.getBoundingClientRect().top + window.scrollY),
        pageHeight: document.documentElement.scrollHeight,
        barHeight: window.innerHeight,
        scrollTop: Math.round(window.scrollY),
        viewHeight: window.innerHeight,
      };
      setFrame((current) => (Object.keys(next) as (keyof typeof next)[]).every((k) => current[k] === next[k]) ? current : next);
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(read);
    };
    read();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    const observer = new ResizeObserver(schedule);
    observer.observe(document.body);
    return () => {
      cancelAnimationFrame(pending);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      observer.disconnect();
    };
  }, [canvas, marks]);

  const { offset, pageHeight, barHeight } = frame;
  const buckets = useMemo(() => overviewBuckets(marks, { offset, pageHeight, barHeight, cell: CELL }), [marks, offset, pageHeight, barHeight]);
  const peak = Math.max(1, ...buckets.map((b) => b.count));
  // Words within the visible part of the page (below the sticky bars) count as in view.
  const viewTop = frame.scrollTop - frame.offset + TOP_INSET;
  const viewBottom = frame.scrollTop - frame.offset + frame.viewHeight;
  const above = marks.filter((m) => m.top < viewTop);
  const below = marks.filter((m) => m.top > viewBottom);
  if (marks.length === 0 || frame.pageHeight === 0) return null;

  return (
    <nav aria-label="Where the notes are" className="pointer-events-none fixed top-0 right-0 bottom-0 z-20 hidden w-6 min-[900px]:block" data-testid="overview-bar">
      <OverviewTicks buckets={buckets} peak={peak} barHeight={barHeight} viewAt={(frame.scrollTop / frame.pageHeight) * barHeight} onJump={onJump} />
      {above.length > 0 ? (
        <button
          type="button"
          onClick={() => onJump(above[above.length - 1].id)}
          aria-label={`${above.length} ${above.length === 1 ? "note" : "notes"} above: go to the nearest`}
          className={cn(jumpClass, "top-[calc(var(--spacing-header)+3.5rem)]")}
        >
          <ChevronUp aria-hidden="true" className="size-3" />
          {above.length}
        </button>
      ) : null}
      {below.length > 0 ? (
        <button
          type="button"
          onClick={() => onJump(below[0].id)}
          aria-label={`${below.length} ${below.length === 1 ? "note" : "notes"} below: go to the nearest`}
          className={cn(jumpClass, "bottom-3")}
        >
          {below.length}
          <ChevronDown aria-hidden="true" className="size-3" />
        </button>
      ) : null}
    </nav>
  );
}

/** "3 notes, 42% down the page": what a tick stands for, for those who cannot see the bar. */
export function tickLabel(bucket: OverviewBucket, barHeight: number): string {
  const percent = barHeight > 0 ? Math.round((bucket.at / barHeight) * 100) : 0;
  return `${bucket.count === 1 ? "1 note" : `${bucket.count} notes`}, ${percent}% down the page`;
}

/** Which tick takes focus from the keyboard: an arrow key moves one along, Home and End to the ends. */
export function nextTick(index: number, key: string, count: number): number | null {
  if (count === 0) return null;
  if (key === "ArrowDown" || key === "ArrowRight") return Math.min(count - 1, index + 1);
  if (key === "ArrowUp" || key === "ArrowLeft") return Math.max(0, index - 1);
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

/**
 * The ticks, one per cell with notes: one stop in the tab order (the tick nearest the viewport,
 * or the last one focused), arrow keys move along the bar, Enter or Space jumps to the notes.
 */
function OverviewTicks({ buckets, peak, barHeight, viewAt, onJump }: { buckets: OverviewBucket[]; peak: number; barHeight: number; viewAt: number; onJump: (id: string) => void }) {
  const [focusedAt, setFocusedAt] = useState<number | null>(null);
  const group = useRef<HTMLDivElement>(null);
  const focused = focusedAt === null ? -1 : buckets.findIndex((b) => b.at === focusedAt);
  const nearest = buckets.findIndex((b) => b.at + CELL > viewAt);
  const current = focused >= 0 ? focused : nearest >= 0 ? nearest : buckets.length - 1;
  return (
    <div
      ref={group}
      role="toolbar"
      aria-orientation="vertical"
      aria-label="Notes down the page"
      className="absolute inset-0"
      onKeyDown={(event) => {
        const next = nextTick(current, event.key, buckets.length);
        if (next === null) return;
        event.preventDefault();
        setFocusedAt(buckets[next].at);
        group.current?.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
      }}
    >
      {buckets.map((bucket, i) => (
        <button
          key={bucket.at}
          type="button"
          tabIndex={i === current ? 0 : -1}
          aria-label={tickLabel(bucket, barHeight)}
          title={bucket.count === 1 ? "1 note" : `${bucket.count} notes`}
          onFocus={() => setFocusedAt(bucket.at)}
          onClick={() => onJump(bucket.ids[0])}
          className="group/tick pointer-events-auto absolute inset-x-0 cursor-pointer rounded-sm outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
          style={{ top: bucket.at, height: CELL }}
        >
          <span
            aria-hidden="true"
            className="absolute top-1/2 right-0.5 h-2 w-2.5 -translate-y-1/2 rounded-[1px] bg-highlight-strong group-hover/tick:bg-foreground/60 group-focus-visible/tick:bg-foreground/70"
            style={{ opacity: 0.35 + 0.65 * (bucket.count / peak) }}
          />
        </button>
      ))}
    </div>
  );
}

const jumpClass =
  "pointer-events-auto absolute right-7 flex cursor-pointer flex-col items-center rounded-md border bg-card/95 px-1 py-0.5 text-[0.625rem] leading-tight font-medium text-muted-foreground tabular-nums shadow-sm outline-none backdrop-blur hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring";
