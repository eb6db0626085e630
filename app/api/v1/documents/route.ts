import createDocument from "@/lib/commands/create-document";
import { MAX_IMPORT_BYTES } from "@/lib/editor/import";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { presentDocument } from "@/lib/presenters/document";

// POST /api/v1/documents — import text, Markdown or HTML into a new document (editors and up).
export const POST = route(async ({ actor, request, origin }) => {
  // JSON escaping can double the size of the content; the importer enforces the real limit.
  const body = await readJsonObject(request, MAX_IMPORT_BYTES * 2 + 64 * 1024);
  const document = await createDocument({ actorId: actor.id, input: body });
  return created(presentDocument(document, origin), `${origin}/api/v1/documents/${document.id}`);
});
