export { LiveEditor, type LiveEditorProps, type LiveSession } from "./live-editor";
export { ConnectionBadge, EditorStatusBar, PresenceList, ReadOnlyBadge, type EditorStatusBarProps } from "./editor-status-bar";
export { EditorToolbar } from "./editor-toolbar";
export {
  describeConnection,
  initialConnectionState,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionView,
  type StatelessMessage,
} from "./connection-state";
export { useCollabProvider, useConnectionState, usePresence } from "./use-collab";
export type { Person } from "./presence";
export { userColor } from "./user-color";
