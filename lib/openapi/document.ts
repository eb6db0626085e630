/**
 * The OpenAPI 3.1 document of the HTTP API, built from lib/openapi/operations.ts: request bodies
 * and query parameters are the JSON Schema (2020-12, as OpenAPI 3.1 uses) of the zod schemas that
 * validate them.
 */
import { z } from "zod";
import { OPERATIONS, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

const ERROR_MEANING: Record<number, string> = {
  400: "Malformed request (the body names the field)",
  401: "Not signed in, or the token is unknown",
  403: "Signed in, but the role does not allow it",
  404: "No such resource, or not visible to the caller",
  409: "Conflicts with the current state",
  410: "Gone (deleted, expired or revoked)",
  412: "Stale If-Match",
  413: "Too large",
  415: "Unsupported media type",
  422: "Well-formed but impossible (e.g. a quote that is not in the text)",
  429: "Rate-limited; Retry-After says when to try again",
  503: "Temporarily unavailable; Retry-After says when to try again, nothing was changed",
};

/** JSON Schema of what a client sends (zod's input side: before defaults and transforms). */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function operationId(op: Operation): string {
  const words = op.path
    .replace(/^\/api\/(v1\/)?/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `by-${part.slice(1, -1)}` : part))
    .join("-");
  return `${op.method.toLowerCase()}-${words || "root"}`.replace(/[^A-Za-z0-9-]/g, "-");
}

function parametersOf(op: Operation): JsonSchema[] {
  const params: JsonSchema[] = [];
  for (const [, name] of op.path.matchAll(/\{([^}]+)\}/g)) {
    const schema = op.pathParams?.[name] ? jsonSchemaOf(op.pathParams[name]) : { type: "string" };
    params.push({ name, in: "path", required: true, schema });
  }
  if (op.query) {
    const query = jsonSchemaOf(op.query);
    const properties = (query.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(properties)) params.push({ name, in: "query", required: required.has(name), schema });
  }
  return params;
}

function responsesOf(op: Operation): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, description] of Object.entries(op.responses)) responses[status] = { description };
  for (const status of [...(op.errors ?? []), ...(op.access === "public" ? [] : [503])]) {
    responses[String(status)] ??= { description: ERROR_MEANING[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return responses;
}

export function openApiDocument(origin: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) {
    const entry: JsonSchema = {
      operationId: operationId(op),
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      parameters: parametersOf(op),
      responses: responsesOf(op),
    };
    if (op.access === "public") entry.security = [];
    if (op.body) entry.requestBody = { required: true, content: { [op.bodyType ?? "application/json"]: { schema: jsonSchemaOf(op.body) } } };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = entry;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Marginalia API",
      version: "1",
      description:
        "Groups, documents, annotations (W3C Web Annotation Protocol), discussion and moderation. Authenticate with a personal token (`Authorization: Bearer …`, from POST /api/v1/tokens) or the browser session; session-authenticated writes must come from the app's own origin with a JSON body.",
    },
    servers: [{ url: origin }],
    security: [{ bearer: [] }, { session: [] }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session (same-origin writes only)" },
      },
    },
  };
}
