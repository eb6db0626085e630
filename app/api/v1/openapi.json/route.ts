import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/v1/openapi.json — this API described as OpenAPI 3.1, generated from its request schemas.
export const GET = route(async ({ origin }) => Response.json(openApiDocument(origin), { headers: { "Cache-Control": "public, max-age=300" } }), { public: true });
