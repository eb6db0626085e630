import notifyDiscussion from "../commands/notify-discussion";
import { notifyModeratorsOfPendingPost } from "../commands/notify-moderators";
import { isDatabaseOutage } from "../health/dependency";
import { componentLogger, errorFields } from "../log";

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
    if (!isDatabaseOutage(error, "notifying about an annotation")) componentLogger("notifications").error({ annotationId, ...errorFields(error) }, "notifying about an annotation failed");
  }
}
