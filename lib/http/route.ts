import type { NextRequest } from "next/server";
import { actorFromRequest, type Actor } from "../auth/current-user";
import { env } from "../env";
import { UnauthorizedError } from "../errors";
import { toErrorResponse } from "./errors";

type Params = Record<string, string>;
export type RouteContext<P extends Params> = { request: NextRequest; params: P; actor: Actor | null; origin: string };
type AuthedContext<P extends Params> = RouteContext<P> & { actor: Actor };

/**
 * Origin for absolute IRIs: APP_URL when set, else the Host the client used (Next's request.url
 * carries the port it was configured with, which is wrong when the server picked its own).
 */
export function originOf(request: Request): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host) ? `${url.protocol}//${host}` : url.origin;
}

/**
 * Wraps a route handler: resolves the actor (Bearer token or session), enforces sign-in
 * unless `{ public: true }`, and maps every thrown error to the documented JSON error.
 */
export function route<P extends Params = Params>(
  handler: (ctx: AuthedContext<P>) => Promise<Response>,
): (request: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;
export function route<P extends Params = Params>(
  handler: (ctx: RouteContext<P>) => Promise<Response>,
  opts: { public: true },
): (request: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;
export function route<P extends Params>(handler: (ctx: any) => Promise<Response>, opts?: { public?: boolean }) {
  return async (request: NextRequest, ctx: { params: Promise<P> }) => {
    try {
      const actor = await actorFromRequest(request);
      if (!actor && !opts?.public) throw new UnauthorizedError();
      return await handler({ request, params: await ctx.params, actor, origin: originOf(request) });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** 201 with a Location header, as the API promises for every create. */
export function created(body: { id: string }, location: string): Response {
  return Response.json(body, { status: 201, headers: { Location: location } });
}
