"use client";

import { useRef, useState } from "react";
import { ArrowDownUp, FileJson, FileSpreadsheet, FileText, FileUp } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** The import endpoint's own cap (lib/w3c/import-items.ts), checked here to answer before uploading. */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = ".json,.jsonld,application/ld+json,application/json";

const EXPORTS = [
  { format: "jsonld", label: "W3C JSON-LD", hint: "For other annotation tools", icon: FileJson },
  { format: "csv", label: "CSV", hint: "For spreadsheets", icon: FileSpreadsheet },
  { format: "markdown", label: "Markdown", hint: "For reading and notes", icon: FileText },
] as const;

type Failure = { index: number; code: string; message: string };
type ImportState =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number | null }
  | { phase: "finished"; imported: number; failed: Failure[] }
  | { phase: "error"; message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The annotations of a file, read as the server will read them; null when it cannot tell. */
function itemsOf(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (!isObject(body)) return null;
  const types = ([] as unknown[]).concat(body.type ?? []).map(String);
  if (types.includes("AnnotationCollection")) {
    if (isObject(body.first)) return itemsOf({ ...body.first, type: "AnnotationPage" });
    return Array.isArray(body.items) ? body.items : null;
  }
  if (types.includes("AnnotationPage")) {
    const items: unknown[] = [];
    for (let page: unknown = body, hops = 0; isObject(page) && hops < 10_000; page = page.next, hops++) items.push(...([] as unknown[]).concat(page.items ?? []));
    return items;
  }
  return types.includes("Annotation") ? [body] : null;
}

/** The words an item quotes (its TextQuoteSelector), to say which note a failure is about. */
function quoteOf(item: unknown): string | null {
  if (!isObject(item)) return null;
  const target = Array.isArray(item.target) ? item.target[0] : item.target;
  if (!isObject(target)) return null;
  const selectors = ([] as unknown[]).concat(target.selector ?? []);
  const quote = selectors.find((s) => isObject(s) && s.type === "TextQuoteSelector" && typeof s.exact === "string") as { exact: string } | undefined;
  return quote ? quote.exact.replace(/\s+/g, " ").trim() : null;
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The message of the API's `{"error": {"message"}}` body, or a plain fallback. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = await response.json();
    if (isObject(body) && isObject(body.error) && typeof body.error.message === "string") return body.error.message;
  } catch {
    // not JSON: fall through
  }
  return response.status === 413 ? "The file is too large to import." : `The import was refused (${response.status}).`;
}

/**
 * Sends the file to the import endpoint and reads its NDJSON answer line by line: `{done, total}`
 * while it works, then `{imported, failed}` (or `{error}` when it broke off midway).
 */
async function runImport(documentId: string, file: File, onUpdate: (state: ImportState) => void): Promise<void> {
  const response = await fetch(`/api/v1/documents/${documentId}/annotations/import`, {
    method: "POST",
    headers: { Accept: "application/x-ndjson", "Content-Type": "application/ld+json" },
    body: file,
    credentials: "same-origin",
  });
  if (!response.ok) return onUpdate({ phase: "error", message: await errorMessage(response) });
  if (!response.body) return onUpdate({ phase: "error", message: "The server sent no answer; reload the page to see what was imported." });

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let finished = false;
  const handle = (line: string) => {
    if (!line.trim()) return;
    const value: unknown = JSON.parse(line);
    if (!isObject(value)) return;
    if (isObject(value.error)) {
      finished = true;
      onUpdate({ phase: "error", message: `${String(value.error.message ?? "The import broke off")}. Reload the page to see what was imported.` });
    } else if (typeof value.imported === "number") {
      finished = true;
      onUpdate({ phase: "finished", imported: value.imported, failed: Array.isArray(value.failed) ? (value.failed as Failure[]) : [] });
    } else if (typeof value.done === "number") {
      onUpdate({ phase: "running", done: value.done, total: typeof value.total === "number" ? value.total : null });
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    lines.forEach(handle);
    if (done) break;
  }
  handle(buffer);
  if (!finished) onUpdate({ phase: "error", message: "The connection closed before the import finished. Reload the page to see what was imported." });
}

function ImportProgress({ done, total }: { done: number; total: number | null }) {
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="grid gap-2">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={done}
        aria-valuetext={total ? `${done} of ${total} annotations` : `${done} annotations`}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full rounded-full bg-primary transition-[width] duration-300", done === 0 && "animate-pulse")} style={{ width: `${Math.max(percent, 4)}%` }} />
      </div>
      <p className="text-sm text-muted-foreground tabular-nums">{total ? `Importing… ${done} of ${total}` : "Importing…"}</p>
    </div>
  );
}

