/**
 * What each person may do, written out by hand from the roles page of the API contract — never
 * computed from lib/policies, which is what the matrix tests. A change of who may do what has to
 * be made both in the policy table and here, or the matrix fails.
 *
 * Outcomes: ok; 404 (not a member, or the item is invisible to them: nothing leaks); 403 (a member
 * without the right); 422 (the right, refused on this item: one's own note cannot be flagged).
 * "another's" is an approved, group-visible note by a third member unless the row says pending,
 * hidden or private; "own" was written by the person themself. Anonymous callers are not a column:
 * every row but the public ones answers them 401.
 */
const TRUTH = `
                                                  outsider viewer member muted editor moderator owner otherModerator
group.read                                          404     ok     ok     ok     ok      ok       ok       404
group.update                                        404     403    403    403    403     403      ok       404
group.delete                                        404     403    403    403    403     403      ok       404
member.manage                                       404     403    403    403    403     403      ok       404
member.invite                                       404     403    403    403    403     403      ok       404
member.mute                                         404     403    403    403    403     ok       ok       404
member.change (a moderator)                         404     403    403    403    403     403      ok       404
member.emails                                       404     403    403    403    403     ok       ok       404
document.read                                       404     ok     ok     ok     ok      ok       ok       404
document.create                                     404     403    403    403    ok      ok       ok       404
document.update                                     404     403    403    403    ok      ok       ok       404
document.edit                                       404     403    403    403    ok      ok       ok       404
document.delete                                     404     403    403    403    403     403      ok       404
annotation.create                                   404     403    ok     403    ok      ok       ok       404
annotation.moderate                                 404     403    403    403    403     ok       ok       404
moderation.read                                     404     403    403    403    403     ok       ok       404
document.read (another's note)                      404     ok     ok     ok     ok      ok       ok       404
document.read (another's pending note)              404     404    404    404    404     ok       ok       404
document.read (another's hidden note)               404     404    404    404    404     ok       ok       404
document.read (another's private note)              404     404    404    404    404     404      404      404
annotation.react (another's note)                   404     403    ok     403    ok      ok       ok       404
annotation.react (another's pending note)           404     404    404    404    404     ok       ok       404
annotation.edit (own note)                          404     403    ok     403    ok      ok       ok       404
annotation.edit (another's note)                    404     403    403    403    403     403      403      404
annotation.delete (own note)                        404     ok     ok     ok     ok      ok       ok       404
annotation.delete (another's note)                  404     403    403    403    403     403      403      404
annotation.reply (another's note)                   404     403    ok     403    ok      ok       ok       404
annotation.reply (another's locked thread)          404     403    403    403    403     ok       ok       404
annotation.resolve (own thread)                     404     ok     ok     ok     ok      ok       ok       404
annotation.resolve (another's thread)               404     403    403    403    403     ok       ok       404
annotation.reattach (own note)                      404     403    ok     403    ok      ok       ok       404
annotation.reattach (another's note)                404     403    403    403    403     ok       ok       404
annotation.flag (another's note)                    404     ok     ok     ok     ok      ok       ok       404
annotation.flag (another's pending note)            404     404    404    404    404     ok       ok       404
annotation.flag (another's private note)            404     404    404    404    404     404      404      404
annotation.flag (own note)                          404     422    422    422    422     422      422      404
annotation.moderate (another's note)                404     403    403    403    403     ok       ok       404
annotation.moderate (another's pending note)        404     404    404    404    404     ok       ok       404
annotation.moderate (another's private note)        404     404    404    404    404     404      404      404
thread.lock (another's note)                        404     403    403    403    403     ok       ok       404
thread.lock (another's private note)                404     404    404    404    404     404      404      404
moderation.note (another's note)                    404     403    403    403    403     ok       ok       404
moderation.note (another's private note)            404     404    404    404    404     404      404      404
moderation.read (another's note)                    404     403    403    403    403     ok       ok       404
flag.read (own flag)                                404     ok     ok     ok     ok      ok       ok       404
flag.read (another's flag)                          404     404    404    404    404     ok       ok       404
`;

export type TruthCell = "ok" | "404" | "403" | "422";

/** The rows of TRUTH: row name → person → outcome. */
export const TRUTH_ROWS: Record<string, Record<string, TruthCell>> = (() => {
  const [header, ...rows] = TRUTH.split("\n").filter((line) => line.trim());
  const people = header.trim().split(/\s+/);
  return Object.fromEntries(
    rows.map((line) => {
      const cells = line.trim().split(/\s{2,}/);
      const outcomes = cells.slice(1).join(" ").split(/\s+/);
      if (outcomes.length !== people.length) throw new Error(`truth table row "${cells[0]}" has ${outcomes.length} cells for ${people.length} people`);
      return [cells[0], Object.fromEntries(people.map((p, i) => [p, outcomes[i] as TruthCell]))];
    }),
  );
})();

/**
 * Live messages over /collab, per person, for events on a third member's note: what each page
 * receives (refused connections receive nothing and are reported as such by the test).
 */
const CREATED = ["annotation.created"];
const NOTHING: string[] = [];
export const LIVE_TRUTH: Record<string, Record<"viewer" | "member" | "muted" | "editor" | "moderator" | "owner", string[]>> = {
  "approved group note": { viewer: CREATED, member: CREATED, muted: CREATED, editor: CREATED, moderator: CREATED, owner: CREATED },
  "private note": { viewer: NOTHING, member: NOTHING, muted: NOTHING, editor: NOTHING, moderator: NOTHING, owner: NOTHING },
  "pending note (pre-moderated group)": { viewer: NOTHING, member: NOTHING, muted: NOTHING, editor: NOTHING, moderator: CREATED, owner: CREATED },
  "approved note, then hidden by a moderator": {
    viewer: ["annotation.created", "annotation.deleted"],
    member: ["annotation.created", "annotation.deleted"],
    muted: ["annotation.created", "annotation.deleted"],
    editor: ["annotation.created", "annotation.deleted"],
    moderator: ["annotation.created", "annotation.moderated"],
    owner: ["annotation.created", "annotation.moderated"],
  },
};
