"use client";

import { useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import {
  Bold,
  Code,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  Pilcrow,
  Redo2,
  Strikethrough,
  TextQuote,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import { Check, Ellipsis } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuShortcut, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { promptForLink } from "./link-command";
import { ariaChord, formatChord, isApplePlatform, type Chord } from "./shortcuts";

type ToolbarState = Record<string, { active: boolean; enabled: boolean }>;

type Tool = {
  id: string;
  label: string;
  icon: LucideIcon;
  chord: Chord;
  /** Undo/redo have no on/off state; formatting buttons are toggles (aria-pressed). */
  toggle: boolean;
  active: (editor: Editor) => boolean;
  enabled: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  /** Shown on a phone's narrow toolbar; the others move into its "More formatting" menu. */
  essential?: boolean;
};

/** Tools a phone's toolbar shows itself: the rest are one tap away in the overflow menu. */
const ESSENTIAL = new Set(["bold", "italic", "heading2", "bulletList", "link", "undo", "redo"]);

const groups: Tool[][] = [
  [
    toggleTool("bold", "Bold", Bold, "Mod-b", (e) => e.can().toggleBold(), (e) => e.chain().focus().toggleBold().run()),
    toggleTool("italic", "Italic", Italic, "Mod-i", (e) => e.can().toggleItalic(), (e) => e.chain().focus().toggleItalic().run()),
    toggleTool("strike", "Strikethrough", Strikethrough, "Mod-Shift-s", (e) => e.can().toggleStrike(), (e) => e.chain().focus().toggleStrike().run()),
    toggleTool("code", "Inline code", Code, "Mod-e", (e) => e.can().toggleCode(), (e) => e.chain().focus().toggleCode().run()),
  ],
  [
    heading(1, Heading1),
    heading(2, Heading2),
    heading(3, Heading3),
    {
      id: "paragraph",
      label: "Paragraph",
      icon: Pilcrow,
      chord: "Mod-Alt-0",
      toggle: true,
      active: (e) => e.isActive("paragraph"),
      enabled: (e) => e.can().setParagraph(),
      run: (e) => e.chain().focus().setParagraph().run(),
    },
  ],
  [
    toggleTool("bulletList", "Bulleted list", List, "Mod-Shift-8", (e) => e.can().toggleBulletList(), (e) => e.chain().focus().toggleBulletList().run()),
    toggleTool("orderedList", "Numbered list", ListOrdered, "Mod-Shift-7", (e) => e.can().toggleOrderedList(), (e) => e.chain().focus().toggleOrderedList().run()),
    toggleTool("blockquote", "Quote", TextQuote, "Mod-Shift-b", (e) => e.can().toggleBlockquote(), (e) => e.chain().focus().toggleBlockquote().run()),
    {
      id: "link",
      label: "Link",
      icon: Link,
      chord: "Mod-k",
      toggle: true,
      active: (e) => e.isActive("link"),
      enabled: (e) => e.can().setLink({ href: "https://example.com" }) || e.isActive("link"),
      run: promptForLink,
    },
  ],
  [
    // Collaboration's undo/redo: a Yjs UndoManager that only reverts this tab's own edits.
    {
      id: "undo",
      label: "Undo",
      icon: Undo2,
      chord: "Mod-z",
      toggle: false,
      active: () => false,
      enabled: (e) => e.can().undo(),
      run: (e) => e.chain().focus().undo().run(),
    },
    {
      id: "redo",
      label: "Redo",
      icon: Redo2,
      chord: "Mod-Shift-z",
      toggle: false,
      active: () => false,
      enabled: (e) => e.can().redo(),
      run: (e) => e.chain().focus().redo().run(),
    },
  ],
];

const tools = groups.flat();
for (const tool of tools) tool.essential = ESSENTIAL.has(tool.id);

/** A mark or node toggle whose active state is `isActive(id)`. */
function toggleTool(id: string, label: string, icon: LucideIcon, chord: Chord, enabled: Tool["enabled"], run: Tool["run"]): Tool {
  return { id, label, icon, chord, toggle: true, active: (e) => e.isActive(id), enabled, run };
}

function heading(level: 1 | 2 | 3, icon: LucideIcon): Tool {
  return {
    id: `heading${level}`,
    label: `Heading ${level}`,
    icon,
    chord: `Mod-Alt-${level}`,
    toggle: true,
    active: (e) => e.isActive("heading", { level }),
    enabled: (e) => e.can().toggleHeading({ level }),
    run: (e) => e.chain().focus().toggleHeading({ level }).run(),
  };
}

function readToolbarState(editor: Editor): ToolbarState {
  const state: ToolbarState = {};
  for (const tool of tools) {
    const enabled = editor.isEditable && tool.enabled(editor);
    state[tool.id] = { active: tool.active(editor), enabled };
  }
  return state;
}

/** What the buttons' state can depend on: the text, the selection, the marks set for the next character, editability, undo history. */
type ToolbarInputs = { doc: unknown; selection: unknown; storedMarks: unknown; editable: boolean; undo: number; redo: number };

function toolbarInputs(editor: Editor): ToolbarInputs {
  const { state } = editor;
  const history = yUndoPluginKey.getState(state) as { undoManager?: { undoStack: unknown[]; redoStack: unknown[] } } | undefined;
  return {
    doc: state.doc,
    selection: state.selection,
    storedMarks: state.storedMarks,
    editable: editor.isEditable,
    undo: history?.undoManager?.undoStack.length ?? -1,
    redo: history?.undoManager?.redoStack.length ?? -1,
  };
}

function sameInputs(a: ToolbarInputs, b: ToolbarInputs): boolean {
  return a.doc === b.doc && a.selection === b.selection && a.storedMarks === b.storedMarks && a.editable === b.editable && a.undo === b.undo && a.redo === b.redo;
}

/**
 * The toolbar's state for an editor, computed again only when something it depends on changed: a
 * transaction that changes neither the text, the selection nor the stored marks (the highlights'
 * viewport window, presence carets) returns the previous state without asking every command `can()`.
 */
export function createToolbarStateReader(): (editor: Editor) => ToolbarState {
  let last: { editor: Editor; inputs: ToolbarInputs; state: ToolbarState } | null = null;
  return (editor) => {
    const inputs = toolbarInputs(editor);
    if (last && last.editor === editor && sameInputs(last.inputs, inputs)) return last.state;
    last = { editor, inputs, state: readToolbarState(editor) };
    return last.state;
  };
}

function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return tools.every((tool) => a[tool.id]?.active === b[tool.id]?.active && a[tool.id]?.enabled === b[tool.id]?.enabled);
}

const subscribeNever = () => () => {};

/** Hydration-safe platform check: the server and the first client render assume "not Apple". */
function useApplePlatform(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => isApplePlatform(navigator.platform || navigator.userAgent),
    () => false,
  );
}

