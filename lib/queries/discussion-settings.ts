import { db } from "../db";
import { postersAmong } from "./visibility";

/** A document's hide-and-reveal and its group's anonymity, and which of the users have posted on it: what live delivery needs to build each viewer. */
export async function discussionSettings(documentId: string, users: string[]) {
  const document = await db().document.findUnique({ where: { id: documentId }, select: { hideUntilPosted: true, group: { select: { anonymousToPeers: true } } } });
  const settings = { document: { hideUntilPosted: document?.hideUntilPosted ?? false }, group: { anonymousToPeers: document?.group.anonymousToPeers ?? false } };
  if (!settings.document.hideUntilPosted) return { ...settings, posted: new Set<string>() };
  return { ...settings, posted: await postersAmong(documentId, users) };
}
