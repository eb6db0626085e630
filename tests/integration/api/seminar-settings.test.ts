import { describe, expect, it } from "vitest";
import * as documentRoute from "@/app/api/v1/documents/[documentId]/route";
import * as groupRoute from "@/app/api/v1/groups/[groupId]/route";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { call } from "../http";

describe("seminar settings through the API", () => {
  it("moderators switch hide-and-reveal on a document; editors only rename; others are refused", async () => {
    const { group, owner } = await createGroup();
    const doc = await createDocumentIn(group.id, owner.id);
    const tokens = {
      moderator: await tokenFor((await createMember(group.id, "moderator")).id),
      editor: await tokenFor((await createMember(group.id, "editor")).id),
      member: await tokenFor((await createMember(group.id, "member")).id),
      outsider: await tokenFor((await createUser()).id),
    };
    const patch = (token: string, json: unknown) => call(documentRoute.PATCH, { method: "PATCH", token, json, params: { documentId: doc.id } });
    expect((await patch(tokens.moderator, { hideUntilPosted: true })).data).toMatchObject({ id: doc.id, hideUntilPosted: true });
    expect((await patch(tokens.editor, { hideUntilPosted: false })).status).toBe(403);
    expect((await patch(tokens.editor, { title: "Renamed" })).data).toMatchObject({ title: "Renamed", hideUntilPosted: true });
    const refused = await patch(tokens.member, { title: "Mine now" });
    expect(refused.status).toBe(403);
    // Renaming is its own right (document.update), not the right to create documents.
    expect(refused.data.error.message).toBe("Your role does not allow: rename documents");
    expect((await patch(tokens.outsider, { title: "Mine now" })).status).toBe(404);
    expect((await patch(tokens.moderator, { hideUntilPosted: "yes" })).status).toBe(400);
  });

  it("owners make a group anonymous to peers", async () => {
    const { group, owner } = await createGroup();
    const member = await createMember(group.id, "member");
    const patch = (userId: string, json: unknown) => tokenFor(userId).then((token) => call(groupRoute.PATCH, { method: "PATCH", token, json, params: { groupId: group.id } }));
    expect((await patch(owner.id, { anonymousToPeers: true })).data).toMatchObject({ anonymousToPeers: true, moderation: "post" });
    expect((await patch(member.id, { anonymousToPeers: false })).status).toBe(403);
  });
});
