type TextDensityStripProps = { buckets: number[]; total: number };

/**
 * For moderators, beside the text: a thin vertical strip whose tint deepens where threads and
 * replies gather, from the first line (top) to the last (bottom) by share of the text.
 */
function TextDensityStrip({ buckets, total }: TextDensityStripProps) {
  if (total === 0) return null;
  const peak = Math.max(1, ...buckets);
  return (
    <div
      role="img"
      aria-label={`Where discussion gathers in this text: ${total} posts`}
      title="Where discussion gathers (moderators)"
      className="pointer-events-none absolute top-0 bottom-0 -left-5 hidden w-1.5 flex-col overflow-hidden rounded-full bg-border/40 sm:flex"
      data-testid="text-density-strip"
    >
      {buckets.map((count, i) => (
        <div key={i} className="flex-1 bg-highlight-strong" style={{ opacity: count === 0 ? 0 : 0.25 + 0.75 * (count / peak) }} />
      ))}
    </div>
  );
}

export { TextDensityStrip };
