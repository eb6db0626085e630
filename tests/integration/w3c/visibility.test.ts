import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as item from "@/app/api/annotations/[documentId]/[annotationId]/route";
import * as exportRoute from "@/app/api/v1/documents/[documentId]/annotations/export/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { db } from "@/lib/db";
import { call } from "../http";
import { annotate, annotationIriOf, scene, w3c } from "./helpers";

const ROLES = ["outsider", "viewer", "member", "muted", "editor", "moderator", "owner", "other"] as const;
type Role = (typeof ROLES)[number];
const IRIS = { prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' };

type Scene = Awaited<ReturnType<typeof scene>>;

/** The ids in each export format, and the notes that made it into the Markdown one. */
async function exported(token: string, documentId: string, notes: Map<string, string>) {
  const get = (format: string) => call(exportRoute.GET, { token, params: { documentId }, path: `/api/v1/documents/${documentId}/annotations/export?format=${format}` });
  const [jsonld, csv, markdown] = await Promise.all([get("jsonld"), get("csv"), get("markdown")]);
  if (jsonld.status === 404) return null;
  return {
    jsonld: ((jsonld.data.first?.items ?? []) as { id: string }[]).map((a) => a.id.split("/").at(-1)).sort(),
    csv: csv.text.trimEnd().split("\r\n").slice(1).map((line) => line.split(",")[0]).sort(),
    markdown: [...notes].filter(([, note]) => markdown.text.includes(note)).map(([id]) => id).sort(),
  };
}

/** Every place an annotation could show up for one viewer: its own URL, the container's total, IRIs and descriptions, exports. */
async function whatTheySee(s: Scene, role: Role, ids: string[]) {
  const token = s.tokens[role];
  const params = { documentId: s.document.id };
  const direct = [];
  for (const id of ids) {
    const get = await w3c(item.GET, { token, params: { ...params, annotationId: id } });
    const head = await w3c(item.HEAD, { method: "HEAD", token, params: { ...params, annotationId: id } });
    expect(head.status).toBe(get.status);
    if (get.status === 200) direct.push(id);
    else expect(get.data.error.code).toBe("not_found");
  }
  const iris = await w3c(container.GET, { token, params, headers: IRIS });
  const notes = new Map((await db().annotation.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } })).map((r) => [r.id, r.body]));
  const exports = await exported(token, s.document.id, notes);
  if (iris.status === 404) return { direct, total: null, listed: [], described: [], exports };
  const described = await w3c(container.GET, { token, params });
  const page = await w3c(container.GET, { token, params, path: `/api/annotations/${s.document.id}/?page=0` });
  const listed = (iris.data.first?.items ?? []) as string[];
  const describedIds = ((described.data.first?.items ?? []) as { id: string }[]).map((a) => a.id);
  expect(page.status === 404 ? [] : page.data.items.map((a: { id: string }) => a.id)).toEqual(describedIds);
  expect(described.data.total).toBe(iris.data.total);
  return { direct, total: iris.data.total as number, listed: listed.map((iri) => iri.split("/").at(-1)), described: describedIds.map((iri) => iri.split("/").at(-1)), exports };
}

async function expectMatrix(s: Scene, items: Record<string, string>, visibleTo: Record<string, readonly Role[]>) {
  const ids = Object.values(items);
  for (const role of ROLES) {
    const seen = await whatTheySee(s, role, ids);
    const expected = Object.entries(items).filter(([name]) => visibleTo[name].includes(role)).map(([, id]) => id);
    expect({ role, direct: seen.direct }).toEqual({ role, direct: expected });
    if (role === "outsider") {
      expect(seen.total).toBeNull();
      expect(seen.exports).toBeNull();
      continue;
    }
    expect({ role, total: seen.total, listed: seen.listed, described: seen.described }).toEqual({ role, total: expected.length, listed: expected, described: expected });
    const sorted = [...expected].sort();
    expect({ role, exports: seen.exports }).toEqual({ role, exports: { jsonld: sorted, csv: sorted, markdown: sorted } });
  }
}

describe("W3C visibility: who sees what, for every role", () => {
  it("a private annotation exists only for its author (moderators and owners included out)", async () => {
    const s = await scene();
    const shared = await annotate(s.users.editor.id, s.document.id, "lazy dog");
    const secret = await annotate(s.users.member.id, s.document.id, "lazy cat", { visibility: "private" });
    const { annotation: secretReply } = await createAnnotation({ actorId: s.users.member.id, documentId: s.document.id, input: { type: "Annotation", bodyValue: "note to self", target: annotationIriOf(s.document.id, secret.id) } });
    expect(secretReply.visibility).toBe("private");
    const everyone = ["viewer", "member", "muted", "editor", "moderator", "owner", "other"] as const;
    await expectMatrix(s, { shared: shared.id, secret: secret.id, secretReply: secretReply.id }, { shared: everyone, secret: ["member"], secretReply: ["member"] });
  });

  it("in a pre-moderated group, pending posts exist for their author and moderators only", async () => {
    const s = await scene({ moderation: "pre" });
    const approved = await annotate(s.users.moderator.id, s.document.id, "lazy dog");
    const pending = await annotate(s.users.member.id, s.document.id, "lazy cat");
    const { annotation: pendingReply } = await createAnnotation({ actorId: s.users.other.id, documentId: s.document.id, input: { type: "Annotation", bodyValue: "a reply", target: annotationIriOf(s.document.id, approved.id) } });
    expect([approved.status, pending.status, pendingReply.status]).toEqual(["approved", "pending", "pending"]);
    const everyone = ["viewer", "member", "muted", "editor", "moderator", "owner", "other"] as const;
    await expectMatrix(s, { approved: approved.id, pending: pending.id, pendingReply: pendingReply.id }, { approved: everyone, pending: ["member", "moderator", "owner"], pendingReply: ["other", "moderator", "owner"] });
  });

  it("a reply to something the viewer cannot see is invisible too, even when the reply itself is approved", async () => {
    const s = await scene({ moderation: "pre" });
    const pending = await annotate(s.users.member.id, s.document.id, "lazy cat");
    const { annotation: reply } = await createAnnotation({ actorId: s.users.moderator.id, documentId: s.document.id, input: { type: "Annotation", bodyValue: "welcome", target: annotationIriOf(s.document.id, pending.id) } });
    expect(reply.status).toBe("approved");
    await expectMatrix(s, { pending: pending.id, reply: reply.id }, { pending: ["member", "moderator", "owner"], reply: ["member", "moderator", "owner"] });
  });

  it("nobody can reply to, edit or delete what they cannot see: 404 or 422, never 403", async () => {
    const s = await scene();
    const secret = await annotate(s.users.member.id, s.document.id, "lazy cat", { visibility: "private" });
    const params = { documentId: s.document.id, annotationId: secret.id };
    for (const role of ["other", "moderator", "owner"] as const) {
      const token = s.tokens[role];
      expect((await w3c(item.PUT, { method: "PUT", token, params, json: { type: "Annotation", bodyValue: "x", target: annotationIriOf(s.document.id, "p") } })).status).toBe(404);
      expect((await w3c(item.DELETE, { method: "DELETE", token, params })).status).toBe(404);
      expect((await w3c(item.OPTIONS, { method: "OPTIONS", token, params })).status).toBe(404);
      const reply = await w3c(container.POST, { method: "POST", token, params: { documentId: s.document.id }, json: { type: "Annotation", bodyValue: "hi", target: annotationIriOf(s.document.id, secret.id) } });
      expect(reply.status).toBe(422);
      expect(reply.data.error.code).toBe("reply_target_not_found");
    }
  });
});
