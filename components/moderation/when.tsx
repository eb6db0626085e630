import { formatDateTime, formatRelative } from "@/components/documents/format";

/** A relative time that may differ by a minute between server and browser without a hydration warning. */
function When({ iso, className }: { iso: string; className?: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatDateTime(date)} className={className} suppressHydrationWarning>
      {formatRelative(date)}
    </time>
  );
}

export { When };
