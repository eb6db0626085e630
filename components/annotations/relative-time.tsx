"use client";

import { formatDateTime, formatRelative } from "@/components/documents/format";

/** "5 minutes ago", with the exact moment on hover; the server's and browser's clocks may differ by a minute. */
export function RelativeTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatDateTime(date)} suppressHydrationWarning>
      {formatRelative(date)}
    </time>
  );
}
