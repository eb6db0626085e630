import Link from "next/link";
import { FileText, MessageSquare } from "lucide-react";
import { FORMAT_LABEL, plural } from "@/components/documents/format";
import { TimeAgo } from "@/components/documents/time-ago";

type DocumentSummary = {
  id: string;
  title: string;
  updatedAt: Date;
  sourceFormat: string;
  createdBy: { id: string; name: string } | null;
  _count: { annotations: number };
};

/** A group's texts, most recently changed first; each row links to the reading page. */
function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  return (
    <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs">
      {documents.map((document) => (
        <li key={document.id}>
          <Link
            href={`/documents/${document.id}`}
            className="group flex items-start gap-4 px-4 py-4 transition-colors outline-none hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset sm:px-5"
          >
            <span aria-hidden="true" className="mt-0.5 hidden size-9 shrink-0 items-center justify-center rounded-lg bg-accent text-accent-foreground sm:flex">
              <FileText className="size-4.5" />
            </span>
            <span className="flex min-w-0 flex-1 flex-col gap-1">
              <span className="font-serif text-[1.0625rem] leading-snug font-semibold underline-offset-4 group-hover:underline">{document.title}</span>
              <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[0.8125rem] text-muted-foreground">
                <span>
                  Updated <TimeAgo date={document.updatedAt} />
                </span>
                {document.createdBy ? (
                  <>
                    <span aria-hidden="true" className="hidden sm:inline">
                      ·
                    </span>
                    <span className="hidden sm:inline">added by {document.createdBy.name}</span>
                  </>
                ) : null}
                <span aria-hidden="true" className="hidden sm:inline">
                  ·
                </span>
                <span className="hidden sm:inline">{FORMAT_LABEL[document.sourceFormat] ?? document.sourceFormat}</span>
              </span>
            </span>
            <span
              className="mt-0.5 inline-flex shrink-0 items-center gap-1.5 text-[0.8125rem] text-muted-foreground tabular-nums"
              title={plural(document._count.annotations, "annotation")}
            >
              <MessageSquare aria-hidden="true" className="size-3.5" />
              <span aria-hidden="true">{document._count.annotations}</span>
              <span className="sr-only">{plural(document._count.annotations, "annotation")}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export { DocumentList, type DocumentSummary };
