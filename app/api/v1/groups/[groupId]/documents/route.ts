import { route } from "@/lib/http/route";
import { authorize } from "@/lib/policies";
import { findMembership } from "@/lib/queries/memberships";
import { listDocuments } from "@/lib/queries/documents";

// GET /api/v1/groups/{groupId}/documents — the group's documents, most recently changed first.
export const GET = route<{ groupId: string }>(async ({ actor, params, origin }) => {
  const membership = await findMembership(params.groupId, actor.id);
  authorize(membership, "document.read");
  const documents = await listDocuments(params.groupId, { userId: actor.id, membership });
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
