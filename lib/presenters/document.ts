import { abilities, type MembershipLike } from "../policies";

type DocumentRow = { id: string; title: string; groupId: string; sourceFormat: string; hideUntilPosted: boolean; createdAt: Date; updatedAt: Date; text: string };

/** Document metadata; `url` is the reading page, absolute against the request's origin. */
export function presentDocument(doc: DocumentRow, origin: string, membership?: NonNullable<MembershipLike>) {
  return {
    id: doc.id,
    title: doc.title,
    groupId: doc.groupId,
    url: `${origin}/documents/${doc.id}`,
    textUrl: `${origin}/api/v1/documents/${doc.id}/text`,
    annotationsUrl: `${origin}/api/annotations/${doc.id}/`,
    format: doc.sourceFormat,
    hideUntilPosted: doc.hideUntilPosted,
    length: [...doc.text].length,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    ...(membership ? { abilities: abilities(membership) } : {}),
  };
}
