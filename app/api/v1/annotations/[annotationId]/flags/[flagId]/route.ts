import { route } from "@/lib/http/route";
import { presentFlag } from "@/lib/presenters/moderation";
import { findFlag } from "@/lib/queries/moderation";

// GET /api/v1/annotations/{annotationId}/flags/{flagId} — one flag, for the person who raised it and for moderators.
export const GET = route<{ annotationId: string; flagId: string }>(async ({ actor, params }) => {
  const flag = await findFlag(params.annotationId, params.flagId, actor.id);
  return Response.json({ ...presentFlag(flag), resolved: flag.resolvedAt !== null });
});
