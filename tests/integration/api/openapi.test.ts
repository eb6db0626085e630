import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { METHODS, OPERATIONS } from "@/lib/openapi/operations";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** next-auth's own endpoints are its protocol, not ours to describe. */
const UNDESCRIBED = new Set(["app/api/auth/[...nextauth]/route.ts"]);

/** Every route handler as "METHOD /path/template", read from the files under app/api. */
function routeHandlers(): string[] {
  const files = (readdirSync(path.join(ROOT, "app", "api"), { recursive: true }) as string[])
    .map((f) => path.posix.join("app/api", f.split(path.sep).join("/")))
    .filter((f) => /(^|\/)route\.(ts|tsx)$/.test(f) && !UNDESCRIBED.has(f));
  return files.flatMap((file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const methods = [...source.matchAll(/^export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/gm)].map((m) => m[1]).filter((m) => (METHODS as readonly string[]).includes(m));
    // app/api/v1/groups/[groupId]/route.ts → /api/v1/groups/{groupId}; the W3C container keeps its trailing slash.
    const template = "/" + path.posix.dirname(file).replace(/^app\//, "").replace(/\[([^\]]+)\]/g, "{$1}");
    const withSlash = template === "/api/annotations/{documentId}" ? `${template}/` : template;
    return methods.map((method) => `${method} ${withSlash}`);
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("describes every route handler, and nothing that is not one", () => {
    const described = OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(described).size, "an operation is listed twice").toBe(described.length);
    const present = routeHandlers();
    expect(present.filter((h) => !described.includes(h)), "route handlers without an entry in lib/openapi/operations.ts").toEqual([]);
    expect(described.filter((d) => !present.includes(d)), "entries in lib/openapi/operations.ts without a route handler").toEqual([]);
  });

  it("serves a valid OpenAPI 3.1 document whose request schemas are the validating zod schemas", async () => {
    const response = await GET(new NextRequest("http://marginalia.test/api/v1/openapi.json"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://marginalia.test" }]);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);

    // The group create body carries the rules of groupCreateInput (name required, 1–120 characters).
    const create = doc.paths["/api/v1/groups"].post.requestBody.content["application/json"].schema;
    expect(create.required).toContain("name");
    expect(create.properties.name).toMatchObject({ type: "string", minLength: 1, maxLength: 120 });
    // Query parameters come from the query schemas: the queue's filter is its enum.
    const queue = doc.paths["/api/v1/groups/{groupId}/moderation/queue"].get.parameters;
    expect(queue.find((p: { name: string }) => p.name === "filter").schema.enum).toEqual(["pending", "flagged", "hidden", "spam"]);
    // Public operations say so; the rest need a token or the session.
    expect(doc.paths["/api/health"].get.security).toEqual([]);
    expect(doc.paths["/api/v1/me"].get.security).toBeUndefined();
  });
});
