import { can } from "./index";
import type { Viewer } from "./annotations";

/** A flag is between the person who raised it and the group's moderators; to anyone else it does not exist (404). */
export function canSeeFlag(viewer: Viewer, flag: { userId: string }): boolean {
  return (viewer.userId !== null && viewer.userId === flag.userId) || can(viewer.membership, "moderation.read");
}