function ImportResult({ imported, failed, items }: { imported: number; failed: Failure[]; items: unknown[] | null }) {
  const summary = `${imported} imported, ${failed.length} failed`;
  return (
    <div className="grid gap-3" data-testid="import-result">
      <Alert variant={failed.length === 0 ? "success" : imported === 0 ? "error" : "warning"} title={summary}>
        {imported > 0 ? "The imported notes are in the margin now." : null}
      </Alert>
      {failed.length > 0 ? (
        <section aria-label="Annotations that were not imported" className="grid gap-1.5">
          <h3 className="text-sm font-medium">Not imported</h3>
          <ul className="max-h-48 divide-y overflow-y-auto rounded-lg border text-sm">
            {failed.map((f) => (
              <li key={f.index} className="flex gap-3 px-3 py-2">
                <span className="shrink-0 font-medium tabular-nums">#{f.index + 1}</span>
                <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                  {quoteOf(items?.[f.index]) ? <q className="truncate font-serif">{clip(quoteOf(items?.[f.index])!)}</q> : null}
                  <span className="text-muted-foreground">
                    {f.message} <span className="font-mono text-xs">({f.code})</span>
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ImportDialog({ documentId, open, onOpenChange }: { documentId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  const [items, setItems] = useState<unknown[] | null>(null);
  const run = useRef(0);

  const reset = () => {
    run.current += 1; // a run still streaming no longer updates this dialog
    setFile(null);
    setFileError(null);
    setState({ phase: "idle" });
    setItems(null);
  };

  const choose = (chosen: File | null) => {
    setState({ phase: "idle" });
    setFileError(chosen && chosen.size > IMPORT_MAX_BYTES ? "This file is larger than 5 MB; split it and import the parts one by one." : null);
    setFile(chosen);
  };

  const start = async () => {
    if (!file || fileError) return;
    const mine = ++run.current;
    const update = (next: ImportState) => {
      if (run.current === mine) setState(next);
    };
    let read: unknown[] | null = null;
    try {
      read = itemsOf(JSON.parse(await file.text()));
    } catch {
      return update({ phase: "error", message: "This file is not valid JSON. Choose a W3C annotation export (.json or .jsonld)." });
    }
    if (run.current !== mine) return;
    setItems(read);
    const total = read?.length ?? null;
    update({ phase: "running", done: 0, total });
    try {
      await runImport(documentId, file, (next) => update(next.phase === "running" && next.total === null ? { ...next, total } : next));
    } catch {
      update({ phase: "error", message: "The import could not reach the server. Check your connection and reload the page to see what was imported." });
    }
  };

  const running = state.phase === "running";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Import W3C annotations</DialogTitle>
          <DialogDescription>
            Choose a W3C Web Annotation file (JSON-LD), such as another tool’s export. Each note is anchored on this text by the words it quotes; notes whose words are not found here are listed with the reason.
          </DialogDescription>
        </DialogHeader>

        <Field label="Annotation file" hint="A .json or .jsonld file of up to 5 MB. You become the author of the imported notes." error={fileError ?? undefined}>
          <Input type="file" accept={ACCEPT} disabled={running} onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)} className="h-auto py-1.5" />
        </Field>

        <div aria-live="polite" className="empty:hidden">
          {state.phase === "running" ? <ImportProgress done={state.done} total={state.total} /> : null}
          {state.phase === "finished" ? <ImportResult imported={state.imported} failed={state.failed} items={items} /> : null}
          {state.phase === "error" ? <Alert variant="error">{state.message}</Alert> : null}
        </div>

        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              {state.phase === "finished" ? "Done" : "Cancel"}
            </Button>
          </DialogClose>
          {state.phase !== "finished" ? (
            <Button type="button" disabled={!file || fileError !== null || running} onClick={start}>
              <FileUp aria-hidden="true" />
              {running ? "Importing…" : "Import"}
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * The reading page's "Export / Import" menu: download the notes one may see as W3C JSON-LD,
 * CSV or Markdown; members who may post can also bring in notes from a W3C annotation file.
 */
function AnnotationTransferMenu({ documentId, canImport }: { documentId: string; canImport: boolean }) {
  const [importing, setImporting] = useState(false);
  const exportUrl = (format: string) => `/api/v1/documents/${documentId}/annotations/export?format=${format}`;
  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" className="text-muted-foreground hover:text-foreground data-[state=open]:bg-muted data-[state=open]:text-foreground">
            <ArrowDownUp aria-hidden="true" />
            <span className="hidden sm:inline">Export / Import</span>
            <span className="sr-only sm:hidden">Export or import annotations</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Export annotations</DropdownMenuLabel>
          {EXPORTS.map(({ format, label, hint, icon: Icon }) => (
            <DropdownMenuItem key={format} asChild>
              <a href={exportUrl(format)} download>
                <Icon aria-hidden="true" />
                <span className="flex min-w-0 flex-col">
                  <span>{label}</span>
                  <span className="text-xs text-muted-foreground">{hint}</span>
                </span>
              </a>
            </DropdownMenuItem>
          ))}
          {canImport ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => setImporting(true)}>
                <FileUp aria-hidden="true" />
                Import W3C annotations…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {canImport ? <ImportDialog documentId={documentId} open={importing} onOpenChange={setImporting} /> : null}
    </>
  );
}

export { AnnotationTransferMenu };
