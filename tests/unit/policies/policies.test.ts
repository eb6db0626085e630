import { describe, expect, it } from "vitest";
import { ACTION_NAMES, abilities, authorize, can, ITEM_RULES, ROLES, roleRank, type Action, type ItemAction, type ItemOf, type Role, type RoleAction } from "@/lib/policies";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { AnnotationFacts, Viewer } from "@/lib/policies/annotations";

// The expected matrix is written out by hand, independently of the table, so a change to
// the table that is not also made here fails. For an action on one item this is its role part;
// the item cases are the truth table further down.
const EXPECTED: Record<string, Role> = {
  "group.read": "viewer",
  "group.update": "owner",
  "group.delete": "owner",
  "member.manage": "owner",
  "member.invite": "owner",
  "member.mute": "moderator",
  "member.change": "moderator",
  "member.emails": "moderator",
  "document.read": "viewer",
  "document.create": "editor",
  "document.update": "editor",
  "document.edit": "editor",
  "document.delete": "owner",
  "annotation.create": "member",
  "annotation.react": "member",
  "annotation.edit": "member",
  "annotation.delete": "viewer",
  "annotation.reply": "member",
  "annotation.resolve": "viewer",
  "annotation.flag": "viewer",
  "annotation.reattach": "member",
  "annotation.moderate": "moderator",
  "thread.lock": "moderator",
  "moderation.read": "moderator",
  "flag.read": "viewer",
  "moderation.note": "moderator",
};
const POSTING = new Set(["document.create", "document.update", "document.edit", "annotation.create", "annotation.react", "annotation.edit", "annotation.reply"]);
const ON_ONE_ITEM = ["annotation.delete", "annotation.edit", "annotation.flag", "annotation.react", "annotation.reattach", "annotation.reply", "annotation.resolve", "flag.read", "member.change", "member.invite"];

const roleActions = ACTION_NAMES.filter((a): a is RoleAction => !(a in ITEM_RULES));

