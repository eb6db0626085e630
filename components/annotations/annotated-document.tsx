"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { LiveEditor, type LiveSession } from "@/components/editor";
import type { Role } from "@/lib/policies";
import type { Viewer } from "@/lib/policies/annotations";
import { canAnnotate } from "./abilities";
import { AnchorTracker } from "./anchor-tracker";
import { DraftCard } from "./draft-card";
import { noFilters, type ThreadFilters } from "./filters";
import { LiveAnnouncer } from "./live-announcer";
import { HiddenUntilPostedBanner, MarginPanel, ResolvedToggle } from "./margin-panel";
import { threadIdOf, type Note, type Thread } from "./model";
import type { NoteValues } from "./note-composer";
import { NotesSheet } from "./notes-sheet";
import { FlagDialogHost } from "./flag-dialog-host";
import { OrphansSection } from "./orphans-section";
import { SelectionMenu } from "./selection-menu";
import type { ThreadHandlers } from "./thread-card";
import { ThreadCardList } from "./thread-list";
import { ThreadFiltersBar } from "./thread-filters-bar";
import { annotationIdFromHash, foldResolved, sortThreads, type ThreadSort } from "./thread-order";
import { useActiveThread } from "./use-active-thread";
import { useAnnotations } from "./use-annotations";
import { useDraft } from "./use-draft";
import { useMediaQuery } from "./use-media-query";
import { readTextSelection, useTextSelection } from "./use-text-selection";
import { DRAFT_ID, useThreadView } from "./use-thread-view";
import "./annotations.css";

/** The text's own shortcuts (aria-keyshortcuts): comment on and highlight the selection, go to a note. */
const ANNOTATE_KEYS = "Control+Alt+M Control+Alt+H Control+Alt+N Meta+Alt+M Meta+Alt+H Meta+Alt+N";

export type AnnotatedDocumentProps = {
  documentId: string;
  /** The document's group: moderation actions are logged there. */
  groupId: string;
  user: { id: string; name: string };
  membership: { role: Role; muted: boolean };
  canEdit: boolean;
  initialHtml: string;
  /** The reader's notes, streamed after the text so that its first paint never waits for them. */
  initialNotes: Promise<Note[] | null>;
  /** Others' notes stay hidden until the reader posts one of their own (a seminar setting). */
  hiddenUntilPosted: boolean;
  /** The document's title block, rendered by the server above the text. */
  header: React.ReactNode;
  /** Drawn beside the text, e.g. the moderators' density strip. */
  textAside?: React.ReactNode;
  /** Elements in the page's top bar to render the connection state and the search/filters into. */
  statusBarContainerId: string;
  toolsContainerId: string;
};

/**
 * The reading page's text with its annotations: highlights drawn on the live text, the margin
 * (or, on narrow screens, a bottom sheet) with one card per thread, the selection menu, and live
 * updates from other readers.
 */
