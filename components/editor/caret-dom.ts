import type { DecorationAttrs } from "@tiptap/pm/view";
import { readAwarenessUser, readableTextOn } from "./user-color";

/**
 * The widget for someone else's caret. The name is set as text, never HTML, and the colour is
 * derived from their user id (or a validated hex), so a client can't inject markup or CSS.
 */
export function renderCaret(rawUser: Record<string, unknown>): HTMLElement {
  const user = readAwarenessUser(rawUser, 0) ?? { id: "", name: "Anonymous", color: "#6b7280" };
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.setProperty("--caret-color", user.color);
  caret.style.setProperty("--caret-text", readableTextOn(user.color));
  caret.setAttribute("aria-hidden", "true");
  // Lets the page show the name again when this person's caret moves (showCaretLabel).
  caret.dataset.userId = user.id;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.textContent = user.name;
  caret.append(label);
  return caret;
}

/** Someone else's selection: their colour at ~20% opacity. */
export function renderSelection(rawUser: Record<string, unknown>): DecorationAttrs {
  const user = readAwarenessUser(rawUser, 0);
  if (!user) return {};
  return { nodeName: "span", class: "collaboration-carets__selection", style: `background-color: ${user.color}33` };
}

/**
 * Shows the name on the carets of `userIds` again (their label fades after a moment): called when
 * their caret moves, since ProseMirror may keep the same element for a moved caret.
 */
export function showCaretLabels(root: ParentNode, userIds: ReadonlySet<string>) {
  if (userIds.size === 0) return;
  for (const caret of root.querySelectorAll<HTMLElement>(".collaboration-carets__caret[data-user-id]")) {
    if (!userIds.has(caret.dataset.userId!)) continue;
    for (const animation of caret.querySelector(".collaboration-carets__label")?.getAnimations() ?? []) {
      animation.currentTime = 0;
      animation.play();
    }
  }
}
