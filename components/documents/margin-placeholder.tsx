import { MessageSquareQuote } from "lucide-react";

/**
 * The margin beside the text, as it will look before anyone has annotated:
 * the annotations feature will render its thread cards in this column.
 */
function MarginPlaceholder() {
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xs font-semibold tracking-wider text-muted-foreground uppercase">Margin</h2>
      <div className="rounded-xl border border-dashed bg-card/60 p-5">
        <div className="mb-3 flex size-9 items-center justify-center rounded-full bg-accent text-accent-foreground" aria-hidden="true">
          <MessageSquareQuote className="size-4.5" />
        </div>
        <p className="font-serif text-[1.0625rem] font-semibold">No annotations yet</p>
        <p className="mt-1.5 text-sm leading-relaxed text-muted-foreground">
          Notes and discussion will sit here, level with the words they are about. Selecting text to annotate arrives in the next release.
        </p>
        <div className="mt-5 flex flex-col gap-2" aria-hidden="true">
          <span className="h-2 w-4/5 rounded-full bg-muted" />
          <span className="h-2 w-3/5 rounded-full bg-muted" />
        </div>
      </div>
    </div>
  );
}

export { MarginPlaceholder };
