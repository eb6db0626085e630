import { Extension, type Editor } from "@tiptap/core";
import { normalizeLinkInput } from "./link-input";

/**
 * Asks for a URL and links the selection (or inserts the URL as linked text at the caret).
 * An empty answer removes the link; anything but http(s)/mailto is refused.
 */
export function promptForLink(editor: Editor): void {
  const previous = (editor.getAttributes("link").href as string | undefined) ?? "";
  const answer = window.prompt("Link address (https://…, http://… or mailto:…). Leave empty to remove the link.", previous);
  if (answer === null) {
    editor.commands.focus();
    return;
  }
  if (!answer.trim()) {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  const href = normalizeLinkInput(answer);
  if (!href) {
    window.alert("That address can't be linked. Links must start with https://, http:// or mailto:.");
    editor.commands.focus();
    return;
  }
  if (editor.state.selection.empty && !editor.isActive("link")) {
    editor
      .chain()
      .focus()
      .insertContent({ type: "text", text: answer.trim(), marks: [{ type: "link", attrs: { href } }] })
      .run();
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
}

/** Mod-K opens the link prompt; shortcuts only, no schema change. */
export const LinkShortcut = Extension.create({
  name: "marginaliaLinkShortcut",
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        if (!this.editor.isEditable) return false;
        promptForLink(this.editor);
        return true;
      },
    };
  },
});