type EditorToolbarProps = {
  editor: Editor | null;
  /** The id of the editable element, for aria-controls. */
  controls?: string;
  className?: string;
};

/**
 * Formatting buttons for editors; one tab stop, arrow keys move between buttons (WAI-ARIA toolbar).
 * Renders inert until the editor exists so the layout doesn't jump when it does. Unavailable
 * buttons stay focusable (aria-disabled) so keyboard users can still find them.
 */
export function EditorToolbar({ editor, controls, className }: EditorToolbarProps) {
  const apple = useApplePlatform();
  const [readState] = useState(createToolbarStateReader);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? readState(current) : null),
    // The reader returns the same object while nothing changed; a new one is compared as before.
    equalityFn: (a, b) => a === b || (a !== null && b !== null && sameToolbarState(a, b)),
  });
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState(0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Buttons moved into the overflow menu on a phone are not displayed: the arrows skip them.
    const shown = buttons.current.map((button, i) => (button && button.offsetParent !== null ? i : -1)).filter((i) => i >= 0);
    const at = shown.indexOf(buttons.current.findIndex((button) => button === document.activeElement));
    if (at < 0) return;
    const last = shown.length - 1;
    const next =
      event.key === "ArrowRight" ? (at === last ? 0 : at + 1)
      : event.key === "ArrowLeft" ? (at === 0 ? last : at - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(shown[next]);
    buttons.current[shown[next]]?.focus();
  };

  let index = 0;
  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      aria-controls={editor ? controls : undefined}
      onKeyDown={onKeyDown}
      className={cn("flex min-w-0 items-center gap-0.5", className)}
    >
      {groups.map((group, groupIndex) => (
        <div key={groupIndex} className="flex shrink-0 items-center gap-0.5">
          {groupIndex > 0 ? <span aria-hidden="true" className="mx-1 h-5 w-px shrink-0 bg-border max-sm:hidden" /> : null}
          {group.map((tool) => {
            const position = index++;
            const toolState = state?.[tool.id];
            const enabled = Boolean(editor && toolState?.enabled);
            const shortcut = formatChord(tool.chord, apple);
            const Icon = tool.icon;
            return (
              <button
                key={tool.id}
                ref={(node) => {
                  buttons.current[position] = node;
                }}
                type="button"
                tabIndex={position === focusIndex ? 0 : -1}
                onFocus={() => setFocusIndex(position)}
                aria-label={tool.label}
                aria-pressed={tool.toggle ? (toolState?.active ?? false) : undefined}
                aria-disabled={!enabled || undefined}
                aria-keyshortcuts={ariaChord(tool.chord, apple)}
                title={`${tool.label} (${shortcut})`}
                // Keep the text selection: a mouse press on a button would otherwise blur the editor first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (editor && enabled) tool.run(editor);
                }}
                className={cn(
                  "inline-flex size-8 shrink-0 cursor-pointer items-center justify-center rounded-md text-muted-foreground transition-colors outline-none",
                  "hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                  "aria-disabled:cursor-default aria-disabled:opacity-40 aria-disabled:hover:bg-transparent aria-disabled:hover:text-muted-foreground",
                  "aria-pressed:bg-accent aria-pressed:text-accent-foreground",
                  !tool.essential && "max-sm:hidden",
                )}
              >
                <Icon aria-hidden="true" className="size-4" strokeWidth={2} />
              </button>
            );
          })}
        </div>
      ))}
      <OverflowMenu
        editor={editor}
        state={state}
        apple={apple}
        tabIndex={focusIndex === tools.length ? 0 : -1}
        onFocus={() => setFocusIndex(tools.length)}
        triggerRef={(node) => {
          buttons.current[tools.length] = node;
        }}
      />
    </div>
  );
}

