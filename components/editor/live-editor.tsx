"use client";

import "./editor.css";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { Extensions } from "@tiptap/core";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { COLLAB_FIELD, editorExtensions } from "@/lib/editor/extensions";
import { cn } from "@/lib/utils";
import { renderCaret, renderSelection, showCaretLabels } from "./caret-dom";
import { describeConnection, type StatelessMessage } from "./connection-state";
import { EditorStatusBar } from "./editor-status-bar";
import { EditorToolbar } from "./editor-toolbar";
import { LinkShortcut } from "./link-command";
import { ReadOnlyText } from "./read-only-text";
import { useCollabProvider, useConnectionState, usePresence } from "./use-collab";
import { userColor, type AwarenessUser } from "./user-color";

export type LiveEditorProps = {
  documentId: string;
  user: { id: string; name: string };
  /** From can(membership, "document.edit"); the server enforces it again (read-only connection). */
  canEdit: boolean;
  /** Defaults to ws(s)://<this host>/collab. */
  collabUrl?: string;
  /** Server-rendered, sanitized HTML of the stored text, shown until the first sync. */
  initialHtml: string;
  /**
   * The id of an element elsewhere on the page (e.g. in its top bar) to render the presence list
   * and connection badge into. Without it they sit in the editor's own sticky bar.
   */
  statusBarContainerId?: string;
  /** Every other stateless message from the collaboration server (annotation events…), parsed. */
  onStatelessMessage?: (message: StatelessMessage) => void;
  /** More editor extensions (e.g. the annotation highlights); keep the array stable, a new one rebuilds the editor. */
  extensions?: Extensions;
  /** The synced editor and its provider once the text is live, null while it is not (first sync, reconnecting provider). */
  onSession?: (session: LiveSession | null) => void;
  /** The text element's id (a skip link's target); generated when not given. */
  textId?: string;
  /** aria-keyshortcuts of the text: the page's shortcuts that act on it (annotating the selection). */
  keyShortcuts?: string;
  className?: string;
};

/** A live editor bound to the shared document, for features that work on the text (annotations). */
export type LiveSession = { editor: Editor; provider: HocuspocusProvider };

/**
 * The document text, co-edited live through Hocuspocus. Never seeds content: the server owns the
 * initial Yjs state, and until it arrives the reader sees `initialHtml` in the same container.
 */
export function LiveEditor({
  documentId,
  user,
  canEdit,
  collabUrl,
  initialHtml,
  statusBarContainerId,
  onStatelessMessage,
  extensions,
  onSession,
  textId: givenTextId,
  keyShortcuts,
  className,
}: LiveEditorProps) {
  const provider = useCollabProvider(documentId, collabUrl);
  const connection = useConnectionState(provider, onStatelessMessage);
  const people = usePresence(provider, user.id);
  const [editor, setEditor] = useState<Editor | null>(null);
  const portalTarget = usePortalTarget(statusBarContainerId);
  const generatedId = useId();
  const textId = givenTextId ?? generatedId;

  const color = useMemo(() => userColor(user.id), [user.id]);
  const awarenessUser = useMemo<AwarenessUser>(() => ({ id: user.id, name: user.name, color }), [user.id, user.name, color]);
  const editable = canEdit && !connection.readOnlyScope;
  const ready = connection.everSynced && editor !== null;
  const status = (
    <EditorStatusBar connection={describeConnection(connection, { canEdit })} people={people} readOnly={!editable} />
  );

  const onSessionRef = useRef(onSession);
  useEffect(() => {
    onSessionRef.current = onSession;
  }, [onSession]);
  useEffect(() => {
    if (!ready || !editor || !provider) return;
    onSessionRef.current?.({ editor, provider });
    return () => onSessionRef.current?.(null);
  }, [ready, editor, provider]);

  // Be listed as present before the editor (whose caret extension sets the same field) mounts.
  useEffect(() => {
    provider?.setAwarenessField("user", awarenessUser);
  }, [provider, awarenessUser]);

  return (
    <div className={cn("live-editor", className)} data-ready={ready || undefined}>
      {editable || !statusBarContainerId ? (
        <div
          className={cn(
            "sticky top-[var(--editor-sticky-top,var(--spacing-header))] z-30 mb-8 flex flex-wrap items-center gap-x-3 gap-y-1 border-b py-1.5",
            "bg-background/90 backdrop-blur-md supports-[backdrop-filter]:bg-background/75",
          )}
        >
          {editable ? (
            <EditorToolbar
              // useEditorState keeps its first editor's snapshot until a transaction; remount when the editor arrives.
              key={ready ? "ready" : "waiting"}
              editor={ready ? editor : null}
              controls={textId}
              // On phones the toolbar keeps its essential buttons and a menu with the rest.
              className="order-2 w-full sm:order-1 sm:w-auto sm:flex-1"
            />
          ) : null}
          {statusBarContainerId ? null : <div className="order-1 ml-auto flex min-h-8 items-center sm:order-2">{status}</div>}
        </div>
      ) : null}
      {statusBarContainerId && portalTarget ? createPortal(status, portalTarget) : null}

      {/* Laid out exactly as the editor's element (editor.css), so its first paint is no larger and moves nothing. */}
      {ready ? null : <div className="prose-reading server-text" dangerouslySetInnerHTML={{ __html: initialHtml }} />}
      {provider ? (
        <CollaborativeText
          key={provider.sessionId}
          provider={provider}
          user={awarenessUser}
          editable={editable}
          textId={textId}
          keyShortcuts={keyShortcuts}
          hidden={!ready}
          onEditor={setEditor}
          extraExtensions={extensions}
        />
      ) : null}
    </div>
  );
}

