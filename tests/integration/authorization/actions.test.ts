import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The seams: outside a Next request there are no request headers, so the test gives the action
// the host and the person's real session cookie (currentUser() checks it against the session
// table as in production), and ending the session (after deleting the account) has no cookie to
// clear. Commands and policies run for real.
const session = vi.hoisted(() => ({ cookie: "" }));
vi.mock("@/lib/auth/config", async (importOriginal) => ({ ...(await importOriginal<object>()), signOut: async () => {} }));
// Outside a Next request there is no cache to revalidate and no request headers to read.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => new Headers({ host: "marginalia.test", cookie: session.cookie }) }));

import { ACTIONS_MATRIX, type ActionEntry } from "./actions";
import { createUser, sessionCookieFor } from "../../factories";
import { userOf, world, type World } from "./fixtures";
import { expectedRow, PEOPLE, type Outcome, type Person } from "./matrix";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SESSION_ENDED = "Your session has ended; sign in again";

/** What a server action's answer means: its form state's error message, `{ok: true}`, or Next's redirect. */
function outcomeOf(entry: ActionEntry, result: unknown): { outcome: Outcome | "unexpected"; detail: string } {
  if (result instanceof Error) {
    const digest = (result as Error & { digest?: string }).digest ?? "";
    const redirectedTo = digest.startsWith("NEXT_REDIRECT;") ? digest.split(";")[2] : null;
    return { outcome: entry.redirects && redirectedTo?.startsWith(entry.redirects) ? "ok" : "unexpected", detail: digest || result.message };
  }
  const state = (result ?? {}) as { ok?: boolean; error?: string; fields?: unknown };
  if (state.ok && !entry.redirects) return { outcome: "ok", detail: "ok" };
  const error = state.error ?? "";
  if (error === SESSION_ENDED) return { outcome: "unauthenticated", detail: error };
  if (/ not found$/.test(error)) return { outcome: "hidden", detail: error };
  // Anything else with no field errors is a refusal (ForbiddenError); a validation error would name fields.
  if (error && !state.fields) return { outcome: "forbidden", detail: error };
  return { outcome: "unexpected", detail: JSON.stringify(state) };
}

async function run(entry: ActionEntry, w: World, person: Person) {
  const mod = (await import(path.join(ROOT, entry.file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const userId = entry.ownAccount && person !== "anonymous" ? (await createUser()).id : userOf(w, person)?.id;
  session.cookie = userId ? await sessionCookieFor(userId) : "";
  try {
    return outcomeOf(entry, await entry.invoke!(mod[entry.name], w, person));
  } catch (error) {
    return outcomeOf(entry, error);
  } finally {
    session.cookie = "";
  }
}

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("server actions: every role × every action, outcome derived from the policy table", () => {
  it("calls every action but the four that start or end the session itself (no actor to authorize; driven through their forms in the browser tests)", () => {
    // tests/e2e/onboarding.test.ts signs up (signUpAction), signs out (signOutAction); tests/e2e/helpers.ts signIn (signInAction);
    // oauthSignInAction only acts for configured OAuth providers. Any other entry without `invoke` fails here.
    expect(ACTIONS_MATRIX.filter((entry) => !entry.invoke).map((entry) => entry.name).sort()).toEqual(["oauthSignInAction", "signInAction", "signOutAction", "signUpAction"]);
  });

  for (const entry of ACTIONS_MATRIX.filter((e) => e.invoke)) {
    const name = `${entry.name}${entry.variant ? ` (${entry.variant})` : ""} — ${entry.rule.name}`;
    it(name, async () => {
      const want = expectedRow(entry.rule, (outcome) => outcome);
      const got: Record<string, string> = {};
      const details: Record<string, string> = {};
      for (const person of PEOPLE) ({ outcome: got[person], detail: details[person] } = await run(entry, w, person));
      expect(got, JSON.stringify(details, null, 1)).toEqual(want);
    });
  }
});
