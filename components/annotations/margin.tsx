"use client";

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import type { EditorView } from "@tiptap/pm/view";
import { ChevronUp, Layers } from "lucide-react";
import { AvatarGroup, Avatar } from "@/components/ui/avatar";
import { cn } from "@/lib/utils";
import type { AnchorTracker } from "./anchor-tracker";
import { layoutMargin, visibleBlocks, idsOf, type MarginBlock, type MarginEntry } from "./margin-layout";
import type { Thread } from "./model";
import { FlagCount } from "./moderator-bar";
import { OverviewBar } from "./overview-bar";
import { DRAFT_ID } from "./use-thread-view";

type MarginProps = {
  /** Threads on the text that pass the filters, in the order of their words. */
  threads: readonly Thread[];
  tracker: AnchorTracker;
  view: EditorView | null;
  activeId: string | null;
  /** One thread's card; keep it stable (useCallback), cards re-render only when it, the thread or its focus change. */
  renderCard: (thread: Thread, active: boolean) => React.ReactNode;
  /** The new-note card, placed beside the selected words. */
  draft: React.ReactNode | null;
  /** Scrolls to a thread's words and focuses it (the overview bar's jumps). */
  onJump: (id: string) => void;
  className?: string;
};

const GAP = 10;
const STACK_HEIGHT = 40;
const OPENED_HEIGHT = 32;
/** A card may sit this far below its words (a leader line shows where they are) before it joins a stack. */
const TOLERANCE = 240;
/** A card's height until it has been drawn and measured. */
const ESTIMATED_HEIGHT = 112;
/** The card's first line sits this far below its top edge; the card moves up by it to line up with the words. */
const CARD_INSET = 13;
/** Cards are mounted this much of a viewport height above and below the viewport. */
const OVERSCAN = 0.5;
/** Where a leader line turns down towards its card: this far left of the cards. */
const LEADER = 14;
/** The leader lines' drawing box, wider than any gutter. */
const SVG_WIDTH = 160;
/** A block this far below its words gets a leader line back to them. */
const DISPLACED = 6;
/** More displaced blocks than this on screen: only the focused one keeps its leader line. */
const MAX_LEADERS = 4;

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Thread cards beside the text, for any number of notes: each level with its words, overlapping
 * ones collapsed into stacks that open in place (margin-layout.ts), only those near the viewport
 * mounted, and an overview bar beside the scrollbar. Word positions are measured for what is on
 * screen after each edit (after the frame is drawn), for everything when the page settles.
 */
