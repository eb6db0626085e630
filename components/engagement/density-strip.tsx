import Link from "next/link";

type DensityStripProps = { documentId: string; title: string; buckets: number[]; total: number; length: number };

/**
 * Where a document's discussion concentrates: one cell per slice of the text, deeper tint
 * for more threads and replies, read top (beginning) to bottom (end) like the margin.
 */
function DensityStrip({ documentId, title, buckets, total, length }: DensityStripProps) {
  const peak = Math.max(1, ...buckets);
  const slice = Math.ceil(length / buckets.length);
  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <Link href={`/documents/${documentId}`} className="truncate font-medium hover:underline">
          {title}
        </Link>
        <span className="shrink-0 text-[0.8125rem] text-muted-foreground tabular-nums">{total} posts</span>
      </figcaption>
      <div role="img" aria-label={`Discussion density of ${title}: ${describe(buckets)}`} className="flex h-40 w-12 flex-col overflow-hidden rounded-md border border-border bg-card">
        {buckets.map((count, i) => (
          <div
            key={i}
            title={`Characters ${i * slice}–${Math.min(length, (i + 1) * slice)}: ${count} post${count === 1 ? "" : "s"}`}
            className="flex-1 bg-highlight-strong"
            style={{ opacity: count === 0 ? 0 : 0.2 + 0.8 * (count / peak) }}
          />
        ))}
      </div>
    </figure>
  );
}

/** The busiest stretches in words, for screen readers. */
function describe(buckets: number[]): string {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return "no discussion yet";
  const peak = buckets.indexOf(Math.max(...buckets));
  const where = peak < buckets.length / 3 ? "the beginning" : peak < (2 * buckets.length) / 3 ? "the middle" : "the end";
  return `most discussion near ${where} of the text`;
}

export { DensityStrip };
