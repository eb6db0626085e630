import type { NextRequest } from "next/server";
import { actorFromRequest, type Actor } from "../auth/current-user";
import { authenticationSucceeded, beginAuthentication } from "../auth/rate-limit";
import { UnauthorizedError, ValidationError } from "../errors";
import { clientAddress } from "./client-address";
import { assertSameSiteWrite, isSameSiteWrite } from "./csrf";
import { toErrorResponse } from "./errors";
import { publicOrigin } from "./origin";

type Params = Record<string, string>;
export type RouteContext<P extends Params> = { request: NextRequest; params: P; actor: Actor | null; origin: string };
type AuthedContext<P extends Params> = RouteContext<P> & { actor: Actor };

/**
 * Origin for absolute IRIs (lib/http/origin.ts); a request built in-process without a Host header
 * (tests) uses its URL's host. A malformed Host or forwarded host is a 400, never an IRI.
 */
export function originOf(request: Request): string {
  const origin = publicOrigin(request.headers, new URL(request.url).host);
  if (!origin) throw new ValidationError("The Host header is not a valid host name");
  return origin;
}

/**
 * Wraps a route handler: resolves the actor (Bearer token or session), enforces sign-in
 * unless `{ public: true }`, refuses cookie-authenticated writes from other sites (lib/http/csrf.ts),
 * throttles addresses that keep presenting wrong API tokens (429), and maps every thrown error to
 * the documented JSON error.
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
      const origin = originOf(request);
      let actor = await authenticate(request);
      if (!actor && !opts?.public) throw new UnauthorizedError();
      if (actor?.credential.kind === "session") {
        // A public route works without anyone signed in: a cookie that may not speak for this write is just not used.
        if (opts?.public) actor = isSameSiteWrite(request, new URL(request.url).host) ? actor : null;
        else assertSameSiteWrite(request, new URL(request.url).host);
      }
      return await handler({ request, params: await ctx.params, actor, origin });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** The request's actor; a wrong API token counts against the client's address, which is refused once over its budget. */
async function authenticate(request: Request): Promise<Actor | null> {
  if (!request.headers.has("authorization")) return actorFromRequest(request);
  const address = clientAddress(request.headers);
  await beginAuthentication(address);
  try {
    const actor = await actorFromRequest(request);
    await authenticationSucceeded(address);
    return actor;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) await authenticationSucceeded(address);
    throw error;
  }
}

/** 201 with a Location header, as the API promises for every create. */
export function created(body: { id: string }, location: string): Response {
  return Response.json(body, { status: 201, headers: { Location: location } });
}
