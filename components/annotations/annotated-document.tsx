"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { TextSelection } from "@tiptap/pm/state";
import { listAnnotationsAction } from "@/app/_actions/annotations";
import { LiveEditor, type LiveSession, type StatelessMessage } from "@/components/editor";
import type { Anchor } from "@/lib/anchoring/anchors";
import type { ProjectionQuote } from "@/lib/editor/projection-positions";
import type { Role } from "@/lib/policies";
import type { Viewer } from "@/lib/policies/annotations";
import { canAnnotate } from "./abilities";
import { decodeAnchor } from "./anchor-bytes";
import { AnchorTracker, type TrackedTarget } from "./anchor-tracker";
import { DraftCard } from "./draft-card";
import { filterThreads, noFilters, type ThreadFilters } from "./filters";
import { LiveAnnouncer } from "./live-announcer";
import { annotationChange } from "./live-messages";
import { MarginPanel } from "./margin-panel";
import { buildThreads, facets, type AnnotationJSON, type Note, type Thread } from "./model";
import type { NoteValues } from "./note-composer";
import { NotesSheet } from "./notes-sheet";
import { OrphansSection } from "./orphans-section";
import { SelectionMenu } from "./selection-menu";
import { ThreadCard, type ThreadHandlers } from "./thread-card";
import { ThreadFiltersBar } from "./thread-filters-bar";
import { useAnnotationActions } from "./use-annotation-actions";
import { useAnnotationStore } from "./use-annotation-store";
import { useMediaQuery } from "./use-media-query";
import { readTextSelection, useTextSelection } from "./use-text-selection";
import "./annotations.css";

export type AnnotatedDocumentProps = {
  documentId: string;
  user: { id: string; name: string };
  membership: { role: Role; muted: boolean };
  canEdit: boolean;
  initialHtml: string;
  initialAnnotations: AnnotationJSON[];
  /** Others' notes stay hidden until the reader posts one of their own (a seminar setting). */
  hiddenUntilPosted: boolean;
  /** The document's title block, rendered by the server above the text. */
  header: React.ReactNode;
  /** Elements in the page's top bar to render the connection state and the search/filters into. */
  statusBarContainerId: string;
  toolsContainerId: string;
};

/** A new note on selected words, before it is saved; "highlight" saves at once. */
type Draft = { anchor: Anchor; quote: ProjectionQuote; mode: "comment" | "highlight" };

const DRAFT_ID = "draft";

/**
 * The reading page's text with its annotations: highlights drawn on the live text, the margin
 * (or, on narrow screens, a bottom sheet) with one card per thread, the selection menu, and live
 * updates from other readers.
 */
