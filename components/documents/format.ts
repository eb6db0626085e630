const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "4 Jun 2025". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "4 Jun 2025, 14:05" — for title attributes. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; a date after a week. */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), "day");
  return formatDate(date);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

export const FORMAT_LABEL: Record<string, string> = { text: "Plain text", markdown: "Markdown", html: "HTML" };
