import path from "node:path";
import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The one seam: outside a Next request there are no request headers, so the test gives the page
// the host and the person's real session cookie; currentUser() checks it against the session
// table as in production, and queries and policies run for real.
const session = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => new Headers({ host: "marginalia.test", cookie: session.cookie }) }));

import { ModeratorsOnly } from "@/app/(app)/groups/[groupId]/moderation/_components/moderators-only";
import { sessionCookieFor } from "../../factories";
import { userOf, world, type World } from "./fixtures";
import { expectedOutcome, PEOPLE, type Person } from "./matrix";
import { PAGES, pageOutcome, type PageEntry } from "./pages";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Whether the element tree the page returned shows the moderators-only notice (its own props walked, not rendered). */
function shows(node: ReactNode | unknown, component: unknown, depth = 0): boolean {
  if (depth > 40 || node === null || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some((child) => shows(child, component, depth + 1));
  if (!isValidElement(node)) return false;
  if (node.type === component) return true;
  return Object.values(node.props as Record<string, unknown>).some((value) => shows(value, component, depth + 1));
}

/** Calls the page's server component as Next would and reads what it decided. */
async function visit(entry: PageEntry, w: World, person: Person): Promise<string> {
  const Page = ((await import(path.join(ROOT, entry.file))) as { default: (props: unknown) => Promise<ReactNode> }).default;
  const { params = {}, searchParams = {} } = entry.props(w);
  const userId = userOf(w, person)?.id;
  session.cookie = userId ? await sessionCookieFor(userId) : "";
  try {
    const element = await Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
    return shows(element, ModeratorsOnly) ? "moderators-only" : "render";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? (error as Error).message);
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect:${digest.split(";")[2].split("?")[0]}`;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not-found";
    return `error: ${digest}`;
  } finally {
    session.cookie = "";
  }
}

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("pages: every role × every page, outcome derived from the policy table", () => {
  for (const entry of PAGES) {
    it(`${entry.file.replace(/^app\//, "")} — ${entry.rule.name}${entry.deviation ? " (deviation: " + entry.deviation + ")" : ""}`, async () => {
      const want = Object.fromEntries(PEOPLE.map((p) => [p, pageOutcome(entry, expectedOutcome(entry.rule, p), w, p)]));
      const got: Record<string, string> = {};
      for (const person of PEOPLE) got[person] = await visit(entry, w, person);
      expect(got).toEqual(want);
    });
  }
});
