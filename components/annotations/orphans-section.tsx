import { Unlink } from "lucide-react";
import { ThreadCardList, type ThreadCardListProps } from "./thread-list";

type OrphansSectionProps = Omit<ThreadCardListProps, "variant">;

/** Threads whose words were all deleted: kept, with the words they were about, never moved onto other text. */
export function OrphansSection({ threads, viewer, activeId, quoteOf, cardRef, ...handlers }: OrphansSectionProps) {
  if (threads.length === 0) return null;
  return (
    <section id="annotation-orphans" aria-labelledby="annotation-orphans-title" className="flex scroll-mt-24 flex-col gap-3">
      <div className="flex flex-col gap-0.5">
        <h2 id="annotation-orphans-title" className="flex items-center gap-1.5 text-xs font-semibold tracking-wider text-muted-foreground uppercase">
          <Unlink aria-hidden="true" className="size-3.5" />
          Orphans
          <span className="font-normal tracking-normal normal-case">· {threads.length}</span>
        </h2>
        <p className="text-xs text-muted-foreground">Notes whose words were deleted from the text.</p>
      </div>
      <ThreadCardList threads={threads} viewer={viewer} activeId={activeId} variant="orphan" label="Orphaned notes" quoteOf={quoteOf} cardRef={cardRef} {...handlers} />
    </section>
  );
}
