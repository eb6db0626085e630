import type { MembershipLike } from "./index";
import { isHiddenUntilPosted, seesPeersAnonymously, type Viewer } from "./annotations";

/**
 * The actor as one group's policies see them. The group travels with the membership, so a guarded
 * query reads that group and no other: a viewer built for one group cannot open another's data.
 */
export type GroupViewer = Viewer & { groupId: string };

/** What viewerFor needs: who, their membership, the group's and (when reading one) the document's seminar settings. */
export type ViewerFacts = {
  userId: string | null;
  groupId: string;
  membership: MembershipLike;
  group: { anonymousToPeers: boolean };
  /** The document being read: hide-and-reveal holds others' notes back per document until the viewer posts there. */
  document?: { hideUntilPosted: boolean; posted: boolean };
};

/**
 * The one way a viewer is built, for HTTP, server actions, the collaboration server, notifications
 * and digests alike; the loaders differ only in how they fetch the facts (one row, or a batch).
 */
export function viewerFor(facts: ViewerFacts): GroupViewer {
  const viewer: GroupViewer = { userId: facts.userId, groupId: facts.groupId, membership: facts.membership };
  viewer.anonymousPeers = seesPeersAnonymously(viewer, facts.group);
  if (facts.document && facts.userId) viewer.hiddenUntilPosted = isHiddenUntilPosted(viewer, facts.document, facts.document.posted);
  return viewer;
}
