import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { canSeeFlag } from "@/lib/policies/flags";
import { presentFlag } from "@/lib/presenters/moderation";
import { listFlags, loadAnnotationForViewer } from "@/lib/queries/moderation";

// GET /api/v1/annotations/{annotationId}/flags/{flagId} — one flag, for the person who raised it and for moderators.
export const GET = route<{ annotationId: string; flagId: string }>(async ({ actor, params }) => {
  const { annotation, viewer } = await loadAnnotationForViewer(params.annotationId, actor.id);
  const flag = (await listFlags(annotation.id)).find((f) => f.id === params.flagId);
  if (!flag || !canSeeFlag(viewer, flag)) throw new NotFoundError("Flag");
  return Response.json({ ...presentFlag(flag), resolved: flag.resolvedAt !== null });
});
