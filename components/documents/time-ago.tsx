import { formatDateTime, formatRelative } from "@/components/documents/format";

/** A relative time ("3 hours ago") with the exact moment in its title and datetime. */
function TimeAgo({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} className={className}>
      {formatRelative(date)}
    </time>
  );
}

export { TimeAgo };
