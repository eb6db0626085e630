import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * The text for readers who may not edit it (members, viewers): it takes focus and a caret, so
 * they can move through it and select words with the keyboard (to annotate them), but takes no
 * edit. Only the shared document's own changes (y-tiptap's, marked isChangeOrigin) come in;
 * typing, pasting, dropping and editing shortcuts change nothing. The server refuses a
 * read-only connection's writes anyway; this keeps the page from showing changes nobody made.
 * Needs Tiptap's core "editable" extension off, so ProseMirror keeps the element contenteditable;
 * Tiptap's own `editable` option still says whether the reader may edit (toolbar, shortcuts).
 */
export const ReadOnlyText = Extension.create({
  name: "readOnlyText",

  addProseMirrorPlugins() {
    const readOnly = () => !this.editor.options.editable;
    return [
      new Plugin({
        key: new PluginKey("readOnlyText"),
        filterTransaction: (tr) => !tr.docChanged || !readOnly() || Boolean((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin),
        props: {
          // No on-screen keyboard on phones and no spelling marks: there is nothing to type.
          attributes: (): Record<string, string> => (readOnly() ? { "aria-readonly": "true", inputmode: "none", spellcheck: "false" } : {}),
          handleTextInput: () => readOnly(),
          handlePaste: () => readOnly(),
          handleDrop: () => readOnly(),
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!readOnly()) return false;
              event.preventDefault();
              return true;
            },
            // A link in a text that cannot be edited still opens on a click, as it did before the text took a caret.
            click: (_view, event) => {
              const link = (event.target as HTMLElement | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
              if (!readOnly() || !link || event.button !== 0 || !window.getSelection()?.isCollapsed) return false;
              event.preventDefault();
              window.open(link.href, "_blank", "noopener,noreferrer");
              return true;
            },
            dragstart: (_view, event) => {
              if (!readOnly()) return false;
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
