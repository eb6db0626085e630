import type { Metadata } from "next";
import Link from "next/link";
import { Wordmark } from "@/components/layout/logo";
import { PageContainer } from "@/components/layout/page-container";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { openApiDocument } from "@/lib/openapi/document";
import { requestOrigin } from "@/lib/http/request-origin";

export const metadata: Metadata = { title: "API reference" };

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
type OperationDoc = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
  security?: unknown[];
};

const METHOD_STYLE: Record<string, "success" | "warning" | "destructive" | "secondary" | "owner"> = {
  get: "success",
  head: "secondary",
  options: "secondary",
  post: "owner",
  put: "warning",
  patch: "warning",
  delete: "destructive",
};

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(" | ");
  return typeof schema.type === "string" ? schema.type : "value";
}

/** The HTTP API, read from the same OpenAPI document that /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  const origin = await requestOrigin();
  const doc = openApiDocument(origin) as { info: { description: string }; tags: { name: string }[]; paths: Record<string, Record<string, OperationDoc>> };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

  return (
    <div className="min-h-dvh">
      <header className="border-b">
        <div className="mx-auto flex h-header w-full max-w-page items-center justify-between px-4 sm:px-6 lg:px-8">
          <Link href="/" className="-ml-1 rounded-md px-1 py-1 outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <Wordmark />
            <span className="sr-only">, home</span>
          </Link>
          <ThemeToggle />
        </div>
      </header>
      <main id="main">
        <PageContainer size="reading" spacing="loose">
          <h1 className="font-serif text-3xl font-semibold tracking-tight">API reference</h1>
          <p className="mt-4 text-muted-foreground">{doc.info.description}</p>
          <p className="mt-3 text-sm">
            Machine-readable:{" "}
            <a className="font-medium underline underline-offset-4" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1). Errors are <code className="font-mono text-[0.85em]">{`{"error": {"code", "message"}}`}</code> with the status saying what kind.
          </p>
          <nav aria-label="Sections" className="mt-6 flex flex-wrap gap-2">
            {doc.tags.map((tag) => (
              <a key={tag.name} href={`#${slug(tag.name)}`} className="rounded-full border px-3 py-1 text-sm hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                {tag.name}
              </a>
            ))}
          </nav>

          {doc.tags.map((tag) => (
            <section key={tag.name} aria-labelledby={slug(tag.name)} className="mt-12">
              <h2 id={slug(tag.name)} className="border-b pb-2 text-xl font-semibold">
                {tag.name}
              </h2>
              <ul className="mt-4 space-y-3">
                {operations
                  .filter(({ op }) => op.tags.includes(tag.name))
                  .map(({ path, method, op }) => (
                    <li key={op.operationId} id={op.operationId} className="rounded-lg border bg-card p-4">
                      <h3 className="flex flex-wrap items-center gap-2 text-sm">
                        <Badge variant={METHOD_STYLE[method] ?? "secondary"} className="font-mono uppercase">
                          {method}
                        </Badge>
                        <code className="font-mono break-all">{path}</code>
                        {op.security?.length === 0 ? <Badge variant="outline">no sign-in</Badge> : null}
                      </h3>
                      <p className="mt-2 text-sm">{op.summary}</p>
                      {op.description ? <p className="mt-1 text-sm text-muted-foreground">{op.description}</p> : null}
                      {op.parameters.length > 0 ? (
                        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                          {op.parameters.map((p) => (
                            <div key={`${p.in}-${p.name}`} className="contents">
                              <dt className="font-mono">
                                {p.name}
                                {p.required ? "" : "?"}
                              </dt>
                              <dd className="text-muted-foreground">
                                {p.in} · {typeOf(p.schema)}
                              </dd>
                            </div>
                          ))}
                        </dl>
                      ) : null}
                      {op.requestBody
                        ? Object.entries(op.requestBody.content).map(([type, { schema }]) => (
                            <details key={type} className="mt-3 text-sm">
                              <summary className="cursor-pointer rounded-sm font-medium focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">Request body ({type})</summary>
                              <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">{JSON.stringify(schema, null, 2)}</pre>
                            </details>
                          ))
                        : null}
                      <p className="mt-3 text-xs text-muted-foreground">
                        {Object.entries(op.responses)
                          .map(([status, r]) => `${status} ${r.description}`)
                          .join(" · ")}
                      </p>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </PageContainer>
      </main>
    </div>
  );
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
