"use client";

import { useEffect, useRef, useState } from "react";

type TextDensityStripProps = { buckets: number[]; total: number };

/** A top-level block of the text: where it is (px from the strip's top) and which characters it holds. */
export type RenderedBlock = { top: number; height: number; start: number; length: number };

/**
 * Where each of `count` equal slices of the text's characters begins on screen (px), from the
 * blocks' rendered boxes: a slice starting a third into a paragraph starts a third down it.
 */
export function sliceEdges(blocks: readonly RenderedBlock[], count: number): number[] {
  if (blocks.length === 0) return [];
  const last = blocks[blocks.length - 1];
  const total = last.start + last.length;
  const edges: number[] = [];
  let b = 0;
  for (let i = 0; i <= count; i++) {
    const at = (i / count) * total;
    while (b < blocks.length - 1 && blocks[b + 1].start <= at) b++;
    const block = blocks[b];
    const within = block.length > 0 ? Math.min(1, Math.max(0, (at - block.start) / block.length)) : 0;
    edges.push(block.top + within * block.height);
  }
  return edges;
}

/** The text's top-level blocks as laid out now, relative to `origin`. */
function readBlocks(text: Element, origin: number): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  let start = 0;
  for (const child of text.children) {
    const box = child.getBoundingClientRect();
    const length = child.textContent?.length ?? 0;
    blocks.push({ top: box.top - origin, height: box.height, start, length });
    // Blocks are separated by a blank line in the text projection the buckets count in.
    start += length + 2;
  }
  return blocks;
}

/**
 * For moderators, beside the text: a thin vertical strip whose tint deepens where threads and
 * replies gather. Each slice of the text's characters is drawn level with where those characters
 * are rendered (headings, short and long paragraphs take the room they take on screen).
 */
function TextDensityStrip({ buckets, total }: TextDensityStripProps) {
  const strip = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<number[]>([]);

  useEffect(() => {
    const el = strip.current;
    const parent = el?.parentElement;
    if (!el || !parent) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const text = parent.querySelector(".live-editor .ProseMirror") ?? parent.querySelector(".live-editor .prose-reading");
      if (!text) return;
      const next = sliceEdges(readBlocks(text, el.getBoundingClientRect().top), buckets.length);
      setEdges((current) => (current.length === next.length && current.every((y, i) => Math.abs(y - next[i]) < 1) ? current : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const resize = new ResizeObserver(schedule);
    resize.observe(parent);
    // The editor replaces the server-rendered text once live.
    const swap = new MutationObserver(schedule);
    swap.observe(parent.querySelector(".live-editor") ?? parent, { childList: true });
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      swap.disconnect();
    };
  }, [buckets.length]);

  if (total === 0) return null;
  const peak = Math.max(1, ...buckets);
  return (
    <div
      ref={strip}
      role="img"
      aria-label={`Where discussion gathers in this text: ${total} posts`}
      title="Where discussion gathers (moderators)"
      className="pointer-events-none absolute top-0 bottom-0 -left-5 hidden w-1.5 overflow-hidden rounded-full bg-border/40 sm:block"
      data-testid="text-density-strip"
    >
      {edges.length === buckets.length + 1
        ? buckets.map((count, i) =>
            count === 0 ? null : (
              <div
                key={i}
                data-bucket={i}
                className="absolute inset-x-0 bg-highlight-strong"
                style={{ top: edges[i], height: Math.max(1, edges[i + 1] - edges[i]), opacity: 0.25 + 0.75 * (count / peak) }}
              />
            ),
          )
        : null}
    </div>
  );
}

export { TextDensityStrip };
