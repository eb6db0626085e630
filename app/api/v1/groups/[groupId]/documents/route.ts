import { route } from "@/lib/http/route";
import { loadGroupForActor } from "@/lib/queries/memberships";
import { listDocuments } from "@/lib/queries/documents";

// GET /api/v1/groups/{groupId}/documents — the group's documents, most recently changed first.
export const GET = route<{ groupId: string }>(async ({ actor, params, origin }) => {
  const { viewer } = await loadGroupForActor(params.groupId, actor.id, "document.read");
  const documents = await listDocuments(viewer);
  return Response.json({
    items: documents.map((d) => ({
      id: d.id,
      title: d.title,
      url: `${origin}/documents/${d.id}`,
      annotationCount: d._count.annotations,
      createdBy: d.createdBy,
      updatedAt: d.updatedAt.toISOString(),
    })),
  });
});
