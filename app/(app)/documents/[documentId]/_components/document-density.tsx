import type { GroupViewer } from "@/lib/policies/viewer";
import { groupDensity } from "@/lib/queries/engagement";
import { TextDensityStrip } from "@/components/engagement/text-density-strip";

/**
 * The moderators' density strip beside the text, read on its own: the page streams it in after
 * the text (it sits absolutely beside it, so arriving later moves nothing).
 */
export async function DocumentDensity({ viewer, documentId }: { viewer: GroupViewer; documentId: string }) {
  const [density] = await groupDensity(viewer, documentId);
  return density ? <TextDensityStrip buckets={density.buckets} total={density.total} /> : null;
}
