"use client";

import { useActionState, useMemo, useRef, useState } from "react";
import { FileUp, Plus, X } from "lucide-react";
import { createDocumentAction } from "@/lib/actions/documents";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";

const FORMATS = [
  { value: "text", label: "Plain text" },
  { value: "markdown", label: "Markdown" },
  { value: "html", label: "HTML" },
] as const;

const FORMAT_BY_EXTENSION: Record<string, string> = { txt: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };
const ACCEPT = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

type NewDocumentDialogProps = {
  groupId: string;
  groupName: string;
  /** Largest upload the form accepts, in bytes. */
  maxBytes: number;
  triggerLabel?: string;
  triggerVariant?: ButtonProps["variant"];
};

/** "New document": paste a text or upload a file; a successful import opens the document. */
function NewDocumentDialog({ groupId, groupName, maxBytes, triggerLabel = "New document", triggerVariant = "default" }: NewDocumentDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant}>
          <Plus aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Add a text to {groupName}</DialogTitle>
          <DialogDescription>Paste it or upload a file. Everyone in the group reads the same copy, and editors can correct it together afterwards.</DialogDescription>
        </DialogHeader>
        {open ? <NewDocumentForm groupId={groupId} maxBytes={maxBytes} onCancel={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function NewDocumentForm({ groupId, maxBytes, onCancel }: { groupId: string; maxBytes: number; onCancel: () => void }) {
  const action = useMemo(() => createDocumentAction.bind(null, groupId), [groupId]);
  const [state, formAction] = useActionState(action, emptyFormState);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [format, setFormat] = useState(state.values?.format || "text");
  const [title, setTitle] = useState(state.values?.title ?? "");
  const fileInput = useRef<HTMLInputElement>(null);
  // React resets the form (and so the file input) after each submission: forget the file too.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    setFile(null);
  }
  const alert = formAlert(state, ["title", "format", "content"]);
  const limit = `${Math.round(maxBytes / (1024 * 1024))} MB`;

  const chooseFile = (chosen: File | null) => {
    setFileError(null);
    if (chosen && chosen.size > maxBytes) {
      setFileError(`This file is larger than ${limit}. Split it into parts, or paste a shorter text.`);
      if (fileInput.current) fileInput.current.value = "";
      setFile(null);
      return;
    }
    setFile(chosen);
    if (!chosen) return;
    const extension = chosen.name.split(".").pop()?.toLowerCase() ?? "";
    if (FORMAT_BY_EXTENSION[extension]) setFormat(FORMAT_BY_EXTENSION[extension]);
    if (!title.trim()) setTitle(chosen.name.replace(/\.[^.]+$/, ""));
  };

  const clearFile = () => {
    if (fileInput.current) fileInput.current.value = "";
    setFile(null);
    setFileError(null);
  };

  return (
    <form action={formAction} className="grid gap-5" noValidate>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <div className="grid items-start gap-5 sm:grid-cols-[minmax(0,1fr)_11rem]">
        <Field label="Title" error={fieldError(state, "title")} hint={file ? "Leave empty to use the file’s name." : undefined}>
          <Input name="title" value={title} onChange={(event) => setTitle(event.currentTarget.value)} maxLength={300} placeholder="Middlemarch, chapter 1" autoFocus />
        </Field>
        <Field label="Format" error={fieldError(state, "format")}>
          <Select name="format" value={format} onChange={(event) => setFormat(event.currentTarget.value)}>
            {FORMATS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Field
        label="Text"
        error={fieldError(state, "content")}
        hint={
          file
            ? "The uploaded file will be used instead of anything pasted here."
            : format === "markdown"
              ? "Headings, emphasis, lists, quotes and links are kept."
              : format === "html"
                ? "Only the text and its structure are kept; scripts and styles are removed."
                : "Separate paragraphs with a blank line."
        }
      >
        <Textarea
          name="content"
          rows={12}
          defaultValue={state.values?.content ?? ""}
          disabled={file !== null}
          placeholder="Paste the text here…"
          className="field-sizing-fixed h-64 max-h-[50dvh] min-h-40 resize-y font-serif text-base leading-relaxed sm:text-[0.9375rem]"
        />
      </Field>

      <div className="grid gap-2">
        <p className="flex items-center gap-3 text-xs tracking-wide text-muted-foreground uppercase">
          <span aria-hidden="true" className="h-px flex-1 bg-border" />
          or upload a file
          <span aria-hidden="true" className="h-px flex-1 bg-border" />
        </p>
        <label
          htmlFor="new-document-file"
          className="flex cursor-pointer items-center gap-3 rounded-lg border border-dashed border-input px-4 py-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring hover:border-primary/50 hover:bg-muted/50"
        >
          <FileUp aria-hidden="true" className="size-5 shrink-0 text-muted-foreground" />
          <span className="flex min-w-0 flex-1 flex-col">
            <span className="truncate font-medium">{file ? file.name : "Choose a .txt, .md or .html file"}</span>
            <span id="new-document-file-hint" className="text-[0.8125rem] text-muted-foreground">
              {file ? `${Math.max(1, Math.round(file.size / 1024))} KB — the extension sets the format` : `Up to ${limit}`}
            </span>
          </span>
          <input
            ref={fileInput}
            id="new-document-file"
            name="file"
            type="file"
            accept={ACCEPT}
            className="sr-only"
            aria-label="Upload a file"
            aria-describedby={fileError ? "new-document-file-hint new-document-file-error" : "new-document-file-hint"}
            onChange={(event) => chooseFile(event.currentTarget.files?.[0] ?? null)}
          />
        </label>
        {file ? (
          <Button type="button" variant="link" size="sm" className="justify-self-start text-muted-foreground" onClick={clearFile}>
            <X aria-hidden="true" />
            Remove file and paste instead
          </Button>
        ) : null}
        {fileError ? (
          <p id="new-document-file-error" role="alert" className="text-[0.8125rem] font-medium text-destructive">
            {fileError}
          </p>
        ) : null}
      </div>

      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Importing…">Create document</SubmitButton>
      </DialogFooter>
    </form>
  );
}

export { NewDocumentDialog };
