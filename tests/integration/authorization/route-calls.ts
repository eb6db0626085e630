import path from "node:path";
import { NextRequest } from "next/server";
import { call } from "../http";
import type { World } from "./fixtures";
import type { Outcome, Person } from "./matrix";
import type { RouteEntry, RouteRequest } from "./routes";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
type Handler = Parameters<typeof call>[0];

/** The status each refusal answers on the API. */
export const STATUS: Record<Exclude<Outcome, "ok">, number> = { unauthenticated: 401, hidden: 404, forbidden: 403, refused: 422 };

/** A response that never ends (server-sent events): its status, then the stream is cancelled. */
async function callStream(handler: Handler, method: string, req: RouteRequest, token?: string) {
  const headers = new Headers(req.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  const controller = new AbortController();
  const request = new NextRequest(new URL(req.path ?? "/", "http://marginalia.test"), { method, headers, signal: controller.signal });
  const response = await handler(request, { params: Promise.resolve(req.params ?? {}) });
  controller.abort();
  await response.body?.cancel().catch(() => {});
  return { status: response.status };
}

/** Calls an entry's handler in-process, as the person (with their token, or the one given). */
export async function callRoute(entry: RouteEntry, w: World, person: Person, token: string | undefined) {
  const mod = (await import(path.join(ROOT, entry.file))) as Record<string, Handler>;
  const handler = mod[entry.method];
  const req = await entry.request(w, person);
  if (entry.stream) return callStream(handler, entry.method, req, token);
  return call(handler, { method: entry.method, token, ...req });
}

/**
 * What an entry's rule says a person gets, as the test compares it: the status, and for an entry
 * that governs part of an answer (entry.part) whether that part is in it.
 */
export function expectedAnswer(entry: RouteEntry, outcome: Outcome): string {
  const status = outcome === "ok" ? entry.ok : STATUS[outcome];
  if (!entry.part) return String(status);
  if (outcome === "ok") return `${entry.ok} with ${entry.part.name}`;
  return outcome === "forbidden" ? `${entry.ok} without ${entry.part.name}` : String(status);
}

/** What a person got, in expectedAnswer's terms. */
export function observedAnswer(entry: RouteEntry, response: { status: number; data?: unknown }, w: World, person: Person): string {
  if (!entry.part || response.status !== entry.ok) return String(response.status);
  return `${response.status} ${entry.part.shown(response.data, w, person) ? "with" : "without"} ${entry.part.name}`;
}

export const routeName = (entry: RouteEntry) =>
  `${entry.method} ${entry.file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}${entry.variant ? ` (${entry.variant})` : ""} — ${entry.rule.name}`;
