import Link from "next/link";
import { ArrowRight } from "lucide-react";
import type { PresentedLogEntry } from "@/lib/presenters/moderation";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ACTION_LABEL, STATUS_LABEL } from "@/components/moderation/labels";
import { When } from "@/components/moderation/when";

const ACTION_VARIANT: Record<string, "success" | "secondary" | "destructive" | "outline" | "warning"> = {
  approve: "success",
  restore: "success",
  hide: "secondary",
  spam: "destructive",
  lock: "outline",
  unlock: "outline",
  mute: "warning",
  unmute: "outline",
  role: "outline",
  note: "outline",
  remove: "warning",
  delete_document: "destructive",
};

function Change({ entry }: { entry: PresentedLogEntry }) {
  // A deleted document's title is its subject, not a change.
  if (entry.action === "delete_document" || (entry.from === null && entry.to === null)) return <span className="text-muted-foreground">—</span>;
  const label = (value: string | null) => (entry.action === "mute" || entry.action === "unmute" ? (value === "true" ? "muted" : "not muted") : (STATUS_LABEL[value ?? ""] ?? value ?? "—"));
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className="text-muted-foreground">{label(entry.from)}</span>
      <ArrowRight aria-label="to" className="size-3.5 text-muted-foreground" />
      <span className="font-medium">{entry.action === "remove" ? "removed" : label(entry.to)}</span>
    </span>
  );
}

function Subject({ entry }: { entry: PresentedLogEntry }) {
  if (entry.action === "delete_document") return <span>Document “{entry.from}”</span>;
  if (entry.item) {
    return (
      <Link href={`/documents/${entry.item.documentId}`} className="line-clamp-2 max-w-[22rem] rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
        {entry.item.excerpt || "An annotation"}
      </Link>
    );
  }
  if (entry.annotationId) return <span className="text-muted-foreground italic">An annotation no longer shown</span>;
  if (entry.subject) return <span>{entry.subject.name}</span>;
  return <span className="text-muted-foreground">—</span>;
}

/** On a phone, where six columns do not fit: one entry per row of a list, its fields stacked. */
function LogList({ entries }: { entries: PresentedLogEntry[] }) {
  return (
    <ol aria-label="Moderation actions, newest first" className="flex flex-col divide-y rounded-xl border bg-card shadow-xs sm:hidden">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-col gap-1.5 px-4 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Badge variant={ACTION_VARIANT[entry.action] ?? "outline"}>{ACTION_LABEL[entry.action] ?? entry.action}</Badge>
            <span className="font-medium">{entry.actor.name}</span>
            <span className="ml-auto text-xs text-muted-foreground">
              <When iso={entry.at} />
            </span>
          </div>
          <div className="min-w-0 break-words">
            <Subject entry={entry} />
            {entry.item && entry.subject ? <span className="block text-xs text-muted-foreground">by {entry.subject.name}</span> : null}
          </div>
          {entry.action !== "delete_document" && (entry.from !== null || entry.to !== null) ? (
            <div className="text-[0.8125rem]">
              <Change entry={entry} />
            </div>
          ) : null}
          {entry.note ? <p className="line-clamp-3 whitespace-pre-wrap text-muted-foreground">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The moderation log as a plain table, newest first; a stacked list on a phone. */
function LogTable({ entries }: { entries: PresentedLogEntry[] }) {
  return (
    <>
      <LogList entries={entries} />
      <LogTableWide entries={entries} />
    </>
  );
}

function LogTableWide({ entries }: { entries: PresentedLogEntry[] }) {
  return (
    <div className="rounded-xl border bg-card shadow-xs max-sm:hidden">
      <Table>
        <caption className="sr-only">Moderation actions, newest first</caption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead className="pl-5">When</TableHead>
            <TableHead>Moderator</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Item or member</TableHead>
            <TableHead>Change</TableHead>
            <TableHead className="pr-5">Note</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="pl-5 whitespace-nowrap text-muted-foreground">
                <When iso={entry.at} />
              </TableCell>
              <TableCell className="whitespace-nowrap font-medium">{entry.actor.name}</TableCell>
              <TableCell>
                <Badge variant={ACTION_VARIANT[entry.action] ?? "outline"}>{ACTION_LABEL[entry.action] ?? entry.action}</Badge>
              </TableCell>
              <TableCell className="min-w-48">
                <Subject entry={entry} />
                {entry.item && entry.subject ? <span className="block text-xs text-muted-foreground">by {entry.subject.name}</span> : null}
              </TableCell>
              <TableCell>
                <Change entry={entry} />
              </TableCell>
              <TableCell className="min-w-48 pr-5 text-muted-foreground">
                <span className="line-clamp-3 whitespace-pre-wrap">{entry.note ?? "—"}</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export { LogTable };
