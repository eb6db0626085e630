import { afterAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { CLOSE } from "@/lib/collab/messages";
import { proxyFor, type TcpProxy } from "../../faults/tcp-proxy";
import { connect, synced, textOf, until, type Client } from "./harness";
import { kill, spawnCollab } from "./process";

const clients: Client[] = [];
let proxy: TcpProxy | undefined;
let child: Awaited<ReturnType<typeof spawnCollab>> | undefined;
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  if (child) await kill(child.child, "SIGTERM");
  await proxy?.stop();
});

const clockOf = (c: Client) => Y.getState(c.doc.store, c.doc.clientID);
const savedClock = (c: Client) => Math.max(0, ...c.saved.map((m) => m.clocks[String(c.doc.clientID)] ?? 0));

describe("a database outage under the collaboration server", () => {
  it("refuses new connections as retryable (never as no access), survives the dropped connections, and saves again once the database is back", async () => {
    const { group, owner } = await createGroup();
    const editor = await createMember(group.id, "editor");
    const document = await createDocumentIn(group.id, owner.id, "Before the outage.");
    const [ownerToken, editorToken] = [await tokenFor(owner.id), await tokenFor(editor.id)];

    // The server alone in its process (no Next to catch what it leaves unhandled), its database behind a proxy the test cuts.
    proxy = await proxyFor(inject("databaseUrl"));
    child = await spawnCollab({ DATABASE_URL: proxy.url(inject("databaseUrl")), AUTH_SECRET: process.env.AUTH_SECRET! });
    let output = "";
    child.child.stdout!.on("data", (d) => (output += d));
    child.child.stderr!.on("data", (d) => (output += d));

    const writer = connect(child.url, document.id, { token: ownerToken });
    clients.push(writer);
    await synced(writer);
    const text = () => (writer.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text().insert(text().length, " typed-before");
    await until(() => savedClock(writer) >= clockOf(writer), "the first edit saved");

    await proxy.cut();
    // Typing goes on; nothing can be stored, so nothing is acknowledged.
    text().insert(text().length, " typed-during");
    const during = clockOf(writer);
    // Someone opens the document meanwhile: the server cannot check their access and says so in a way clients retry.
    const newcomer = connect(child.url, document.id, { token: editorToken });
    clients.push(newcomer);
    await until(() => newcomer.closes.some((c) => c.code === CLOSE.storageFailed.code), "the newcomer's connection closed as storage unavailable");
    await new Promise((r) => setTimeout(r, 1500));
    expect(newcomer.authFailure).toBeUndefined();
    expect(writer.authFailure).toBeUndefined();
    expect(savedClock(writer)).toBeLessThan(during);

    await proxy.restore();
    const back = Date.now();
    await until(() => savedClock(writer) >= during && newcomer.provider.isSynced, "saving again after the database returned", 5000);
    const resumedMs = Date.now() - back;
    await until(() => textOf(newcomer.doc) === textOf(writer.doc), "the newcomer sees the writer's text");
    expect(textOf(newcomer.doc)).toContain("typed-before typed-during");
    expect(child.child.exitCode).toBeNull();
    expect(output).not.toMatch(/uncaught|unhandled/i);
    console.log(`collab: saving again ${resumedMs} ms after the database returned`);
  }, 180_000);
});
