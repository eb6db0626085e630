import { afterAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { connect, synced, textOf, until, type Client } from "./harness";
import { kill, spawnCollab } from "./process";

const clients: Client[] = [];
afterAll(() => clients.forEach((c) => c.destroy()));

/** Appends a unique token to the writer's own paragraph; returns the clock that must be acknowledged. */
function write(c: Client, paragraph: number, token: string): number {
  const element = c.doc.getXmlFragment("default").get(paragraph) as Y.XmlElement;
  const text = element.get(0) as Y.XmlText;
  text.insert(text.length, token);
  return Y.decodeStateVector(Y.encodeStateVector(c.doc)).get(c.doc.clientID) ?? 0;
}

const savedClock = (c: Client) => Math.max(0, ...c.saved.map((m) => m.clocks[String(c.doc.clientID)] ?? 0));
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("crash safety", () => {
  it("keeps every edit acknowledged as saved through kill -9, and duplicates nothing on reconnect", async () => {
    const env = { DATABASE_URL: inject("databaseUrl"), AUTH_SECRET: process.env.AUTH_SECRET! };
    const { group, owner } = await createGroup();
    const editor = await createMember(group.id, "editor");
    const document = await createDocumentIn(group.id, owner.id, "Seeded once.\n\nA:\n\nB:");
    const first = await spawnCollab(env);
    const writers = [
      { client: connect(first.url, document.id, { token: await tokenFor(owner.id) }), paragraph: 1, sent: [] as { token: string; clock: number }[] },
      { client: connect(first.url, document.id, { token: await tokenFor(editor.id) }), paragraph: 2, sent: [] as { token: string; clock: number }[] },
    ];
    writers.forEach((w) => clients.push(w.client));
    await Promise.all(writers.map((w) => synced(w.client)));

    // Both keep typing; the server dies mid-stream, with edits in flight.
    let n = 0;
    const typing = setInterval(() => {
      for (const w of writers) {
        const token = `[${w.paragraph}:${n}]`;
        w.sent.push({ token, clock: write(w.client, w.paragraph, token) });
      }
      n++;
    }, 5);
    await until(() => writers.every((w) => savedClock(w.client) > 200), "some edits acknowledged", 10_000);
    await kill(first.child, "SIGKILL");
    clearInterval(typing);
    const acknowledged = writers.flatMap((w) => w.sent.filter((s) => s.clock <= savedClock(w.client)).map((s) => s.token));
    expect(acknowledged.length).toBeGreaterThan(20);

    // A fresh reader of the restarted server sees every acknowledged edit exactly once.
    const second = await spawnCollab(env);
    try {
      const reader = connect(second.url, document.id, { token: await tokenFor(owner.id) });
      clients.push(reader);
      await synced(reader);
      const stored = textOf(reader.doc);
      for (const token of acknowledged) expect(count(stored, token), `acknowledged ${token}`).toBe(1);
      expect(count(stored, "Seeded once.")).toBe(1);

      // The old clients reconnect to the new server (same port is not needed: new providers on the same docs).
      for (const w of writers) {
        const again = connect(second.url, document.id, { token: await tokenFor(owner.id) });
        clients.push(again);
        Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(w.client.doc));
        await synced(again);
      }
      const everyone = writers.flatMap((w) => w.sent.map((s) => s.token));
      await until(() => everyone.every((t) => count(textOf(reader.doc), t) === 1), "unsaved edits resent by their clients", 10_000);
      const final = textOf(reader.doc);
      expect(count(final, "Seeded once.")).toBe(1);
      for (const token of everyone) expect(count(final, token)).toBe(1);
    } finally {
      await kill(second.child, "SIGTERM");
    }
  }, 180_000);
});