describe("policies: role × action matrix", () => {
  it("covers exactly the actions of the table", () => {
    expect([...ACTION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(ITEM_RULES).sort()).toEqual(ON_ONE_ITEM);
  });

  for (const action of ACTION_NAMES) {
    for (const role of ROLES) {
      for (const muted of [false, true]) {
        const expected = roleRank(role) >= roleRank(EXPECTED[action]) && !(muted && POSTING.has(action));
        it(`${role}${muted ? " (muted)" : ""} ${expected ? "holds" : "does not hold"} ${action}`, () => {
          expect(abilities({ role, muted })[action]).toBe(expected);
          if (!roleActions.includes(action as RoleAction)) return;
          const roleAction = action as RoleAction;
          expect(can({ role, muted }, roleAction)).toBe(expected);
          if (expected) expect(() => authorize({ role, muted }, roleAction)).not.toThrow();
          else expect(() => authorize({ role, muted }, roleAction)).toThrow(ForbiddenError);
        });
      }
    }
  }

  for (const action of roleActions) {
    it(`an outsider may not ${action} and gets NotFound, not Forbidden`, () => {
      expect(can(null, action)).toBe(false);
      expect(() => authorize(null, action)).toThrow(NotFoundError);
    });
  }

  it("abilities lists every action", () => {
    const a = abilities({ role: "editor", muted: false });
    expect(Object.keys(a).sort()).toEqual([...ACTION_NAMES].sort());
    expect(a["document.edit"]).toBe(true);
    expect(a["annotation.moderate"]).toBe(false);
    expect(abilities(null)["group.read"]).toBe(false);
  });
});

/**
 * The per-item rules, written out by hand: what `authorize` answers (ok, or the HTTP status of
 * the error it throws) for each person on each item. "me" is the person asking; "them" is
 * someone else. Columns: the group's roles, a muted member, a muted moderator, and an outsider.
 */
const PERSONS = ["viewer", "member", "muted", "editor", "moderator", "mutedMod", "owner", "outsider"] as const;
const MEMBERSHIPS: Record<(typeof PERSONS)[number], { role: Role; muted: boolean } | null> = {
  viewer: { role: "viewer", muted: false },
  member: { role: "member", muted: false },
  muted: { role: "member", muted: true },
  editor: { role: "editor", muted: false },
  moderator: { role: "moderator", muted: false },
  mutedMod: { role: "moderator", muted: true },
  owner: { role: "owner", muted: false },
  outsider: null,
};

type Item = AnnotationFacts & { threadId: string | null };
const note = (authorId: "me" | "them", extra: Partial<Item> = {}): Item => ({ authorId, visibility: "group", status: "approved", locked: false, thread: null, threadId: null, ...extra });
const reply = (authorId: "me" | "them", thread: Partial<AnnotationFacts> = {}): Item => ({ ...note(authorId), threadId: "root", thread: { authorId: "them", visibility: "group", status: "approved", locked: false, ...thread } });

const CASES: Record<string, { action: ItemAction; item: ItemOf<ItemAction>; hiddenUntilPosted?: boolean }> = {
  "edit: own note": { action: "annotation.edit", item: note("me") },
  "edit: another's note": { action: "annotation.edit", item: note("them") },
  "edit: own pending note": { action: "annotation.edit", item: note("me", { status: "pending" }) },
  "edit: another's private note": { action: "annotation.edit", item: note("them", { visibility: "private" }) },
  "edit: own reply in a locked thread": { action: "annotation.edit", item: reply("me", { locked: true }) },
  "delete: own note": { action: "annotation.delete", item: note("me") },
  "delete: another's note": { action: "annotation.delete", item: note("them") },
  "delete: another's hidden note": { action: "annotation.delete", item: note("them", { status: "hidden" }) },
  "reply: open thread": { action: "annotation.reply", item: note("them") },
  "reply: locked thread": { action: "annotation.reply", item: note("them", { locked: true }) },
  "reply: to a reply in a locked thread": { action: "annotation.reply", item: reply("them", { locked: true }) },
  "reply: another's pending note": { action: "annotation.reply", item: note("them", { status: "pending" }) },
  "resolve: own thread": { action: "annotation.resolve", item: note("me") },
  "resolve: another's thread": { action: "annotation.resolve", item: note("them") },
  "resolve: own reply": { action: "annotation.resolve", item: reply("me") },
  "reattach: own note": { action: "annotation.reattach", item: note("me") },
  "reattach: another's note": { action: "annotation.reattach", item: note("them") },
  "reattach: another's private note": { action: "annotation.reattach", item: note("them", { visibility: "private" }) },
  "flag: another's note": { action: "annotation.flag", item: note("them") },
  "flag: own note": { action: "annotation.flag", item: note("me") },
  "flag: another's hidden note": { action: "annotation.flag", item: note("them", { status: "hidden" }) },
  "flag: another's note, hidden until I post": { action: "annotation.flag", item: note("them"), hiddenUntilPosted: true },
  "react: another's note": { action: "annotation.react", item: note("them") },
  "react: another's pending note": { action: "annotation.react", item: note("them", { status: "pending" }) },
  "see a flag: own": { action: "flag.read", item: { userId: "me" } },
  "see a flag: another's": { action: "flag.read", item: { userId: "them" } },
  "invite as viewer": { action: "member.invite", item: "viewer" },
  "invite as moderator": { action: "member.invite", item: "moderator" },
  "invite as owner": { action: "member.invite", item: "owner" },
  "change a member": { action: "member.change", item: { role: "member" } },
  "change an editor": { action: "member.change", item: { role: "editor" } },
  "change a moderator": { action: "member.change", item: { role: "moderator" } },
  "change an owner": { action: "member.change", item: { role: "owner" } },
};

const TRUTH = `
                                               viewer member muted editor moderator mutedMod owner outsider
edit: own note                                   403    ok    403    ok      ok       403     ok    404
edit: another's note                             403    403   403    403     403      403     403   404
edit: own pending note                           403    ok    403    ok      ok       403     ok    404
edit: another's private note                     404    404   404    404     404      404     404   404
edit: own reply in a locked thread               403    ok    403    ok      ok       403     ok    404
delete: own note                                 ok     ok    ok     ok      ok       ok      ok    404
delete: another's note                           403    403   403    403     403      403     403   404
delete: another's hidden note                    404    404   404    404     403      403     403   404
reply: open thread                               403    ok    403    ok      ok       403     ok    404
reply: locked thread                             403    403   403    403     ok       403     ok    404
reply: to a reply in a locked thread             403    403   403    403     ok       403     ok    404
reply: another's pending note                    404    404   404    404     ok       403     ok    404
resolve: own thread                              ok     ok    ok     ok      ok       ok      ok    404
resolve: another's thread                        403    403   403    403     ok       ok      ok    404
resolve: own reply                               403    403   403    403     403      403     403   404
reattach: own note                               403    ok    403    ok      ok       403     ok    404
reattach: another's note                         403    403   403    403     ok       ok      ok    404
reattach: another's private note                 404    404   404    404     404      404     404   404
flag: another's note                             ok     ok    ok     ok      ok       ok      ok    404
flag: own note                                   422    422   422    422     422      422     422   404
flag: another's hidden note                      404    404   404    404     ok       ok      ok    404
flag: another's note, hidden until I post        404    404   404    404     404      404     404   404
react: another's note                            403    ok    403    ok      ok       403     ok    404
react: another's pending note                    404    404   404    404     ok       403     ok    404
see a flag: own                                  ok     ok    ok     ok      ok       ok      ok    404
see a flag: another's                            404    404   404    404     ok       ok      ok    404
invite as viewer                                 403    403   403    403     403      403     ok    404
invite as moderator                              403    403   403    403     403      403     ok    404
invite as owner                                  403    403   403    403     403      403     ok    404
change a member                                  403    403   403    403     ok       ok      ok    404
change an editor                                 403    403   403    403     ok       ok      ok    404
change a moderator                               403    403   403    403     403      403     ok    404
change an owner                                  403    403   403    403     403      403     ok    404
`;

function parseTruth(text: string) {
  const [header, ...rows] = text.split("\n").filter((line) => line.trim());
  const columns = header.trim().split(/\s+/);
  return Object.fromEntries(
    rows.map((row) => {
      const cells = row.trim().split(/\s{2,}/);
      const outcomes = cells.slice(1).join(" ").split(/\s+/);
      return [cells[0], Object.fromEntries(columns.map((c, i) => [c, outcomes[i]]))];
    }),
  ) as Record<string, Record<string, string>>;
}

function answer(viewer: Viewer, action: ItemAction, item: ItemOf<ItemAction>): string {
  try {
    authorize(viewer, action as "annotation.edit", item as AnnotationFacts);
    return "ok";
  } catch (error) {
    return error instanceof AppError ? String(error.status) : `threw ${String(error)}`;
  }
}

describe("policies: per-item rules, person × case", () => {
  const truth = parseTruth(TRUTH);

  it("the truth table names every case and only those", () => {
    expect(Object.keys(truth).sort()).toEqual(Object.keys(CASES).sort());
    const actions = new Set(Object.values(CASES).map((c) => c.action));
    expect([...actions].sort()).toEqual(ON_ONE_ITEM);
  });

  for (const [name, { action, item, hiddenUntilPosted }] of Object.entries(CASES)) {
    it(name, () => {
      const got: Record<string, string> = {};
      const agrees: Record<string, boolean> = {};
      for (const person of PERSONS) {
        const viewer: Viewer = { userId: "me", membership: MEMBERSHIPS[person], hiddenUntilPosted };
        got[person] = answer(viewer, action, item);
        agrees[person] = can(viewer, action as "annotation.edit", item as AnnotationFacts) === (got[person] === "ok");
      }
      expect(got).toEqual(truth[name]);
      expect(Object.values(agrees).every(Boolean), "can() and authorize() agree").toBe(true);
    });
  }

  it("an outsider's refusal says the item is not found, a member's what they lack", () => {
    expect(() => authorize({ userId: "me", membership: null }, "annotation.edit", note("me"))).toThrow("Annotation not found");
    expect(() => authorize({ userId: "me", membership: MEMBERSHIPS.member }, "annotation.edit", note("them"))).toThrow("Only the author may edit an annotation");
    expect(() => authorize({ userId: "me", membership: MEMBERSHIPS.muted }, "annotation.reply", note("them"))).toThrow(ForbiddenError);
    expect(() => authorize({ role: "editor", muted: true }, "document.create")).toThrow("You are muted in this group");
    expect(() => authorize({ role: "viewer", muted: true }, "document.create")).toThrow("Your role does not allow: create and import documents");
    // Inviting is the owners' today, so the cap at one's own role answers nobody yet; the role part does.
    expect(() => authorize({ role: "moderator", muted: false }, "member.invite", "viewer")).toThrow("Your role does not allow: invite people");
  });

  it("a bare membership is nobody's author: it never owns an item", () => {
    expect(can({ role: "member", muted: false }, "annotation.edit", note("me"))).toBe(false);
    expect(can({ role: "member", muted: false }, "annotation.flag", note("me"))).toBe(true);
  });
});

/** Actions are strings the UI and API see; keep them lowercase dotted words. */
it("action names are dotted lowercase words", () => {
  for (const action of ACTION_NAMES as Action[]) expect(action).toMatch(/^[a-z]+\.[a-z]+$/);
});
