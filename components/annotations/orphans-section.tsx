import { Unlink } from "lucide-react";
import type { Viewer } from "@/lib/policies/annotations";
import type { Thread } from "./model";
import { ThreadCard, type ThreadHandlers } from "./thread-card";

type OrphansSectionProps = ThreadHandlers & {
  threads: Thread[];
  viewer: Viewer;
  activeId: string | null;
  quoteOf: (id: string) => string | undefined;
  cardRef: (id: string) => (el: HTMLElement | null) => void;
};

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
      {threads.map((thread) => (
        <ThreadCard
          key={thread.root.id}
          ref={cardRef(thread.root.id)}
          thread={thread}
          viewer={viewer}
          active={activeId === thread.root.id}
          variant="orphan"
          quote={quoteOf(thread.root.id)}
          {...handlers}
        />
      ))}
    </section>
  );
}
