import { PayloadTooLargeError, ValidationError } from "../errors";

/** Default cap for JSON bodies; document imports pass a larger one. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** Reads the body as text, refusing (413) before buffering more than `limit` bytes. */
export async function readBodyText(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new PayloadTooLargeError(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Parses a JSON body; malformed JSON is a 400 that says so. */
export async function readJson(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (!text.trim()) throw new ValidationError("The request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON");
  }
}

/** Parses a JSON body that must be an object (not an array, string or null). */
export async function readJsonObject(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<Record<string, unknown>> {
  const value = await readJson(request, limit);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ValidationError("The request body must be a JSON object");
  return value as Record<string, unknown>;
}
