import { describe, expect, inject, it } from "vitest";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../factories";
import { synced, textOf, typeInto, until, type Client } from "../integration/collab/harness";
import { useCollabProcesses } from "./collab-processes";
import { connect as connectClient, startCollab } from "../integration/collab/harness";
import deleteDocument from "@/lib/commands/delete-document";
import { CLOSE } from "@/lib/collab/messages";
import { UpdateLog } from "@/lib/db/update-log";
import * as Y from "yjs";

const processes = useCollabProcesses();
const { clients } = processes;

describe("scale-out through Redis", () => {
  it("clients on two server processes edit one document and converge, in memory and in storage", async () => {
    const [a, b] = await processes.startTwo();
    const { group, owner } = await createGroup();
    const editor = await createMember(group.id, "editor");
    const document = await createDocumentIn(group.id, owner.id, "Shared across instances.");
    const onA = connectClient(a.url, document.id, { token: await tokenFor(owner.id) });
    const onB = connectClient(b.url, document.id, { token: await tokenFor(editor.id) });
    clients.push(onA, onB);
    await Promise.all([synced(onA), synced(onB)]);

    for (let i = 0; i < 20; i++) {
      typeInto(onA.doc, `a${i} `);
      typeInto(onB.doc, `b${i} `, 0);
      await new Promise((r) => setTimeout(r, 10));
    }
    await until(() => textOf(onA.doc) === textOf(onB.doc) && textOf(onA.doc).includes("a19") && textOf(onA.doc).includes("b19"), "both instances converge", 15_000);
    for (let i = 0; i < 20; i++) {
      expect(textOf(onA.doc)).toContain(`a${i} `);
      expect(textOf(onA.doc)).toContain(`b${i} `);
    }

    // A late reader on either instance, and the stored state, agree with the clients.
    const late = connectClient(b.url, document.id, { token: await tokenFor(owner.id) });
    clients.push(late);
    await synced(late);
    expect(textOf(late.doc)).toBe(textOf(onA.doc));
    const log = new UpdateLog(inject("databaseUrl"));
    try {
      const replayStored = async () => {
        const replay = new Y.Doc();
        (await log.load(document.id)).updates.forEach((u) => Y.applyUpdate(replay, u));
        return textOf(replay);
      };
      const expected = textOf(onA.doc);
      let stored = "";
      for (let i = 0; i < 50 && stored !== expected; i++) {
        stored = await replayStored();
        if (stored !== expected) await new Promise((r) => setTimeout(r, 100));
      }
      expect(stored).toBe(expected);
    } finally {
      await log.close();
    }
  });

  it("deleting a document closes its readers on every instance, not only on the one that handled the deletion", async () => {
    const [a, b] = await processes.startTwo();
    // The instance that handles the DELETE (the app's own, in this process) does not have it open.
    const here = await startCollab({ redisUrl: process.env.REDIS_URL! });
    try {
      const { group, owner } = await createGroup();
      const member = await createMember(group.id, "member");
      const document = await createDocumentIn(group.id, owner.id, "Soon gone.");
      const onA = connectClient(a.url, document.id, { token: await tokenFor(member.id) });
      const onB = connectClient(b.url, document.id, { token: await tokenFor(owner.id) });
      clients.push(onA, onB);
      await Promise.all([synced(onA), synced(onB)]);

      await deleteDocument({ actorId: owner.id, documentId: document.id });
      const closedAsDeleted = (c: Client) => c.closes.some((e) => e.code === CLOSE.documentDeleted.code && e.reason === CLOSE.documentDeleted.reason);
      await until(() => closedAsDeleted(onA) && closedAsDeleted(onB), "readers on both other instances closed as deleted", 10_000);
      expect(here.errors).toEqual([]);
    } finally {
      await here.stop();
    }
  });
});
