import { readJson } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { consumeAnnotationImport } from "@/lib/security/annotation-rate-limit";
import { UnsupportedMediaTypeError } from "@/lib/w3c/errors";
import { importAnnotations, prepareImport } from "@/lib/w3c/import-annotations";
import { IMPORT_MAX_BYTES } from "@/lib/w3c/import-items";
import { ACCEPTED_POST_TYPES, isJsonContentType } from "@/lib/w3c/media";
import { ndjsonResponse, wantsNdjson } from "@/lib/w3c/ndjson";

// POST /api/v1/documents/{documentId}/annotations/import — create annotations from W3C JSON-LD; NDJSON progress on request.
export const POST = route<{ documentId: string }>(async ({ request, params, actor, origin }) => {
  if (!isJsonContentType(request.headers.get("content-type"))) throw new UnsupportedMediaTypeError(ACCEPTED_POST_TYPES);
  const body = await readJson(request, IMPORT_MAX_BYTES);
  await consumeAnnotationImport(actor.id);
  const { documentId, items } = await prepareImport({ documentId: params.documentId, actorId: actor.id, body });
  const run = (onProgress?: (done: number, total: number) => void) => importAnnotations({ documentId, actorId: actor.id, origin, items, onProgress });
  if (!wantsNdjson(request)) return Response.json(await run());
  return ndjsonResponse(async (send) => send(await run((done, total) => send({ done, total }))));
});