type OverflowMenuProps = {
  editor: Editor | null;
  state: ToolbarState | null;
  apple: boolean;
  tabIndex: number;
  onFocus: () => void;
  triggerRef: (node: HTMLButtonElement | null) => void;
};

/** On a phone, the tools that do not fit: a menu at the end of the toolbar (hidden on wider screens, where every button shows). */
function OverflowMenu({ editor, state, apple, tabIndex, onFocus, triggerRef }: OverflowMenuProps) {
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        ref={triggerRef}
        tabIndex={tabIndex}
        onFocus={onFocus}
        aria-label="More formatting"
        title="More formatting"
        disabled={!editor}
        className="ml-auto inline-flex size-8 shrink-0 cursor-pointer items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring sm:hidden"
      >
        <Ellipsis aria-hidden="true" className="size-4" />
      </DropdownMenuTrigger>
      {/* The chosen tool puts the caret back in the text: the menu must not take focus back to its button. */}
      <DropdownMenuContent align="end" className="w-60" onCloseAutoFocus={(event) => event.preventDefault()}>
        {tools
          .filter((tool) => !tool.essential)
          .map((tool) => {
            const toolState = state?.[tool.id];
            const Icon = tool.icon;
            return (
              <DropdownMenuItem key={tool.id} disabled={!editor || !toolState?.enabled} onSelect={() => editor && tool.run(editor)} aria-keyshortcuts={ariaChord(tool.chord, apple)}>
                <Icon aria-hidden="true" />
                {tool.label}
                {tool.toggle && toolState?.active ? (
                  <>
                    <Check aria-hidden="true" className="size-3.5" />
                    <span className="sr-only">(on)</span>
                  </>
                ) : null}
                <DropdownMenuShortcut>{formatChord(tool.chord, apple)}</DropdownMenuShortcut>
              </DropdownMenuItem>
            );
          })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
