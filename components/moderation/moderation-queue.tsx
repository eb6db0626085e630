"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition } from "react";
import { Inbox } from "lucide-react";
import { moderateItemsAction } from "@/lib/actions/moderation";
import type { QueueCard } from "@/lib/presenters/moderation";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/ui/form-error";
import { decisionsFor, PAST_TENSE, type Decision } from "@/components/moderation/decisions";
import { ItemDetail } from "@/components/moderation/item-detail";
import { FILTERS, type QueueFilterKey } from "@/components/moderation/labels";
import { QueueItem } from "@/components/moderation/queue-item";
import { QueueToolbar } from "@/components/moderation/queue-toolbar";

type ModerationQueueProps = {
  groupId: string;
  actorId: string;
  filter: QueueFilterKey;
  items: QueueCard[];
  can: { lock: boolean; mute: boolean; note: boolean };
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

const plural = (n: number) => `${n} item${n === 1 ? "" : "s"}`;

/**
 * The queue, built for speed: j/k move, a/h/s decide, x selects for a bulk decision. A decided
 * item leaves the list at once; if the server refuses, it comes back with the reason.
 */
function ModerationQueue({ groupId, actorId, filter, items, can }: ModerationQueueProps) {
  const router = useRouter();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const visible = useMemo(() => items.filter((i) => !removed.has(i.id)), [items, removed]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [helpOpen, setHelpOpen] = useState(false);
  const [busy, startTransition] = useTransition();
  const refs = useRef(new Map<string, HTMLElement>());
  const noteField = useRef<HTMLTextAreaElement>(null);
  const container = useRef<HTMLDivElement>(null);
  // The element inside the queue that last had focus: if a refresh removes it, focus fell with it.
  const lastFocused = useRef<HTMLElement | null>(null);

  // A refresh took the highlighted item away (another moderator decided it, or it left this
  // filter): the highlight moves to the item that followed it, as after a decision made here.
  const [shown, setShown] = useState(visible);
  if (shown !== visible) {
    setShown(visible);
    if (activeId && !visible.some((i) => i.id === activeId)) {
      const at = shown.findIndex((i) => i.id === activeId);
      const stays = (i: QueueCard) => visible.some((v) => v.id === i.id);
      const next = shown.slice(at + 1).find(stays) ?? shown.slice(0, Math.max(0, at)).reverse().find(stays);
      setActiveId(next?.id ?? null);
    }
  }

  const activeIndex = Math.max(0, visible.findIndex((i) => i.id === activeId));
  const active = visible[activeIndex] ?? null;
  const selectedVisible = visible.filter((i) => selected.has(i.id));

  const focusItem = useCallback((id: string | undefined) => {
    if (!id) return;
    setActiveId(id);
    const element = refs.current.get(id);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, []);

  // Focus fell to the page when its element left the list: give it back to the highlighted item
  // (or the queue itself once empty) so the keys keep working and the place is announced.
  useLayoutEffect(() => {
    const lost = lastFocused.current;
    if (!lost || lost.isConnected) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const target = (active && refs.current.get(active.id)) || container.current;
    target?.focus({ preventScroll: true });
    if (target !== container.current) target?.scrollIntoView({ block: "nearest" });
  }, [visible, active]);

  // An inbox link (…#item-<id>) lands on its item.
  useEffect(() => {
    const id = window.location.hash.startsWith("#item-") ? window.location.hash.slice(6) : "";
    if (id && refs.current.has(id)) focusItem(id);
  }, [focusItem]);

  const decide = useCallback(
    (status: Decision["status"], targets: QueueCard[]) => {
      const ids = targets.map((t) => t.id);
      if (ids.length === 0) return;
      const leaving = new Set(ids);
      const after = visible.slice(activeIndex).find((i) => !leaving.has(i.id)) ?? [...visible.slice(0, activeIndex)].reverse().find((i) => !leaving.has(i.id));
      setError(undefined);
      setRemoved((prev) => new Set([...prev, ...ids]));
      setSelected(new Set());
      if (after) focusItem(after.id);
      startTransition(async () => {
        const state = await moderateItemsAction(groupId, ids, status);
        if (state.error) {
          setRemoved((prev) => new Set([...prev].filter((id) => !leaving.has(id))));
          setError(state.error);
          setAnnouncement(`Not saved: ${state.error}`);
          return;
        }
        setAnnouncement(`${PAST_TENSE[status]}: ${plural(ids.length)}.`);
        router.refresh();
      });
    },
    [visible, activeIndex, groupId, focusItem, router],
  );

  const decideByKey = useCallback(
    (key: Decision["key"]) => {
      const targets = selectedVisible.length ? selectedVisible : active ? [active] : [];
      const decision = targets.length === 1 ? decisionsFor(targets[0]).find((d) => d.key === key) : decisionsFor({ status: "pending", flagCount: 0 }).find((d) => d.key === key);
      if (!decision) return;
      if (decision.disabled) {
        setAnnouncement(`Already ${decision.status}.`);
        return;
      }
      decide(decision.status, targets);
    },
    [selectedVisible, active, decide],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (helpOpen) return;
      const move = (delta: number) => focusItem(visible[Math.min(visible.length - 1, Math.max(0, activeIndex + delta))]?.id);
      const handled = () => event.preventDefault();
      switch (event.key) {
        case "j":
        case "ArrowDown":
          handled();
          return move(1);
        case "k":
        case "ArrowUp":
          handled();
          return move(-1);
        case "a":
        case "h":
        case "s":
          handled();
          return decideByKey(event.key);
        case "x":
          if (!active) return;
          handled();
          return setSelected((prev) => {
            const next = new Set(prev);
            if (next.has(active.id)) next.delete(active.id);
            else next.add(active.id);
            return next;
          });
        case "X":
          handled();
          return setSelected(new Set(visible.map((i) => i.id)));
        case "Escape":
          return setSelected(new Set());
        case "n":
          if (!noteField.current) return;
          handled();
          noteField.current.focus();
          return noteField.current.scrollIntoView({ block: "nearest" });
        case "o":
          if (!active) return;
          handled();
          return router.push(`/documents/${active.document.id}`);
        case "?":
          handled();
          return setHelpOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [visible, activeIndex, active, focusItem, decideByKey, helpOpen, router]);

  const info = FILTERS.find((f) => f.key === filter)!;

  return (
    <div
      ref={container}
      tabIndex={-1}
      data-moderation-queue=""
      onFocus={(event) => {
        lastFocused.current = event.target;
      }}
      className="flex flex-col gap-4 outline-none"
    >
      {visible.length ? (
        <QueueToolbar
          filter={filter}
          total={visible.length}
          selected={selectedVisible.length}
          saving={busy}
          helpOpen={helpOpen}
          onHelpOpenChange={setHelpOpen}
          onSelectAll={(all) => setSelected(all ? new Set(visible.map((i) => i.id)) : new Set())}
          onDecide={(status) => decide(status, selectedVisible)}
        />
      ) : null}

      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <FormError message={error} />

      {visible.length === 0 ? (
        <EmptyState headingLevel={2} icon={<Inbox />} title={info.empty} description={info.hint} className="bg-card/50 py-16" />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <ol className="flex min-w-0 flex-col gap-3" aria-label={`${info.label}: ${plural(visible.length)}`}>
            {visible.map((item) => (
              <QueueItem
                key={item.id}
                ref={(el) => {
                  if (el) refs.current.set(item.id, el);
                  else refs.current.delete(item.id);
                }}
                item={item}
                active={item.id === active?.id}
                selected={selected.has(item.id)}
                onActivate={() => setActiveId(item.id)}
                onToggleSelected={() =>
                  setSelected((prev) => {
                    const next = new Set(prev);
                    if (next.has(item.id)) next.delete(item.id);
                    else next.add(item.id);
                    return next;
                  })
                }
                onDecide={(decision) => decide(decision.status, [item])}
              />
            ))}
          </ol>
          {active ? (
            <div className="lg:sticky lg:top-[calc(var(--spacing-header)+4.5rem)]">
              <ItemDetail groupId={groupId} item={active} actorId={actorId} can={can} noteFieldRef={noteField} />
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}

export { ModerationQueue };
