import type { World } from "./fixtures";
import { byAction, MEMBERSHIP, PUBLIC, SIGNED_IN, type Outcome, type Person, type Rule } from "./matrix";

/**
 * What a page does for a person: redirects (to sign-in, or on to where they belong), answers
 * Next's notFound(), shows the "for moderators only" notice, or renders.
 */
export type PageOutcome = `redirect:${string}` | "not-found" | "moderators-only" | "render";

export type PageEntry = {
  /** The page file, from the repository root. */
  file: string;
  rule: Rule;
  /** The page's props for the world. */
  props: (w: World) => { params?: Record<string, string>; searchParams?: Record<string, string> };
  /** How a member without the right is told (the app cannot answer 403 from a page). */
  forbidden?: PageOutcome;
  /** Pages whose allowed outcome is a redirect for some people (the home page sends signed-in people on). */
  allowed?: (w: World, p: Person) => PageOutcome;
  /** Where this page departs from the general rule, and why; the report lists these. */
  deviation?: string;
};

/** The general mapping of policy outcomes onto a page. */
export function pageOutcome(entry: PageEntry, outcome: Outcome, w: World, p: Person): PageOutcome {
  if (outcome === "unauthenticated") return "redirect:/signin";
  if (outcome === "hidden") return "not-found";
  if (outcome === "forbidden") return entry.forbidden ?? "moderators-only";
  if (outcome === "refused") throw new Error(`${entry.file}: no page refuses on one item`);
  return entry.allowed ? entry.allowed(w, p) : "render";
}

const group = (w: World) => ({ params: { groupId: w.group.id }, searchParams: {} });

export const PAGES: PageEntry[] = [
  { file: "app/page.tsx", rule: PUBLIC, props: () => ({}), allowed: (_w, p) => (p === "anonymous" ? "render" : "redirect:/groups") },
  { file: "app/(auth)/signin/page.tsx", rule: PUBLIC, props: () => ({ searchParams: {} }) },
  { file: "app/(auth)/signup/page.tsx", rule: PUBLIC, props: () => ({ searchParams: {} }) },
  { file: "app/(auth)/login/page.tsx", rule: PUBLIC, props: () => ({ searchParams: {} }), allowed: () => "redirect:/signin" },
  { file: "app/docs/api/page.tsx", rule: PUBLIC, props: () => ({}) },
  {
    file: "app/invite/[token]/page.tsx",
    rule: PUBLIC,
    props: (w) => ({ params: { token: w.invite.token } }),
    // Someone already in the invitation's group is sent to the group instead of being offered to join.
    allowed: (w, p) => (MEMBERSHIP[p] ? `redirect:/groups/${w.group.id}` : "render"),
  },
  { file: "app/(app)/groups/page.tsx", rule: SIGNED_IN, props: () => ({}) },
  { file: "app/(app)/inbox/page.tsx", rule: SIGNED_IN, props: () => ({ searchParams: {} }) },
  { file: "app/(app)/settings/page.tsx", rule: SIGNED_IN, props: () => ({}) },
  { file: "app/(app)/groups/[groupId]/page.tsx", rule: byAction("group.read"), props: group },
  { file: "app/(app)/groups/[groupId]/search/page.tsx", rule: byAction("document.read"), props: (w) => ({ params: { groupId: w.group.id }, searchParams: { q: "margin" } }) },
  { file: "app/(app)/groups/[groupId]/moderation/page.tsx", rule: byAction("moderation.read"), props: group },
  { file: "app/(app)/groups/[groupId]/moderation/log/page.tsx", rule: byAction("moderation.read"), props: group },
  { file: "app/(app)/groups/[groupId]/engagement/page.tsx", rule: byAction("moderation.read"), props: group },
  { file: "app/(app)/documents/[documentId]/page.tsx", rule: byAction("document.read"), props: (w) => ({ params: { documentId: w.doc.id } }) },
];
