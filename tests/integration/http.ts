import { NextRequest } from "next/server";

type Handler = (request: NextRequest, ctx: { params: Promise<any> }) => Promise<Response>;

/** Calls a route handler the way Next would, with a Bearer token or a raw body when given. */
export async function call(
  handler: Handler,
  opts: { method?: string; path?: string; params?: Record<string, string>; token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body: string | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers.set("content-type", "application/json");
  }
  const request = new NextRequest(new URL(opts.path ?? "/", "http://marginalia.test"), { method: opts.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  let data: any = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: response.status, headers: response.headers, data, text };
}
