import "server-only";
import { db } from "../db";
import { PayloadTooLargeError, UnprocessableError } from "../errors";
import { ImportError, importContent, MAX_IMPORT_BYTES } from "../editor/import";
import { textProjection } from "../editor/projection";
import { jsonToYUpdate } from "../editor/ydoc";
import { authorize } from "../policies";
import { findMembership } from "../queries/memberships";
import { parseInput } from "../validation/parse";
import { documentCreateInput } from "../validation/schemas";

/**
 * Imports text, Markdown or HTML into a new document. The content is written into the
 * document's Yjs state here, once, on the server: clients never seed content, so a
 * reconnect after a restart can never duplicate it.
 */
export default async function createDocument(opts: { actorId: string; input: unknown }) {
  const input = parseInput(documentCreateInput, opts.input);
  authorize(await findMembership(input.groupId, opts.actorId), "document.create");
  let json;
  try {
    json = importContent(input.format, input.content);
  } catch (error) {
    if (error instanceof ImportError && error.code === "too_large") throw new PayloadTooLargeError(MAX_IMPORT_BYTES);
    if (error instanceof ImportError) throw new UnprocessableError(error.message, `import_${error.code}`);
    throw error;
  }
  const yState = Buffer.from(jsonToYUpdate(json));
  return db().$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        groupId: input.groupId,
        createdById: opts.actorId,
        title: input.title,
        sourceFormat: input.format,
        yState,
        text: textProjection(json),
      },
    });
    await tx.group.update({ where: { id: input.groupId }, data: { updatedAt: new Date() } });
    return document;
  });
}
