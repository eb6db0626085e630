import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { connect, synced, textOf, typeInto, until, useCollabServer } from "./harness";

const collab = useCollabServer();
const clients = collab.clients;

type Case = { label: string; role: "viewer" | "member" | "editor" | "moderator" | "owner" | null; muted?: boolean; connect: boolean; write: boolean };
// Expected outcomes written out by hand from API.md's role table, not derived from the policy code.
const MATRIX: Case[] = [
  { label: "outsider", role: null, connect: false, write: false },
  { label: "viewer", role: "viewer", connect: true, write: false },
  { label: "member", role: "member", connect: true, write: false },
  { label: "muted editor", role: "editor", muted: true, connect: true, write: false },
  { label: "editor", role: "editor", connect: true, write: true },
  { label: "moderator", role: "moderator", connect: true, write: true },
  { label: "owner", role: "owner", connect: true, write: true },
];

describe("collaboration authorization: role × {connect, read, write, awareness, stateless}", () => {
  for (const c of MATRIX) {
    it(`${c.label}: ${c.connect ? "reads" : "is refused"}${c.write ? ", writes, shows a caret" : c.connect ? ", read-only, no caret, no stateless" : ""}`, async () => {
      const { group, owner } = await createGroup();
      const document = await createDocumentIn(group.id, owner.id, "Original words.");
      const user = c.role === "owner" ? owner : c.role ? await createMember(group.id, c.role, { muted: c.muted }) : await createUser();
      const observer = connect(collab.server.url, document.id, { token: await tokenFor(owner.id) });
      const observed: string[] = [];
      observer.provider.on("stateless", ({ payload }: { payload: string }) => observed.push(payload));
      const subject = connect(collab.server.url, document.id, { token: await tokenFor(user.id) });
      clients.push(observer, subject);
      await synced(observer);
      if (!c.connect) {
        await until(() => subject.authFailure !== undefined, "refusal");
        expect(subject.authFailure).toBe("not-found");
        expect(textOf(subject.doc)).toBe("");
        return;
      }
      await synced(subject);
      expect(textOf(subject.doc)).toBe("Original words.");
      expect(subject.readOnly).toBe(!c.write);

      subject.provider.setAwarenessField("user", { name: "x" });
      subject.provider.setAwarenessField("cursor", { anchor: 1, head: 2 });
      subject.provider.sendStateless(JSON.stringify({ type: "annotation.created", annotation: { id: "forged" } }));
      typeInto(subject.doc, "Edited: ");
      if (c.write) {
        await until(() => textOf(observer.doc) === "Edited: Original words.", "write reaches others");
        await until(() => [...observer.provider.awareness!.getStates().entries()].some(([id, s]) => id === subject.doc.clientID && s.cursor), "caret visible");
      } else {
        await until(() => [...observer.provider.awareness!.getStates().keys()].includes(subject.doc.clientID), "presence visible");
        await new Promise((r) => setTimeout(r, 300));
        expect(textOf(observer.doc)).toBe("Original words.");
        expect(await db().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
        const state = observer.provider.awareness!.getStates().get(subject.doc.clientID);
        expect(state?.cursor).toBeUndefined();
      }
      expect(observed.filter((p) => p.includes("forged"))).toEqual([]);
    });
  }
});