export function Margin({ threads, tracker, view, activeId, renderCard, draft, onJump, className }: MarginProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const tops = useRef(new Map<string, number>());
  const heights = useRef(new Map<string, number>());
  const [measured, bumpMeasured] = useReducer((n: number) => n + 1, 0);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const [windowRange, setWindowRange] = useState<[number, number]>([0, 0]);
  /** Distance from the text's right edge to the cards: the leader lines cross it. */
  const [gutter, setGutter] = useState(40);

  const hasDraft = draft !== null;
  // Keyed by content: the threads are listed anew whenever some note's words change (typing in
  // them), while the notes and their order rarely do; a new list would measure every note again.
  const idsKey = threads.map((t) => t.root.id).join(" ") + (hasDraft ? ` ${DRAFT_ID}` : "");
  const ids = useMemo(() => idsKey.split(" ").filter(Boolean), [idsKey]);
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const threadById = useMemo(() => new Map(threads.map((t) => [t.root.id, t])), [threads]);

  /** Measures where the words of `which` are, relative to the margin's top; true when any moved. */
  const measure = useCallback(
    (which: readonly string[]) => {
      const el = canvas.current;
      if (!el || !view || view.isDestroyed) return false;
      const origin = el.getBoundingClientRect().top;
      const size = view.state.doc.content.size;
      let changed = false;
      for (const id of which) {
        const range = tracker.positionOf(id);
        let top: number | undefined;
        if (range) {
          try {
            top = view.coordsAtPos(Math.min(range.from, size), 1).top - origin;
          } catch {
            // A position the view cannot draw (mid-update): keep the last place.
            top = tops.current.get(id);
          }
        }
        const before = tops.current.get(id);
        if (top === undefined) {
          if (before !== undefined) {
            tops.current.delete(id);
            changed = true;
          }
        } else if (before === undefined || Math.abs(before - top) > 0.5) {
          tops.current.set(id, top);
          changed = true;
        }
      }
      return changed;
    },
    [tracker, view],
  );

  const measureAll = useCallback(() => {
    const keep = new Set(idsRef.current);
    let changed = false;
    for (const id of tops.current.keys()) {
      if (!keep.has(id)) {
        tops.current.delete(id);
        changed = true;
      }
    }
    if (measure(idsRef.current) || changed) bumpMeasured();
    const el = canvas.current;
    if (view && el && !view.isDestroyed) setGutter(Math.max(16, Math.round(el.getBoundingClientRect().left - view.dom.getBoundingClientRect().right)));
  }, [measure, view]);

  /**
   * After an edit: measures the notes near the viewport and moves those below them by as much as
   * the last one moved (an edit on screen moves what follows by the same height); the rest are
   * measured exactly once edits pause.
   */
  const measureNearViewport = useCallback(() => {
    const el = canvas.current;
    if (!el) return;
    const origin = el.getBoundingClientRect().top;
    const from = -origin - window.innerHeight;
    const to = -origin + 2 * window.innerHeight;
    const list = idsRef.current;
    const near = list.filter((id) => {
      const top = tops.current.get(id);
      return top === undefined || (top >= from && top <= to);
    });
    const lastNear = [...near].reverse().find((id) => tops.current.has(id));
    const lastBefore = lastNear === undefined ? undefined : tops.current.get(lastNear);
    let changed = measure(near);
    const lastAfter = lastNear === undefined ? undefined : tops.current.get(lastNear);
    const delta = lastBefore !== undefined && lastAfter !== undefined ? lastAfter - lastBefore : 0;
    if (Math.abs(delta) > 0.5) {
      const nearSet = new Set(near);
      for (const id of list) {
        const top = tops.current.get(id);
        if (!nearSet.has(id) && top !== undefined && top > to) tops.current.set(id, top + delta);
      }
      changed = true;
    }
    if (changed) bumpMeasured();
  }, [measure]);

  // Everything, whenever the set of notes changes.
  useLayoutEffect(() => {
    measureAll();
  }, [ids, measureAll]);

  // Edits move the words: what is near the viewport right after the frame, everything once edits pause.
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = tracker.subscribePositions(() => {
      if (!frame && !timer) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          timer = setTimeout(() => {
            timer = undefined;
            measureNearViewport();
          }, 0);
        });
      }
      clearTimeout(settle);
      settle = setTimeout(measureAll, 700);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(settle);
    };
  }, [tracker, measureNearViewport, measureAll]);

  // Text reflows (window width, fonts, a line more while typing) move the words without any change
  // of positions: what is near the viewport at once, after the frame; everything a moment later.
  useEffect(() => {
    if (!view) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(measureNearViewport, 0);
      clearTimeout(settle);
      settle = setTimeout(measureAll, 700);
    });
    observer.observe(view.dom);
    void document.fonts?.ready.then(() => measureAll());
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(settle);
    };
  }, [view, measureAll, measureNearViewport]);

  const heightObserver = useMemo(
    () =>
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const el = entry.target as HTMLElement;
              const id = el.dataset.marginId;
              const height = Math.round(el.offsetHeight);
              if (id && height > 0 && heights.current.get(id) !== height) {
                heights.current.set(id, height);
                changed = true;
              }
            }
            if (changed) bumpMeasured();
          }),
    [],
  );
  useEffect(() => () => heightObserver?.disconnect(), [heightObserver]);
  const observeHeight = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || !heightObserver) return;
      const id = el.dataset.marginId!;
      const height = Math.round(el.offsetHeight);
      if (height > 0) heights.current.set(id, height);
      heightObserver.observe(el);
      return () => heightObserver.unobserve(el);
    },
    [heightObserver],
  );

  const layout = useMemo(() => {
    const entries: MarginEntry[] = [];
    for (const id of ids) {
      const top = tops.current.get(id);
      if (top === undefined) continue;
      entries.push({ id, top: Math.max(0, top - CARD_INSET + 4), height: heights.current.get(id) ?? ESTIMATED_HEIGHT });
    }
    return layoutMargin(entries, { gap: GAP, stackHeight: STACK_HEIGHT, openHeaderHeight: OPENED_HEIGHT, activeId, opened, tolerance: TOLERANCE });
    // measured: tops and heights live in refs and change without a render of their own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, measured, activeId, opened]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  // Which blocks to mount: those within a viewport's height of the viewport, recomputed as it scrolls.
  const updateWindow = useCallback(() => {
    const el = canvas.current;
    if (!el) return;
    const origin = el.getBoundingClientRect().top;
    const next = visibleBlocks(layoutRef.current.blocks, -origin - OVERSCAN * window.innerHeight, -origin + (1 + OVERSCAN) * window.innerHeight);
    setWindowRange((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
  }, []);
  useLayoutEffect(updateWindow, [layout, updateWindow]);

  // Says when the cards in view first stand at their words (for measurements and tests), on the margin's landmark.
  const placed = ids.length > 0 && layout.blocks.length > 0;
  useLayoutEffect(() => {
    const aside = canvas.current?.closest("aside");
    if (placed) aside?.setAttribute("data-cards-placed", "");
    else aside?.removeAttribute("data-cards-placed");
  }, [placed]);
  useEffect(() => {
    let frame = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          updateWindow();
        });
      }
      // Words far from where edits happened may have been placed by estimate: measure them once scrolling rests.
      clearTimeout(settle);
      settle = setTimeout(measureNearViewport, 150);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(settle);
    };
  }, [updateWindow, measureNearViewport]);

  // The mounted blocks: those near the viewport, plus the focused thread and the draft wherever they are.
  const mounted = useMemo(() => {
    const [first, last] = windowRange;
    const list = layout.blocks.slice(first, last);
    layout.blocks.forEach((block, i) => {
      if ((i < first || i >= last) && block.kind === "card" && (block.id === activeId || block.id === DRAFT_ID)) list.push(block);
    });
    return list;
  }, [layout, windowRange, activeId]);

  // Leader lines from displaced blocks back to their words: all of them where the margin is sparse,
  // only the focused thread's where many would cross (they would read as one line).
  const leaders = useMemo(() => {
    const displaced = mounted.filter((b) => b.top - b.wordTop > DISPLACED);
    const shown = displaced.length <= MAX_LEADERS ? displaced : displaced.filter((b) => b.kind === "card" && b.id === activeId);
    const active = mounted.find((b) => b.kind === "card" && b.id === activeId);
    return active && !shown.includes(active) ? [...shown, active] : shown;
  }, [mounted, activeId]);

  const toggle = useCallback((block: MarginBlock, open: boolean) => {
    setOpened((current) => {
      const next = new Set(current);
      for (const id of idsOf(block)) {
        if (open) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const marks = useMemo(() => {
    void measured;
    return ids.flatMap((id) => {
      const top = tops.current.get(id);
      return top === undefined || id === DRAFT_ID ? [] : [{ id, top }];
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, measured]);

  return (
    <div ref={canvas} className={cn("relative", className)} style={{ height: layout.height + 24 }} data-testid="margin-canvas">
      {/* A fixed box (its width never follows the gutter), so it never counts as a layout shift. */}
      <svg aria-hidden="true" className="pointer-events-none absolute top-0 h-full overflow-visible" style={{ left: -SVG_WIDTH, width: SVG_WIDTH }}>
        {leaders.map((block) => {
          const active = block.kind === "card" && block.id === activeId;
          const words = block.wordTop + CARD_INSET - 2;
          const card = block.top + CARD_INSET + 3;
          const start = SVG_WIDTH - gutter;
          return (
            <path
              key={block.kind === "card" ? block.id : `${block.kind}:${block.key}`}
              d={`M ${start} ${words} H ${SVG_WIDTH - LEADER} V ${card} H ${SVG_WIDTH}`}
              className={cn("fill-none", active ? "stroke-ring/70" : "stroke-border")}
              strokeWidth={1}
            />
          );
        })}
      </svg>
      {mounted.map((block) => {
        if (block.kind === "card") {
          const thread = threadById.get(block.id);
          return (
            <CardSlot
              key={block.id}
              id={block.id}
              top={block.top}
              thread={thread ?? null}
              active={block.id === activeId}
              render={renderCard}
              draft={block.id === DRAFT_ID ? draft : null}
              measureRef={observeHeight}
            />
          );
        }
        return (
          <StackSlot
            key={`${block.kind}:${block.key}`}
            block={block}
            threads={idsOf(block).flatMap((id) => threadById.get(id) ?? [])}
            onToggle={toggle}
          />
        );
      })}
      <OverviewBar marks={marks} canvas={canvas} onJump={onJump} reduceMotion={prefersReducedMotion} />
    </div>
  );
}

type CardSlotProps = {
  id: string;
  top: number;
  thread: Thread | null;
  active: boolean;
  render: MarginProps["renderCard"];
  draft: React.ReactNode | null;
  measureRef: (el: HTMLDivElement | null) => (() => void) | undefined;
};

/** One card at its place; moving it re-renders only this wrapper, not the card. */
const CardSlot = memo(function CardSlot({ id, top, thread, active, render, draft, measureRef }: CardSlotProps) {
  const card = useMemo(() => (thread ? render(thread, active) : draft), [thread, active, render, draft]);
  return (
    <div
      ref={measureRef}
      data-margin-id={id}
      className={cn("absolute inset-x-0 top-0 motion-safe:transition-transform motion-safe:duration-200 motion-safe:ease-out", active && "z-10")}
      style={{ transform: `translateY(${Math.round(top)}px)` }}
    >
      {card}
    </div>
  );
});

function plural(count: number) {
  return count === 1 ? "1 note" : `${count} notes`;
}

/** A collapsed stack ("4 notes"), or the bar above an opened one. */
const StackSlot = memo(function StackSlot({ block, threads, onToggle }: { block: MarginBlock; threads: Thread[]; onToggle: (block: MarginBlock, open: boolean) => void }) {
  const people = [...new Map(threads.map((t) => [t.root.author.id, t.root.author])).values()].slice(0, 3);
  const replies = threads.reduce((sum, t) => sum + t.replies.length, 0);
  // What a moderator must not miss stays on the folded stack: open flags and notes awaiting approval.
  const notes = threads.flatMap((t) => [t.root, ...t.replies]);
  const flags = notes.reduce((sum, note) => sum + (note.flagCount ?? 0), 0);
  const waiting = notes.filter((note) => note.status === "pending").length;
  const open = block.kind === "opened";
  const first = threads[0]?.root.body.replace(/\s+/g, " ").trim() ?? "";
  return (
    <div
      className="absolute inset-x-0 top-0"
      style={{ transform: `translateY(${Math.round(block.top)}px)`, height: block.height }}
      data-margin-stack={open ? "opened" : "closed"}
      data-margin-ids={block.kind === "card" ? block.id : block.ids.join(" ")}
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => onToggle(block, !open)}
        className={cn(
          "flex w-full cursor-pointer items-center gap-2 rounded-lg text-left text-xs outline-none focus-visible:ring-2 focus-visible:ring-ring",
          open
            ? "h-7 px-1 text-muted-foreground hover:text-foreground"
            : "h-10 border border-border/70 bg-card px-2.5 text-card-foreground shadow-xs hover:border-border hover:shadow-sm",
        )}
      >
        {open ? (
          <>
            <ChevronUp aria-hidden="true" className="size-3.5" />
            <span className="font-medium">{plural(threads.length)} on these lines</span>
            <span className="ml-auto underline underline-offset-2">Fold</span>
          </>
        ) : (
          <>
            <Layers aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground" />
            <span className="shrink-0 font-semibold">{plural(threads.length)}</span>
            <span className="min-w-0 flex-1 truncate text-muted-foreground">{first}</span>
            {replies > 0 ? <span className="shrink-0 text-muted-foreground tabular-nums">+{replies}</span> : null}
            {flags > 0 ? <FlagCount count={flags} /> : null}
            {waiting > 0 ? (
              <span className="shrink-0 rounded-full bg-warning/10 px-1.5 text-[0.6875rem] font-medium text-warning" title="Notes awaiting approval">
                {waiting} waiting
              </span>
            ) : null}
            <AvatarGroup className="shrink-0">
              {people.map((person) => (
                <Avatar key={person.id} name={person.name} seed={person.id} size="xs" decorative className="ring-card" />
              ))}
            </AvatarGroup>
          </>
        )}
      </button>
    </div>
  );
});