export function AnnotatedDocument(props: AnnotatedDocumentProps) {
  const { documentId, user, membership, canEdit, initialHtml, initialAnnotations, hiddenUntilPosted, header, statusBarContainerId, toolsContainerId } = props;
  const viewer: Viewer = useMemo(() => ({ userId: user.id, membership }), [user.id, membership]);
  const annotate = canAnnotate(viewer);
  const store = useAnnotationStore(initialAnnotations);
  const { notes, upsert, remove, replace } = store;
  const revealed = useRef(!hiddenUntilPosted);
  const baseActions = useAnnotationActions(documentId, store);
  const actions = useMemo(
    () => ({
      ...baseActions,
      create: async (...args: Parameters<typeof baseActions.create>) => {
        const result = await baseActions.create(...args);
        // Posting reveals the others' notes: fetch them once.
        if (!result.error && !revealed.current) {
          revealed.current = true;
          const list = await listAnnotationsAction(documentId).catch(() => null);
          if (list?.annotations) replace(list.annotations as AnnotationJSON[]);
        }
        return result;
      },
    }),
    [baseActions, documentId, replace],
  );

  const [tracker] = useState(() => new AnchorTracker());
  const extensions = useMemo(() => [tracker.extension], [tracker]);
  const [session, setSession] = useState<LiveSession | null>(null);
  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot, AnchorTracker.getServerSnapshot);
  const view = session?.editor.view ?? null;

  const [draft, setDraft] = useState<Draft | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [filters, setFilters] = useState<ThreadFilters>(noFilters);
  const wide = useMediaQuery("(min-width: 900px)");
  const [sheetOpen, setSheetOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const lastQuotes = useRef(new Map<string, string>());
  const tools = usePortalTarget(toolsContainerId);

  useEffect(() => {
    if (!session) return;
    return tracker.attach(session.editor, session.provider.document);
  }, [session, tracker]);

  // Catch up after the live connection was away: messages sent meanwhile are lost.
  useEffect(() => {
    if (!session) return;
    const onSynced = ({ state }: { state: boolean }) => {
      if (!state) return;
      void listAnnotationsAction(documentId).then((result) => result.annotations && replace(result.annotations as AnnotationJSON[]), () => {});
    };
    session.provider.on("synced", onSynced);
    return () => {
      session.provider.off("synced", onSynced);
    };
  }, [session, documentId, replace]);

  const onStatelessMessage = useCallback(
    (message: StatelessMessage) => {
      const change = annotationChange(message);
      if (!change) return;
      if (change.kind === "remove") return remove(change.id);
      upsert(change.annotation);
      const creator = change.annotation.creator as { id?: string; name: string };
      if (change.created && !creator.id?.endsWith(`/users/${user.id}`)) {
        const isReply = typeof change.annotation.target === "string";
        setAnnouncement(`New ${isReply ? "reply" : "note"} from ${creator.name}`);
      }
    },
    [upsert, remove, user.id],
  );

  // Threads, what the filters leave, and where each one is in the text now.
  const threads = useMemo(() => buildThreads(notes), [notes]);
  for (const [id, range] of snapshot.ranges) lastQuotes.current.set(id, range.exact);
  const quoteOf = useCallback(
    (id: string) => snapshot.ranges.get(id)?.exact ?? lastQuotes.current.get(id) ?? notes.get(id)?.quote?.exact,
    [snapshot, notes],
  );
  const shown = useMemo(() => filterThreads(threads, filters, { viewerId: user.id, quoteOf }), [threads, filters, user.id, quoteOf]);
  // Keyed by content: `shown` is rebuilt whenever the text moves, the set of ids rarely changes.
  const shownKey = shown.map((t) => t.root.id).join(" ");
  const shownIds = useMemo(() => new Set(shownKey.split(" ")), [shownKey]);
  const isOrphan = useCallback((thread: Thread) => (snapshot.live ? !snapshot.ranges.has(thread.root.id) : thread.root.orphaned || !thread.root.anchor), [snapshot]);
  const placed = useMemo(
    () =>
      shown
        .filter((t) => !isOrphan(t))
        .sort((a, b) => (snapshot.ranges.get(a.root.id)?.start ?? a.root.position?.start ?? 0) - (snapshot.ranges.get(b.root.id)?.start ?? b.root.position?.start ?? 0)),
    [shown, isOrphan, snapshot],
  );
  const orphans = useMemo(() => shown.filter(isOrphan), [shown, isOrphan]);
  const { authors, tags } = useMemo(() => facets(threads), [threads]);

  // What the text draws: every thread with an anchor (filtered-out ones undrawn) and the draft.
  useEffect(() => {
    const targets: TrackedTarget[] = [];
    for (const { root } of threads) {
      const anchor = root.anchor && decodeAnchor(root.anchor);
      if (!anchor) continue;
      targets.push({
        id: root.id,
        anchor,
        mine: root.author.id === user.id,
        private: root.visibility === "private",
        pending: root.status !== "approved",
        shown: shownIds.has(root.id),
      });
    }
    if (draft) targets.push({ id: DRAFT_ID, anchor: draft.anchor, mine: true, private: false, pending: true, shown: true });
    tracker.setTargets(targets);
  }, [threads, shownIds, draft, tracker, user.id]);

  useEffect(() => tracker.setActive(activeId), [tracker, activeId]);

  // A thread whose notes are all gone cannot stay focused.
  useEffect(() => {
    if (activeId && activeId !== DRAFT_ID && !notes.has(activeId)) setActiveId(null);
  }, [activeId, notes]);

  const focusCard = useCallback((id: string, scroll: boolean) => {
    requestAnimationFrame(() => {
      const el = cards.current.get(id);
      if (!el) return;
      if (scroll) el.scrollIntoView({ block: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
      el.focus({ preventScroll: true });
    });
  }, []);

  // Clicking a highlight focuses its card; in the text of an editor the caret stays where it was put.
  useEffect(() => {
    tracker.onHighlightClick = (id) => {
      setActiveId(id);
      if (wide === false) {
        setSheetOpen(true);
        focusCard(id, true);
      } else if (!session?.editor.isEditable) {
        focusCard(id, false);
      }
    };
    return () => {
      tracker.onHighlightClick = null;
    };
  }, [tracker, wide, session, focusCard]);

  /** From a card to its words: scroll them into view and mark them. */
  const jump = useCallback(
    (id: string) => {
      setActiveId(id);
      const range = tracker.getSnapshot().ranges.get(id);
      if (!range || !view) return;
      if (wide === false) setSheetOpen(false);
      const coords = view.coordsAtPos(range.from);
      window.scrollTo({ top: window.scrollY + coords.top - window.innerHeight * 0.3, behavior: prefersReducedMotion() ? "auto" : "smooth" });
    },
    [tracker, view, wide],
  );

  // Clicking outside cards and highlights lets go of the focused thread.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest) return;
      if (target.closest("[data-annotation-id], .anno-hl, [role=menu], [role=toolbar], [role=dialog]")) return;
      setActiveId((current) => (current === DRAFT_ID ? current : null));
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, []);

  const selection = useTextSelection(annotate && !draft ? view : null, article, snapshot.version);

  const startDraft = useCallback(
    async (mode: Draft["mode"]) => {
      if (!view || !annotate) return;
      const current = readTextSelection(view) ?? (view.state.selection.empty ? null : { from: view.state.selection.from, to: view.state.selection.to });
      const target = current && tracker.selectionTarget(current.from, current.to);
      if (!target) {
        setNotice("Select some words of the text first.");
        return;
      }
      setNotice(null);
      // Let go of the selection in the editor's state too, or it comes back with its next update.
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, current.to)).setMeta("addToHistory", false));
      window.getSelection()?.removeAllRanges();
      if (mode === "comment") {
        setDraft({ anchor: target.anchor, quote: target, mode });
        setActiveId(DRAFT_ID);
        if (wide === false) setSheetOpen(true);
        return;
      }
      setDraft({ anchor: target.anchor, quote: target, mode });
      const result = await actions.create(target, { body: "", tags: [], visibility: "group" });
      setDraft(null);
      if (result.error) setNotice(result.error);
    },
    [view, annotate, tracker, actions, wide],
  );

  const saveDraft = useCallback(
    async (values: NoteValues) => {
      const quote = tracker.quoteFor(DRAFT_ID);
      if (!quote) return "The words you selected are no longer in the text.";
      const result = await actions.create(quote, values);
      if (result.error) return result.error;
      setDraft(null);
      if (result.id) setActiveId(result.id);
      return undefined;
    },
    [tracker, actions],
  );

  const cancelDraft = useCallback(() => {
    setDraft(null);
    setActiveId(null);
    view?.focus();
  }, [view]);

  // Keyboard: select words, then Mod-Alt-M to comment or Mod-Alt-H to highlight.
  useEffect(() => {
    if (!annotate || !view) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || !event.altKey || event.shiftKey) return;
      if (event.code !== "KeyM" && event.code !== "KeyH") return;
      event.preventDefault();
      event.stopPropagation();
      void startDraft(event.code === "KeyM" ? "comment" : "highlight");
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [annotate, view, startDraft]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const cardRef = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) cards.current.set(id, el);
      else cards.current.delete(id);
    },
    [],
  );

  const handlers: ThreadHandlers = useMemo(
    () => ({
      onActivate: setActiveId,
      onJump: jump,
      onReply: actions.reply,
      onEdit: (note: Note, values: NoteValues) => actions.edit(note.id, values),
      onDelete: (note: Note) => actions.remove(note.id),
    }),
    [jump, actions],
  );

  const filtersBar = <ThreadFiltersBar filters={filters} onChange={setFilters} authors={authors} tags={tags} />;
  const draftQuote = draft?.mode === "comment" ? draft.quote.exact : undefined;

  return (
    <>
      <div className="mx-auto grid w-full max-w-[70rem] gap-x-12 px-4 pt-10 pb-28 sm:px-6 sm:pt-14 min-[900px]:grid-cols-[minmax(0,1fr)_18.5rem] min-[900px]:pb-24 lg:px-8 xl:gap-x-16">
        <article ref={article} className="relative min-w-0" aria-labelledby="document-title">
          {header}
          <LiveEditor
            documentId={documentId}
            user={user}
            canEdit={canEdit}
            initialHtml={initialHtml}
            statusBarContainerId={statusBarContainerId}
            onStatelessMessage={onStatelessMessage}
            extensions={extensions}
            onSession={setSession}
          />
          {annotate ? (
            <SelectionMenu
              selection={selection}
              containerWidth={article.current?.clientWidth ?? 0}
              below={wide === false}
              onHighlight={() => void startDraft("highlight")}
              onComment={() => void startDraft("comment")}
            />
          ) : null}
        </article>

        <aside aria-label="Margin" className="relative hidden min-w-0 min-[900px]:block">
          {wide ? (
            <MarginPanel
              view={view}
              live={snapshot.live}
              version={snapshot.version}
              threads={placed}
              total={threads.length}
              filtering={shown.length !== threads.length}
              orphanCount={orphans.length}
              activeId={activeId}
              viewer={viewer}
              canAnnotate={annotate}
              ranges={snapshot.ranges}
              cardRef={cardRef}
              handlers={handlers}
              draft={
                draft?.mode === "comment" && snapshot.ranges.has(DRAFT_ID) ? (
                  <DraftCard author={user} onSubmit={saveDraft} onCancel={cancelDraft} />
                ) : null
              }
              onClearFilters={() => setFilters(noFilters)}
            >
              <OrphansSection threads={orphans} viewer={viewer} activeId={activeId} quoteOf={quoteOf} cardRef={cardRef} {...handlers} />
            </MarginPanel>
          ) : null}
        </aside>
      </div>

      {wide && tools ? createPortal(filtersBar, tools) : null}

      {wide === false ? (
        <NotesSheet open={sheetOpen} onOpenChange={setSheetOpen} count={threads.length} toolbar={filtersBar}>
          {draft?.mode === "comment" ? <DraftCard author={user} quote={draftQuote} onSubmit={saveDraft} onCancel={cancelDraft} /> : null}
          {placed.map((thread) => (
            <ThreadCard
              key={thread.root.id}
              ref={cardRef(thread.root.id)}
              thread={thread}
              viewer={viewer}
              active={activeId === thread.root.id}
              variant="list"
              quote={quoteOf(thread.root.id)}
              {...handlers}
            />
          ))}
          {placed.length === 0 && !draft ? <SheetEmpty filtering={shown.length !== threads.length} canAnnotate={annotate} /> : null}
          <OrphansSection threads={orphans} viewer={viewer} activeId={activeId} quoteOf={quoteOf} cardRef={cardRef} {...handlers} />
        </NotesSheet>
      ) : null}

      {notice ? (
        <p role="alert" className="fixed bottom-20 left-1/2 z-50 -translate-x-1/2 rounded-md bg-foreground px-3 py-2 text-sm text-background shadow-lg animate-fade-in min-[900px]:bottom-6">
          {notice}
        </p>
      ) : null}
      <LiveAnnouncer message={announcement} />
    </>
  );
}

function SheetEmpty({ filtering, canAnnotate }: { filtering: boolean; canAnnotate: boolean }) {
  return (
    <p className="py-6 text-center text-sm text-muted-foreground">
      {filtering ? "No notes match the search or filters." : canAnnotate ? "No notes yet. Select words in the text to add one." : "No notes yet."}
    </p>
  );
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** The element with this id, looked up once mounted (it is server-rendered elsewhere on the page). */
function usePortalTarget(id: string): HTMLElement | null {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => setTarget(document.getElementById(id)), [id]);
  return target;
}