export function AnnotatedDocument(props: AnnotatedDocumentProps) {
  const { documentId, user, membership, canEdit, initialHtml, header, statusBarContainerId, toolsContainerId } = props;
  const viewer: Viewer = useMemo(() => ({ userId: user.id, membership }), [user.id, membership]);
  const annotate = canAnnotate(viewer);

  const [tracker] = useState(() => new AnchorTracker());
  const extensions = useMemo(() => [tracker.extension], [tracker]);
  const [session, setSession] = useState<LiveSession | null>(null);
  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot, AnchorTracker.getServerSnapshot);
  const view = session?.editor.view ?? null;
  useEffect(() => (session ? tracker.attach(session.editor, session.provider.document) : undefined), [session, tracker]);

  const { notes, loaded, actions, onStatelessMessage, announcement, hidingOthers } = useAnnotations({
    documentId,
    groupId: props.groupId,
    userId: user.id,
    initial: props.initialNotes,
    hiddenUntilPosted: props.hiddenUntilPosted,
    session,
  });

  const wide = useMediaQuery("(min-width: 900px)");
  const [sheetOpen, setSheetOpen] = useState(false);
  const [filters, setFilters] = useState<ThreadFilters>(noFilters);
  const [showResolved, setShowResolved] = useState(false);
  const exists = useCallback((id: string) => notes.has(id), [notes]);
  const { activeId, setActiveId, cardRef, jump, reveal, focusCard } = useActiveThread({ tracker, view, wide, openSheet: setSheetOpen, exists, readOnly: !canEdit });

  const onDraftFocus = useCallback(
    (id: string | null) => {
      setActiveId(id);
      if (id === DRAFT_ID && wide === false) setSheetOpen(true);
      // A note just posted: focus goes to its card, where the composer was.
      if (id && id !== DRAFT_ID) focusCard(id, true);
    },
    [setActiveId, wide, focusCard],
  );
  const draft = useDraft({ view, tracker, enabled: annotate, create: actions.create, onFocus: onDraftFocus });
  const comment = draft.draft?.mode === "comment" ? draft.draft : null;

  const { threads, placed, orphans, filtering, quoteOf, authors, tags } = useThreadView({
    notes,
    snapshot,
    tracker,
    filters,
    userId: user.id,
    draftAnchor: draft.draft?.anchor ?? null,
    showResolved,
  });

  const [sort, setSort] = useState<ThreadSort>("position");
  const startOf = useCallback((thread: Thread) => snapshot.ranges.get(thread.root.id)?.start ?? thread.root.position?.start ?? 0, [snapshot]);
  const ordered = useMemo(() => sortThreads(placed, sort, startOf), [placed, sort, startOf]);
  const { open: openThreads, folded } = useMemo(() => foldResolved(ordered, { showResolved }), [ordered, showResolved]);
  const resolvedFold = { folded, shown: showResolved, onToggle: () => setShowResolved((shown) => !shown) };

  // Deep links (#annotation-<id>, from the inbox and search): once the text is live, open that thread.
  const [linked, setLinked] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setLinked(annotationIdFromHash(window.location.hash));
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  useEffect(() => {
    if (!linked || !snapshot.live || wide === null) return;
    const rootId = threadIdOf(notes, linked);
    setLinked(null);
    if (!rootId) return;
    if (notes.get(rootId)?.resolved) setShowResolved(true);
    reveal(rootId);
  }, [linked, snapshot.live, wide, notes, reveal]);

  const article = useRef<HTMLElement>(null);
  const selection = useTextSelection(annotate && !draft.draft ? view : null, article, snapshot.version);
  const tools = usePortalTarget(toolsContainerId);

  const handlers: ThreadHandlers = useMemo(
    () => ({
      onActivate: setActiveId,
      onJump: jump,
      onReply: actions.reply,
      onEdit: (note: Note, values: NoteValues) => actions.edit(note.id, values),
      onDelete: (note: Note) => actions.remove(note.id),
      onReact: (note: Note, kind, on) => actions.react(note.id, kind, on),
      onResolve: (root: Note, resolved) => actions.resolve(root.id, resolved),
      onFlag: (note: Note, reason, text) => actions.flag(note.id, reason, text),
      onModerate: (note: Note, status) => actions.moderate(note.id, status),
      onLock: (root: Note, locked) => actions.lock(root.id, locked),
      onReattach: async (root: Note, to) => {
        let words = null;
        if (to === "selection") {
          const current = view && (readTextSelection(view) ?? (view.state.selection.empty ? null : view.state.selection));
          words = current ? tracker.selectionTarget(current.from, current.to) : null;
          if (!words) return "Select the words to attach the note to in the text first.";
        }
        const error = await actions.reattach(root.id, words);
        if (!error) reveal(root.id);
        return error;
      },
    }),
    [setActiveId, jump, actions, view, tracker, reveal],
  );

  const filtersBar = <ThreadFiltersBar filters={filters} onChange={setFilters} authors={authors} tags={tags} sort={sort} onSortChange={setSort} />;
  const orphansSection = <OrphansSection threads={orphans} viewer={viewer} activeId={activeId} quoteOf={quoteOf} cardRef={cardRef} {...handlers} />;

  return (
    <FlagDialogHost>
      <div className="mx-auto grid w-full max-w-[70rem] gap-x-12 px-4 pt-10 pb-28 sm:px-6 sm:pt-14 min-[900px]:grid-cols-[minmax(0,1fr)_18.5rem] min-[900px]:pb-24 lg:px-8 xl:gap-x-16">
        <article ref={article} className="relative min-w-0" aria-labelledby="document-title">
          {header}
          <div className="relative">
            {props.textAside}
            <LiveEditor
              documentId={documentId}
              user={user}
              canEdit={canEdit}
              initialHtml={initialHtml}
              statusBarContainerId={statusBarContainerId}
              onStatelessMessage={onStatelessMessage}
              extensions={extensions}
              onSession={setSession}
              textId="document-text"
              keyShortcuts={annotate ? ANNOTATE_KEYS : undefined}
            />
          </div>
          {annotate ? (
            <SelectionMenu
              selection={selection}
              containerWidth={article.current?.clientWidth ?? 0}
              below={wide === false}
              onHighlight={() => void draft.start("highlight")}
              onComment={() => void draft.start("comment")}
            />
          ) : null}
        </article>

        <aside aria-label="Margin" className="relative hidden min-w-0 min-[900px]:block">
          {wide ? (
            <MarginPanel
              view={view}
              live={snapshot.live}
              tracker={tracker}
              threads={openThreads}
              total={threads.length}
              loaded={loaded}
              filtering={filtering}
              orphanCount={orphans.length}
              activeId={activeId}
              viewer={viewer}
              canAnnotate={annotate}
              cardRef={cardRef}
              handlers={handlers}
              draft={comment && snapshot.ranges.has(DRAFT_ID) ? <DraftCard author={user} onSubmit={draft.save} onCancel={draft.cancel} /> : null}
              onClearFilters={() => setFilters(noFilters)}
              layout={sort === "position" ? "beside" : "list"}
              quoteOf={quoteOf}
              resolved={resolvedFold}
              hidingOthers={hidingOthers}
            >
              {orphansSection}
            </MarginPanel>
          ) : null}
        </aside>
      </div>

      {wide && tools ? createPortal(filtersBar, tools) : null}

      {wide === false ? (
        <NotesSheet open={sheetOpen} onOpenChange={setSheetOpen} count={threads.length} toolbar={filtersBar}>
          {hidingOthers ? <HiddenUntilPostedBanner /> : null}
          <ResolvedToggle {...resolvedFold} />
          {comment ? <DraftCard author={user} quote={comment.quote.exact} onSubmit={draft.save} onCancel={draft.cancel} /> : null}
          <ThreadCardList threads={openThreads} viewer={viewer} activeId={activeId} variant="list" quoteOf={quoteOf} cardRef={cardRef} {...handlers} />
          {loaded && openThreads.length === 0 && folded === 0 && !comment && !hidingOthers ? <SheetEmpty filtering={filtering} canAnnotate={annotate} /> : null}
          {orphansSection}
        </NotesSheet>
      ) : null}

      {draft.notice ? (
        <p role="alert" className="fixed bottom-20 left-1/2 z-50 -translate-x-1/2 rounded-md bg-foreground px-3 py-2 text-sm text-background shadow-lg animate-fade-in min-[900px]:bottom-6">
          {draft.notice}
        </p>
      ) : null}
      <LiveAnnouncer message={announcement} />
    </FlagDialogHost>
  );
}

function SheetEmpty({ filtering, canAnnotate }: { filtering: boolean; canAnnotate: boolean }) {
  return (
    <p className="py-6 text-center text-sm text-muted-foreground">
      {filtering ? "No notes match the search or filters." : canAnnotate ? "No notes yet. Select words in the text to add one." : "No notes yet."}
    </p>
  );
}

/** The element with this id, looked up once mounted (it is server-rendered elsewhere on the page). */
function usePortalTarget(id: string): HTMLElement | null {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => setTarget(document.getElementById(id)), [id]);
  return target;
}