type CollaborativeTextProps = {
  provider: HocuspocusProvider;
  user: AwarenessUser;
  editable: boolean;
  textId: string;
  keyShortcuts?: string;
  hidden: boolean;
  onEditor: (editor: Editor | null) => void;
  extraExtensions?: Extensions;
};

/** The Tiptap editor bound to one provider's Y.Doc; remounted (keyed) when the provider changes. */
function CollaborativeText({ provider, user, editable, textId, keyShortcuts, hidden, onEditor, extraExtensions }: CollaborativeTextProps) {
  const extensions = useMemo(
    () => [
      ...editorExtensions,
      Collaboration.configure({ document: provider.document, field: COLLAB_FIELD }),
      CollaborationCaret.configure({ provider, user, render: renderCaret, selectionRender: renderSelection }),
      LinkShortcut,
      ReadOnlyText,
      ...(extraExtensions ?? []),
    ],
    [provider, user, extraExtensions],
  );
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions,
      // Everyone gets a focusable text with a caret; readers' edits are refused by ReadOnlyText.
      enableCoreExtensions: { editable: false },
      coreExtensionOptions: { tabindex: { value: "0" } },
      editorProps: {
        attributes: {
          id: textId,
          class: "prose-reading",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Document text",
          "data-skip-target": "",
          ...(keyShortcuts ? { "aria-keyshortcuts": keyShortcuts } : {}),
        },
      },
    },
    [extensions],
  );

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  // A caret's name shows when it moves, then fades (editor.css): restart it on every move.
  useEffect(() => {
    if (!editor) return;
    const awareness = provider.awareness;
    if (!awareness) return;
    let frame = 0;
    const moved = new Set<string>();
    const onChange = ({ updated, added }: { updated: number[]; added: number[] }) => {
      for (const clientId of [...updated, ...added]) {
        const id = (awareness.getStates().get(clientId)?.user as { id?: unknown } | undefined)?.id;
        if (typeof id === "string" && clientId !== awareness.clientID) moved.add(id);
      }
      // After the caret plugin has redrawn the carets.
      if (!frame && moved.size) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (!editor.isDestroyed) showCaretLabels(editor.view.dom, moved);
          moved.clear();
        });
      }
    };
    awareness.on("change", onChange);
    return () => {
      awareness.off("change", onChange);
      cancelAnimationFrame(frame);
    };
  }, [editor, provider]);

  return (
    <div hidden={hidden}>
      <EditorContent editor={editor} />
    </div>
  );
}

/** The element with this id, looked up once mounted (it is server-rendered elsewhere on the page). */
function usePortalTarget(id: string | undefined): HTMLElement | null {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setTarget(id ? document.getElementById(id) : null);
  }, [id]);
  return target;
}
