"use client";

import { useEffect, useId, useRef, useState } from "react";
import { isApplePlatform } from "@/components/editor/shortcuts";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import type { Visibility } from "./model";
import { TagsInput } from "./tags-input";
import { useMentionCompletion } from "./use-mention-completion";
import { VisibilityToggle } from "./visibility-toggle";

export type NoteValues = { body: string; tags: string[]; visibility: Visibility };

type NoteComposerProps = {
  initial?: Partial<NoteValues>;
  /** A note on the text has tags and a visibility; a reply has neither. */
  kind: "note" | "reply";
  submitLabel: string;
  placeholder?: string;
  /** Resolves to an error message, or undefined when saved. */
  onSubmit: (values: NoteValues) => Promise<string | undefined>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** A reply box starts as one quiet line and opens up once focused or typed in. */
  compact?: boolean;
  className?: string;
};

/** Writing a note or a reply: Markdown text, tags and who may read it. ⌘/Ctrl+Enter saves, Esc cancels. */
export function NoteComposer({ initial, kind, submitLabel, placeholder, onSubmit, onCancel, autoFocus, compact, className }: NoteComposerProps) {
  const [body, setBody] = useState(initial?.body ?? "");
  const [tags, setTags] = useState<string[]>(initial?.tags ?? []);
  const [visibility, setVisibility] = useState<Visibility>(initial?.visibility ?? "group");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(!compact);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const listId = useId();
  const completion = useMentionCompletion(setBody);
  const [apple, setApple] = useState(false);
  useEffect(() => setApple(isApplePlatform(navigator.platform)), []);

  useEffect(() => {
    if (!autoFocus) return;
    const el = textarea.current;
    el?.focus({ preventScroll: true });
    el?.setSelectionRange(el.value.length, el.value.length);
  }, [autoFocus]);

  const empty = kind === "reply" ? !body.trim() : false;

  const submit = async () => {
    if (busy || empty) return;
    setBusy(true);
    setError(undefined);
    const message = await onSubmit({ body, tags, visibility });
    setBusy(false);
    if (message) {
      setError(message);
      return;
    }
    if (kind === "reply") {
      setBody("");
      setOpen(!compact);
    }
  };

  const cancel = () => {
    setError(undefined);
    if (kind === "reply") {
      setBody("");
      setOpen(!compact);
    }
    onCancel?.();
  };

  return (
    <form
      className={cn("flex flex-col gap-2", className)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          void submit();
        } else if (event.key === "Escape" && (onCancel || body)) {
          event.preventDefault();
          event.stopPropagation();
          cancel();
        }
      }}
    >
      <Textarea
        ref={textarea}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          completion.track(event.target);
        }}
        onSelect={(event) => completion.track(event.currentTarget)}
        onKeyDown={(event) => completion.onKeyDown(event)}
        onBlur={completion.close}
        aria-autocomplete="list"
        aria-controls={completion.open ? listId : undefined}
        aria-activedescendant={completion.open ? `${listId}-${completion.active}` : undefined}
        onFocus={() => setOpen(true)}
        placeholder={placeholder ?? (kind === "reply" ? "Reply…" : "Add a note…")}
        aria-label={kind === "reply" ? "Reply" : "Note"}
        aria-describedby={open ? hintId : undefined}
        rows={open ? 3 : 1}
        className={cn("resize-none text-sm", open ? "min-h-20" : "min-h-9 py-1.5")}
      />
      {completion.open ? (
        <ul id={listId} role="listbox" aria-label="Mention someone" className="-mt-1 max-h-48 overflow-auto rounded-md border bg-popover p-1 text-sm shadow-md">
          {completion.options.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === completion.active}
              className={cn("cursor-pointer rounded-sm px-2 py-1.5", i === completion.active && "bg-accent text-accent-foreground")}
              onMouseDown={(event) => {
                event.preventDefault();
                if (textarea.current) completion.choose(textarea.current, person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <>
          {kind === "note" ? (
            <>
              <TagsInput value={tags} onChange={setTags} />
              <VisibilityToggle value={visibility} onChange={setVisibility} className="self-start" />
            </>
          ) : null}
          <FormError message={error} className="text-xs" />
          <div className="flex items-center gap-2">
            <span id={hintId} className="mr-auto text-[0.6875rem] text-muted-foreground" title={`Markdown: **bold**, *italic*, [links](https://…), lists. ${apple ? "⌘" : "Ctrl"}+Enter saves.`}>
              Markdown
            </span>
            <Button type="button" variant="ghost" size="sm" onClick={cancel} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={busy || empty} aria-keyshortcuts={apple ? "Meta+Enter" : "Control+Enter"} title={`${apple ? "⌘" : "Ctrl"}+Enter`}>
              {busy ? "Saving…" : submitLabel}
            </Button>
          </div>
        </>
      ) : null}
    </form>
  );
}
