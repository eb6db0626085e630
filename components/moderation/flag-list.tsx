import { Flag } from "lucide-react";
import { cn } from "@/lib/utils";
import { FLAG_REASON_LABEL } from "@/components/moderation/labels";

type FlagView = { reason: string; text: string | null; at: string };

/** Reasons with how often each was given; flaggers are never shown. */
function FlagSummary({ flags, className }: { flags: FlagView[]; className?: string }) {
  if (flags.length === 0) return null;
  const counts = new Map<string, number>();
  for (const f of flags) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  return (
    <ul className={cn("flex flex-wrap items-center gap-1.5", className)} aria-label={`${flags.length} open flag${flags.length === 1 ? "" : "s"}`}>
      {[...counts].map(([reason, count]) => (
        <li key={reason} className="inline-flex items-center gap-1 rounded-full border border-destructive/25 bg-destructive/[0.07] px-2 py-0.5 text-xs font-medium text-destructive">
          <Flag aria-hidden="true" className="size-3" />
          {FLAG_REASON_LABEL[reason] ?? reason}
          {count > 1 ? <span className="tabular-nums">×{count}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Every flag's reason and words, for the detail panel. */
function FlagDetails({ flags }: { flags: FlagView[] }) {
  return (
    <ul className="flex flex-col gap-2">
      {flags.map((f, i) => (
        <li key={`${f.at}-${i}`} className="rounded-md border border-destructive/20 bg-destructive/[0.04] px-3 py-2 text-sm">
          <span className="font-medium text-destructive">{FLAG_REASON_LABEL[f.reason] ?? f.reason}</span>
          {f.text ? <p className="mt-0.5 text-foreground/90">{f.text}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export { FlagSummary, FlagDetails, type FlagView };
