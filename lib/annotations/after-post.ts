import notifyDiscussion from "../commands/notify-discussion";
import { notifyModeratorsOfPendingPost } from "../commands/notify-moderators";

/**
 * Notifications that follow a post or an edit, after its transaction committed: moderators
 * about a pending item, members about mentions, replies and followed documents. The post is
 * saved whatever happens here, so a failure is logged, not thrown at the author.
 */
export async function notifyAfterPost(annotationId: string) {
  try {
    await notifyModeratorsOfPendingPost({ annotationId });
    await notifyDiscussion({ annotationId });
  } catch (error) {
    console.error(`[notifications] notifying about ${annotationId} failed`, error);
  }
}
