"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import type { EditorView } from "@tiptap/pm/view";
import { cn } from "@/lib/utils";
import { stackBottom, stackCards, type CardBox } from "./margin-layout";

/** One card of the margin: an id, where its words start (ProseMirror position) and its content. */
export type MarginItem = { id: string; from: number; node: React.ReactNode };

type MarginProps = {
  items: readonly MarginItem[];
  view: EditorView | null;
  activeId: string | null;
  /** Changes whenever the highlights moved (AnchorTracker's snapshot version). */
  version: number;
  /** Space kept free at the top of the margin (its header). */
  minTop: number;
  className?: string;
};

const GAP = 10;
/** The card's first line sits this far below its top edge; the card moves up by it to line up with the words. */
const CARD_INSET = 13;
/** Where a leader line turns down towards its card: this far left of the cards. */
const LEADER = 14;
/** A card this far below its words gets a leader line back to them. */
const DISPLACED = 6;

/**
 * Thread cards beside the text, each level with its words, stacked downwards when they would
 * overlap (the focused one keeps its place), with a thin leader line from a displaced card to its words.
 */
export function Margin({ items, view, activeId, version, minTop, className }: MarginProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [wordTops, setWordTops] = useState<ReadonlyMap<string, number>>(new Map());
  /** Distance from the text's right edge to the cards: the leader lines cross it. */
  const [gutter, setGutter] = useState(40);
  const [heightVersion, bumpHeights] = useReducer((n: number) => n + 1, 0);
  const [resized, bumpResized] = useReducer((n: number) => n + 1, 0);

  // Where each thread's words are, measured in the text after every change that can move them.
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el || !view || view.isDestroyed) return;
    const box = el.getBoundingClientRect();
    const origin = box.top;
    setGutter(Math.max(16, Math.round(box.left - view.dom.getBoundingClientRect().right)));
    const next = new Map<string, number>();
    for (const item of items) {
      try {
        next.set(item.id, view.coordsAtPos(Math.min(item.from, view.state.doc.content.size), 1).top - origin);
      } catch {
        // A position the view cannot draw (mid-update): the card keeps its last place.
      }
    }
    setWordTops((previous) => (sameTops(previous, next) ? previous : next));
  }, [items, view, version, resized]);

  // Text reflows (window width, fonts, images) move the words without any document change.
  useEffect(() => {
    if (!view) return;
    const observer = new ResizeObserver(() => bumpResized());
    observer.observe(view.dom);
    void document.fonts?.ready.then(() => bumpResized());
    return () => observer.disconnect();
  }, [view]);

  const observer = useMemo(
    () =>
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const id = (entry.target as HTMLElement).dataset.marginId;
              const height = Math.round((entry.target as HTMLElement).offsetHeight);
              if (id && heights.current.get(id) !== height) {
                heights.current.set(id, height);
                changed = true;
              }
            }
            if (changed) bumpHeights();
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  const measure = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || !observer) return;
      heights.current.set(el.dataset.marginId!, Math.round(el.offsetHeight));
      observer.observe(el);
      return () => observer.unobserve(el);
    },
    [observer],
  );

  const boxes: CardBox[] = useMemo(
    () =>
      items
        .filter((item) => wordTops.has(item.id))
        .map((item) => ({ id: item.id, top: Math.max(0, wordTops.get(item.id)! - CARD_INSET + 4), height: heights.current.get(item.id) ?? 96 })),
    // heightVersion: heights live in a ref and change without a render of their own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, wordTops, heightVersion],
  );
  const tops = useMemo(() => stackCards(boxes, { gap: GAP, minTop, focusedId: activeId }), [boxes, minTop, activeId]);
  const height = Math.max(stackBottom(boxes, tops), minTop);

  return (
    <div ref={canvas} className={cn("relative", className)} style={{ minHeight: height + 24 }}>
      <svg aria-hidden="true" className="pointer-events-none absolute top-0 h-full overflow-visible" style={{ left: -gutter, width: gutter }}>
        {boxes.map((box) => {
          const top = tops.get(box.id) ?? box.top;
          const displaced = top - box.top > DISPLACED;
          const active = box.id === activeId;
          if (!displaced && !active) return null;
          const words = box.top + CARD_INSET - 2;
          const card = top + CARD_INSET + 3;
          return (
            <path
              key={box.id}
              d={`M 0 ${words} H ${gutter - LEADER} V ${card} H ${gutter}`}
              className={cn("fill-none", active ? "stroke-ring/70" : "stroke-border")}
              strokeWidth={1}
            />
          );
        })}
      </svg>
      {items.map((item) => {
        const top = tops.get(item.id);
        return (
          <div
            key={item.id}
            ref={measure}
            data-margin-id={item.id}
            className={cn(
              "absolute inset-x-0 top-0 motion-safe:transition-transform motion-safe:duration-200 motion-safe:ease-out",
              top === undefined && "pointer-events-none opacity-0",
              item.id === activeId && "z-10",
            )}
            style={{ transform: `translateY(${Math.round(top ?? 0)}px)` }}
          >
            {item.node}
          </div>
        );
      })}
    </div>
  );
}

function sameTops(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, top] of b) if (Math.abs((a.get(id) ?? NaN) - top) > 0.5) return false;
  return true;
}
