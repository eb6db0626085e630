import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as flags from "@/app/api/v1/annotations/[annotationId]/flags/route";
import * as document from "@/app/api/v1/documents/[documentId]/route";
import * as documents from "@/app/api/v1/documents/route";
import * as mentionable from "@/app/api/v1/documents/[documentId]/mentionable/route";
import * as group from "@/app/api/v1/groups/[groupId]/route";
import * as groups from "@/app/api/v1/groups/route";
import * as search from "@/app/api/v1/groups/[groupId]/search/route";
import * as tokens from "@/app/api/v1/tokens/route";
import { db } from "@/lib/db";
import { FACTORY_PASSWORD } from "../factories";
import { call } from "../integration/http";
import { annotate, annotationOn, scene } from "../integration/w3c/helpers";

const NUL = "\u0000";

/** A 400 whose JSON names the offending field. */
function expectFieldError(res: { status: number; data: any }, field: string) {
  expect(res.status, JSON.stringify(res.data)).toBe(400);
  expect(res.data.error.code).toBe("invalid_request");
  expect(res.data.error.message).toContain("NUL");
  expect(res.data.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
}

describe("NUL characters are refused with a 400 naming the field, never a 500", () => {
  it("in group names, document titles, notes, tags, flag text, token labels and search", async () => {
    const { group: g, document: d, users, tokens: t } = await scene();
    const owner = t.owner;
    const note = await annotate(users.member.id, d.id, "quick brown fox");

    expectFieldError(await call(groups.POST, { method: "POST", token: owner, json: { name: `Sem${NUL}inar` } }), "name");
    expectFieldError(await call(group.PATCH, { method: "PATCH", token: owner, params: { groupId: g.id }, json: { name: `A${NUL}` } }), "name");
    expectFieldError(await call(group.PATCH, { method: "PATCH", token: owner, params: { groupId: g.id }, json: { description: `A${NUL}` } }), "description");
    expectFieldError(await call(documents.POST, { method: "POST", token: owner, json: { groupId: g.id, title: `T${NUL}`, format: "text", content: "Words." } }), "title");
    expectFieldError(await call(documents.POST, { method: "POST", token: owner, json: { groupId: g.id, title: "T", format: "text", content: `Wo${NUL}rds.` } }), "content");
    expectFieldError(await call(document.PATCH, { method: "PATCH", token: owner, params: { documentId: d.id }, json: { title: `T${NUL}` } }), "title");

    const post = (body: unknown) =>
      call(container.POST, { method: "POST", path: `/api/annotations/${d.id}/`, token: t.member, params: { documentId: d.id }, body: JSON.stringify(body), headers: { "content-type": "application/ld+json" } });
    expectFieldError(await post(annotationOn(d.id, "lazy dog", { body: { type: "TextualBody", value: `a${NUL}b`, purpose: "commenting" } })), "body.value");
    expectFieldError(
      await post(annotationOn(d.id, "lazy dog", { body: [{ type: "TextualBody", value: "fine", purpose: "commenting" }, { type: "TextualBody", value: `t${NUL}`, purpose: "tagging" }] })),
      "body.1.value",
    );

    expectFieldError(await call(flags.POST, { method: "POST", token: t.viewer, params: { annotationId: note.id }, json: { reason: "other", text: `bad${NUL}` } }), "text");
    expectFieldError(await call(tokens.POST, { method: "POST", json: { email: users.member.email, password: FACTORY_PASSWORD, label: `ci${NUL}` } }), "label");
    expectFieldError(await call(search.GET, { token: owner, params: { groupId: g.id }, path: `/api/v1/groups/${g.id}/search?q=fox${encodeURIComponent(NUL)}` }), "q");
    expectFieldError(await call(search.GET, { token: owner, params: { groupId: g.id }, path: `/api/v1/groups/${g.id}/search?tag=a${encodeURIComponent(NUL)}` }), "tag");
    expectFieldError(await call(mentionable.GET, { token: owner, params: { documentId: d.id }, path: `/api/v1/documents/${d.id}/mentionable?q=a${encodeURIComponent(NUL)}` }), "q");

    // Nothing was written by any of them.
    expect(await db().group.count({ where: { memberships: { some: { userId: users.owner.id } } } })).toBe(1);
    expect(await db().annotation.count({ where: { documentId: d.id } })).toBe(1);
    expect(await db().flag.count({ where: { annotationId: note.id } })).toBe(0);
    expect((await db().group.findUniqueOrThrow({ where: { id: g.id } })).name).toBe(g.name);
  });
});
