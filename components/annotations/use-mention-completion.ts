"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { insertMention, mentionQueryAt } from "@/lib/annotations/mention-query";

export type Mentionable = { id: string; name: string };

/**
 * @mention completion for a note's textarea: watches the caret, asks the server which of the
 * document's readers match (GET /api/v1/documents/{id}/mentionable), and inserts `@[Name] `.
 */
export function useMentionCompletion(setBody: (body: string) => void) {
  const documentId = /\/documents\/([^/?#]+)/.exec(usePathname() ?? "")?.[1] ?? null;
  const [mention, setMention] = useState<{ start: number; query: string; caret: number } | null>(null);
  const [options, setOptions] = useState<Mentionable[]>([]);
  const [active, setActive] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!mention || !documentId) return setOptions([]);
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/documents/${documentId}/mentionable?q=${encodeURIComponent(mention.query)}`);
        const items = response.ok ? ((await response.json()).items as Mentionable[]) : [];
        if (ticket === latest.current) {
          setOptions(items);
          setActive(0);
        }
      } catch {
        if (ticket === latest.current) setOptions([]);
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [mention, documentId]);

  const open = mention !== null && options.length > 0;

  /** Call on every change and caret move of the textarea. */
  const track = (el: HTMLTextAreaElement) => {
    const found = el.selectionStart === el.selectionEnd ? mentionQueryAt(el.value, el.selectionStart) : null;
    setMention((current) => (found ? (current && current.start === found.start && current.query === found.query ? current : { ...found, caret: el.selectionStart }) : null));
  };

  const choose = (el: HTMLTextAreaElement, person: Mentionable) => {
    if (!mention) return;
    const next = insertMention(el.value, mention, el.selectionStart, person.name);
    setBody(next.text);
    setMention(null);
    setOptions([]);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  /** Arrow keys, Enter/Tab and Escape while the list is open; true when the key was used. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if ((event.key === "Enter" && !event.metaKey && !event.ctrlKey) || event.key === "Tab") {
      choose(event.currentTarget, options[active]);
    } else if (event.key === "Escape") {
      setMention(null);
      setOptions([]);
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  /** Leaving the textarea closes the list (choosing with the mouse keeps the focus). */
  const close = () => {
    setMention(null);
    setOptions([]);
  };

  return { open, options, active, track, choose, onKeyDown, close };
}
