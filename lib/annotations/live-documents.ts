import type * as Y from "yjs";

/** Something that holds documents loaded for live editing, such as a collaboration server. */
export type LiveDocumentSource = {
  get(documentId: string): Y.Doc | undefined;
  /** Brings the stored selectors of a live document's annotations up to date with its text. */
  reanchor?(documentId: string): Promise<void>;
  /** Disconnects everyone from a document that no longer exists, without storing it again. */
  closeDeleted?(documentId: string): void;
};

const registry = globalThis as unknown as { marginaliaLiveDocuments?: Set<LiveDocumentSource> };

function sources(): Set<LiveDocumentSource> {
  registry.marginaliaLiveDocuments ??= new Set();
  return registry.marginaliaLiveDocuments;
}

/** Registers a source (on globalThis: Next's route modules and server.ts are separate module graphs). */
export function registerLiveDocuments(source: LiveDocumentSource): () => void {
  sources().add(source);
  return () => sources().delete(source);
}

/** The live copy of a document in this process, if a collaboration server has it loaded. */
export function liveDocument(documentId: string): { doc: Y.Doc; source: LiveDocumentSource } | null {
  for (const source of sources()) {
    const doc = source.get(documentId);
    if (doc) return { doc, source };
  }
  return null;
}

/** Waits until stored selectors reflect the live text, so a read right after an edit sees it. */
export async function settleAnchors(documentId: string): Promise<void> {
  await liveDocument(documentId)?.source.reanchor?.(documentId);
}

/** Closes every open connection to documents that were just deleted (in every source of this process). */
export function closeLiveDocuments(documentIds: string[]): void {
  for (const source of sources()) for (const id of documentIds) source.closeDeleted?.(id);
}
