import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../factories";
import { proxyFor } from "../faults/tcp-proxy";
import { connect, startCollab, synced, textOf, until, type Client } from "../integration/collab/harness";
import { useCollabProcesses } from "./collab-processes";
import { annotate } from "../integration/w3c/helpers";

const processes = useCollabProcesses();
const { clients } = processes;

const append = (c: Client, paragraph: number, token: string) => {
  const text = (c.doc.getXmlFragment("default").get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(text.length, token);
};

async function freshText(url: string, documentId: string, token: string) {
  const client = connect(url, documentId, { token });
  try {
    await synced(client);
    return textOf(client.doc);
  } finally {
    client.destroy();
  }
}

describe("the Redis relay away while two instances are edited", () => {
  it("brings both instances' copies together through storage while it is away, links them again when it returns, and still delivers annotation events", async () => {
    const proxy = await proxyFor(process.env.REDIS_URL!);
    processes.onCleanup(() => proxy.stop());
    const [a, b] = await processes.startTwo({ redisUrl: proxy.url(process.env.REDIS_URL!), env: { AUTH_SECRET: process.env.AUTH_SECRET! } });
    // The instance that handles annotation writes (the app's own, in this process), on the same relay.
    const here = await startCollab({ redisUrl: proxy.url(process.env.REDIS_URL!) });
    try {
      const { group, owner } = await createGroup();
      const editor = await createMember(group.id, "editor");
      const document = await createDocumentIn(group.id, owner.id, "Seeded.\n\nA:\n\nB:");
      const [ownerToken, editorToken] = [await tokenFor(owner.id), await tokenFor(editor.id)];
      const onA = connect(a.url, document.id, { token: ownerToken });
      const onB = connect(b.url, document.id, { token: editorToken });
      clients.push(onA, onB);
      await Promise.all([synced(onA), synced(onB)]);
      const events: string[] = [];
      onB.provider.on("stateless", ({ payload }: { payload: string }) => {
        const message = JSON.parse(payload) as { type: string; annotation?: { id: string } };
        if (message.type === "annotation.created" && message.annotation) events.push(message.annotation.id);
      });

      await proxy.cut();
      const tokens: string[] = [];
      for (let i = 0; i < 40; i++) {
        append(onA, 1, `[a${i}]`);
        append(onB, 2, `[b${i}]`);
        tokens.push(`[a${i}]`, `[b${i}]`);
        await new Promise((r) => setTimeout(r, 25));
      }
      const annotation = await annotate(owner.id, document.id, "Seeded");
      // Typing has stopped; Redis is still away. Storage brings the copies together.
      const [aText, bText] = [() => freshText(a.url, document.id, ownerToken), () => freshText(b.url, document.id, ownerToken)];
      let texts: string[] = [];
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        texts = await Promise.all([aText(), bText()]);
        if (texts[0] === texts[1] && tokens.every((t) => texts[0].includes(t))) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(texts[0]).toBe(texts[1]);
      for (const token of tokens) expect(texts[0].split(token).length - 1, token).toBe(1);
      // The writers themselves see each other's text, without reconnecting.
      await until(() => tokens.every((t) => textOf(onA.doc).includes(t) && textOf(onB.doc).includes(t)), "both writers see every edit", 5000);
      await until(() => events.some((iri) => iri.endsWith(`/${annotation.id}`)), "the annotation event reaching the other instance's reader", 5000);

      await proxy.restore();
      // Linked again: an edit on A reaches B live.
      await new Promise((r) => setTimeout(r, 1500));
      append(onA, 1, "[after]");
      await until(() => textOf(onB.doc).includes("[after]"), "a live edit through the returned relay", 5000);
      expect(here.errors).toEqual([]);
    } finally {
      await here.stop();
    }
  }, 60_000);
});
