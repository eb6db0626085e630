import Link from "next/link";
import { cn } from "@/lib/utils";
import { FILTERS, type QueueFilterKey } from "@/components/moderation/labels";

type Counts = Record<QueueFilterKey, number>;

/** The queue's filters as links, each with how many items it holds. */
function FilterTabs({ groupId, active, counts }: { groupId: string; active: QueueFilterKey; counts: Counts }) {
  return (
    <nav aria-label="Queue filters" className="-mx-1 overflow-x-auto px-1">
      <ul className="flex w-max items-center gap-1 rounded-lg bg-muted p-1">
        {FILTERS.map((f) => {
          const current = f.key === active;
          return (
            <li key={f.key}>
              <Link
                href={f.key === "open" ? `/groups/${groupId}/moderation` : `/groups/${groupId}/moderation?filter=${f.key}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center gap-2 rounded-md px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                  current && "bg-card text-foreground shadow-xs",
                )}
              >
                {f.label}
                <span className={cn("min-w-5 rounded-full px-1.5 text-center text-xs tabular-nums", current ? "bg-accent text-accent-foreground" : "bg-background/70")}>
                  {counts[f.key]}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export { FilterTabs };
