import { componentLogger, errorFields } from "../log";

export const NDJSON_TYPE = "application/x-ndjson";

/** Whether the client asked for a stream of JSON lines (Accept: application/x-ndjson). */
export function wantsNdjson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").toLowerCase().split(",").some((range) => range.split(";")[0].trim() === NDJSON_TYPE);
}

/**
 * A 200 response that streams one JSON value per line while `produce` runs. Failures of the
 * request as a whole must be thrown before calling this; an unexpected one midway ends the
 * stream with an `{"error"}` line. A client that goes away does not stop the work.
 */
export function ndjsonResponse(produce: (send: (value: unknown) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (value: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch {
          open = false;
        }
      };
      try {
        await produce(send);
      } catch (error) {
        componentLogger("api").error(errorFields(error), "NDJSON stream failed");
        send({ error: { code: "internal_error", message: "Something went wrong on our side; the lines before this one stand" } });
      }
      if (open) controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": `${NDJSON_TYPE}; charset=utf-8`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
