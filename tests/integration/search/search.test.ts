import { describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/groups/[groupId]/search/route";
import { db } from "@/lib/db";
import { snippetHtml } from "@/lib/presenters/search";
import { MATCH_END, MATCH_START } from "@/lib/queries/search";
import { call } from "../http";
import { annotate, reply, groupWithEveryRole } from "../fixtures";

const search = (groupId: string, token: string, query: Record<string, string>) =>
  call(searchRoute.GET, { params: { groupId }, path: `/api/v1/groups/${groupId}/search?${new URLSearchParams(query)}`, token });

const ids = (answer: { data: { items: { id: string }[] } }) => answer.data.items.map((i) => i.id);

describe("group search", () => {
  it("finds notes, quotes and tags across the group's documents, best match first, with marked snippets", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const second = await db().document.create({ data: { groupId: group.id, title: "Second text", yState: Buffer.alloc(0), text: "" } });
    const inBody = await annotate(document.id, group.id, people.member.id, { body: "The **harbour** lights flicker; the harbour master keeps a log." });
    const inQuote = await annotate(second.id, group.id, people.other.id, { body: "Compare the earlier chapter.", quoteExact: "the harbour at dusk" });
    const inTag = await annotate(document.id, group.id, people.editor.id, { body: "Boats.", tags: ["harbour"] });
    await annotate(document.id, group.id, people.member.id, { body: "Nothing to see." });

    const answer = await search(group.id, tokens.viewer, { q: "harbours" });
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([inBody.id, inTag.id, inQuote.id]);
    const [top, , quoted] = answer.data.items;
    expect(top.snippet).toBe("The <mark>harbour</mark> lights flicker; the <mark>harbour</mark> master keeps a log.");
    expect(top).toMatchObject({ document: { id: document.id }, author: { id: people.member.id, name: people.member.name }, isReply: false, reactions: { helpful: 0, question: 0 } });
    expect(top.url).toBe(`http://marginalia.test/documents/${document.id}#annotation-${inBody.id}`);
    expect(top.annotation).toBe(`http://marginalia.test/api/annotations/${document.id}/${inBody.id}`);
    expect(quoted.quote).toBe("the <mark>harbour</mark> at dusk");
    expect(quoted.document).toEqual({ id: second.id, title: "Second text" });
    expect(ids(await search(group.id, tokens.viewer, { q: '"harbour master"' }))).toEqual([inBody.id]);
    // A long note comes as excerpts around the matches.
    const long = await annotate(document.id, group.id, people.member.id, { body: `${"Waves and gulls and rope. ".repeat(30)}The lighthouse keeper sleeps. ${"Salt and tar and wind. ".repeat(30)}` });
    const [excerpt] = (await search(group.id, tokens.viewer, { q: "lighthouse" })).data.items;
    expect(excerpt.id).toBe(long.id);
    expect(excerpt.snippet).toMatch(/^… .*<mark>lighthouse<\/mark> keeper sleeps.* …$/);
    expect(excerpt.snippet.length).toBeLessThan(400);
    expect(ids(await search(group.id, tokens.viewer, { q: "harbour -boats" }))).toEqual([inBody.id, inQuote.id]);
  });

  it("filters by author, tag and document, pages with a cursor, and lists without words newest first", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const other = await db().document.create({ data: { groupId: group.id, title: "Other", yState: Buffer.alloc(0), text: "" } });
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await annotate(i % 2 ? other.id : document.id, group.id, i % 3 ? people.member.id : people.other.id, { body: `Reading note ${i} on memory`, tags: i < 3 ? ["memory"] : [] }));
    const byMember = made.filter((_, i) => i % 3).map((a) => a.id);
    expect(new Set(ids(await search(group.id, tokens.viewer, { q: "memory", author: people.member.id })))).toEqual(new Set(byMember));
    expect(new Set(ids(await search(group.id, tokens.viewer, { q: "memory", tag: "memory" })))).toEqual(new Set(made.slice(0, 3).map((a) => a.id)));
    expect(new Set(ids(await search(group.id, tokens.viewer, { q: "memory", document: other.id })))).toEqual(new Set(made.filter((_, i) => i % 2).map((a) => a.id)));
    expect(ids(await search(group.id, tokens.viewer, { tag: "memory" }))).toEqual(made.slice(0, 3).map((a) => a.id).reverse());

    const seen: string[] = [];
    let page = await search(group.id, tokens.viewer, { q: "memory", limit: "3" });
    expect(page.data.items).toHaveLength(3);
    for (;;) {
      seen.push(...ids(page));
      if (!page.data.next) break;
      const next = new URL(page.data.next);
      expect(next.searchParams.get("q")).toBe("memory");
      page = await search(group.id, tokens.viewer, Object.fromEntries(next.searchParams));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    expect((await search(group.id, tokens.viewer, {})).status).toBe(400);
    expect((await search(group.id, tokens.viewer, { q: "memory", cursor: "garbage" })).status).toBe(400);
    expect((await search(group.id, tokens.viewer, { q: "x".repeat(201) })).status).toBe(400);
  });

  it("respects visibility and moderation: private, pending and hidden items reach only their author (and moderators, private excepted)", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole({ moderation: "pre" });
    const privateNote = await annotate(document.id, group.id, people.member.id, { body: "Secret lighthouse", visibility: "private" });
    const pending = await annotate(document.id, group.id, people.member.id, { body: "Pending lighthouse", status: "pending" });
    const hidden = await annotate(document.id, group.id, people.member.id, { body: "Hidden lighthouse", status: "hidden" });
    const spam = await annotate(document.id, group.id, people.other.id, { body: "Spam lighthouse", status: "spam" });
    const approved = await annotate(document.id, group.id, people.other.id, { body: "Approved lighthouse" });
    const hiddenThread = await annotate(document.id, group.id, people.editor.id, { body: "Quiet", status: "hidden" });
    const replyInHidden = await reply(hiddenThread, people.member.id, { body: "A lighthouse reply" });
    const replyInOpen = await reply(approved, people.editor.id, { body: "Another lighthouse reply" });
    const deleted = await annotate(document.id, group.id, people.member.id, { body: "Gone lighthouse", deletedAt: new Date() });

    const seenBy = async (who: keyof typeof tokens) => new Set(ids(await search(group.id, tokens[who], { q: "lighthouse" })));
    expect(await seenBy("other")).toEqual(new Set([approved.id, spam.id, replyInOpen.id]));
    // Their own reply too is out of sight while its thread is hidden.
    expect(await seenBy("member")).toEqual(new Set([privateNote.id, pending.id, hidden.id, approved.id, replyInOpen.id]));
    expect(await seenBy("viewer")).toEqual(new Set([approved.id, replyInOpen.id]));
    expect(await seenBy("moderator")).toEqual(new Set([pending.id, hidden.id, spam.id, approved.id, replyInHidden.id, replyInOpen.id]));
    expect([...(await seenBy("owner"))]).not.toContain(privateNote.id);
    expect([...(await seenBy("moderator"))]).not.toContain(deleted.id);

    const own = (await search(group.id, tokens.member, { q: "pending" })).data.items[0];
    expect(own).toMatchObject({ id: pending.id, moderationStatus: "pending" });
    // Their words do not leak through tags or filters either.
    expect(ids(await search(group.id, tokens.other, { q: "secret" }))).toEqual([]);
    expect(ids(await search(group.id, tokens.other, { author: people.member.id }))).toEqual([]);
  });

  it("is 404 for outsiders and for a missing group, 401 without credentials", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    await annotate(document.id, group.id, people.member.id, { body: "Outsiders never read this" });
    const outside = await search(group.id, tokens.outsider, { q: "outsiders" });
    expect(outside.status).toBe(404);
    expect((await search("no-such-group", tokens.outsider, { q: "outsiders" })).data).toEqual(outside.data);
    expect((await call(searchRoute.GET, { params: { groupId: group.id }, path: `/api/v1/groups/${group.id}/search?q=x` })).status).toBe(401);
  });

  it("keeps peers anonymous where the group says so: no names, no author filter on others", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    await db().group.update({ where: { id: group.id }, data: { anonymousToPeers: true } });
    const theirs = await annotate(document.id, group.id, people.other.id, { body: "Anonymous compass" });
    const mine = await annotate(document.id, group.id, people.member.id, { body: "My compass" });
    const items = (await search(group.id, tokens.member, { q: "compass" })).data.items;
    expect(items.find((i: { id: string }) => i.id === theirs.id).author).toEqual({ name: "A classmate" });
    expect(items.find((i: { id: string }) => i.id === mine.id).author.id).toBe(people.member.id);
    expect(JSON.stringify(items)).not.toContain(people.other.id);
    expect((await search(group.id, tokens.member, { q: "compass", author: people.other.id })).status).toBe(403);
    expect(ids(await search(group.id, tokens.member, { q: "compass", author: people.member.id }))).toEqual([mine.id]);
    const asModerator = (await search(group.id, tokens.moderator, { q: "compass", author: people.other.id })).data.items;
    expect(asModerator[0].author).toMatchObject({ id: people.other.id, name: people.other.name });
  });

  it("snippets are safe HTML: only <mark> survives, whatever the note contains", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    await annotate(document.id, group.id, people.member.id, { body: `<img src=x onerror=alert(1)> <script>steal()</script> the beacon & "quotes" ${MATCH_START}fake${MATCH_END}` });
    const [item] = (await search(group.id, tokens.member, { q: "beacon" })).data.items;
    expect(item.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(item.snippet).toContain("<mark>beacon</mark> &amp; &quot;quotes&quot;");
    expect(snippetHtml(`<b onclick="x">${MATCH_START}bold${MATCH_END}</b> & more`)).toBe("&lt;b onclick=&quot;x&quot;&gt;<mark>bold</mark>&lt;/b&gt; &amp; more");
    expect(snippetHtml(`a ${MATCH_START}b`)).toBe("a b");
    expect(snippetHtml("See [the *notes*](http://example.org) in **bold**")).toBe("See the *notes* in bold");
  });
});
