import { afterAll, expect, inject } from "vitest";
import * as Y from "yjs";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../factories";
import { connect, synced, textOf, until, type Client } from "../integration/collab/harness";
import { startApp, type AppInstance } from "./app";
import { proxyFor, type TcpProxy } from "./tcp-proxy";

/** A writer: a real provider on one instance appending unique tokens to its own paragraph. */
export type Writer = { client: Client; paragraph: number; name: string; sent: { token: string; clock: number }[]; authFailures: string[] };

export const clockOf = (c: Client) => Y.getState(c.doc.store, c.doc.clientID);
export const savedClock = (c: Client) => Math.max(0, ...c.saved.map((m) => m.clocks[String(c.doc.clientID)] ?? 0));
export const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The environment of every instance a fault test starts, besides its database and Redis. */
const APP_ENV = { AUTH_SECRET: "fault-tests-secret-not-for-production", APP_URL: "http://127.0.0.1" };

/**
 * Two app instances sharing Postgres and Redis, with a writer typing-ready on each: the stage of
 * every fault test. Everything it opens (instances, clients, proxies) is closed after the file.
 * `behindProxies`: Postgres and Redis are reached through TCP proxies the test can cut.
 */
export function useTwoInstances() {
  const instances: AppInstance[] = [];
  const clients: Client[] = [];
  const proxies: TcpProxy[] = [];
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(proxies.map((p) => p.stop()));
  });
  return {
    instances,
    clients,
    async start({ behindProxies = false } = {}) {
      const databaseUrl = inject("databaseUrl");
      const redisUrl = process.env.REDIS_URL!;
      const postgres = behindProxies ? await proxyFor(databaseUrl) : null;
      const redis = behindProxies ? await proxyFor(redisUrl) : null;
      if (postgres && redis) proxies.push(postgres, redis);
      const env = { DATABASE_URL: postgres?.url(databaseUrl) ?? databaseUrl, REDIS_URL: redis?.url(redisUrl) ?? redisUrl, ...APP_ENV };
      instances.push(...(await Promise.all([startApp(env), startApp(env)])));
      const scene = await createScene();
      const writers = await connectWriters(instances, scene.document.id, scene.editorTokens);
      clients.push(...writers.map((w) => w.client));
      return { env, postgres, redis, scene, writers };
    },
  };
}

/**
 * Fresh clients on every instance agree and hold every token the writers sent; nothing
 * acknowledged was lost, nothing stored twice, the seeded text is there once, and no writer was
 * ever refused. Resolves with the counts and how long agreement took.
 */
export async function expectNothingLost(instances: AppInstance[], scene: { document: { id: string }; ownerToken: string }, writers: Writer[], ms = 5000) {
  const wanted = writers.flatMap((w) => w.sent.map((s) => s.token));
  const { text, tookMs } = await agreement(instances, scene.document.id, scene.ownerToken, wanted, ms);
  const result = checkNoLossNoDuplicates(text, writers);
  expect(result.lost).toEqual([]);
  expect(result.duplicated).toEqual([]);
  expect(result.seeded).toBe(1);
  expect(writers.flatMap((w) => w.authFailures)).toEqual([]);
  return { ...result, tookMs };
}

/** A group with an owner and two editors, and a document with a paragraph per writer. */
export async function createScene() {
  const { group, owner } = await createGroup();
  const editors = [await createMember(group.id, "editor"), await createMember(group.id, "editor")];
  const document = await createDocumentIn(group.id, owner.id, "Seeded once.\n\nA:\n\nB:");
  return { group, owner, document, ownerToken: await tokenFor(owner.id), editorTokens: [await tokenFor(editors[0].id), await tokenFor(editors[1].id)] };
}

/** Writer A on the first instance, writer B on the second. */
export async function connectWriters(instances: AppInstance[], documentId: string, tokens: string[]): Promise<Writer[]> {
  const writers = instances.map((instance, i) => {
    const client = connect(instance.collabUrl, documentId, { token: tokens[i] });
    const writer: Writer = { client, paragraph: i + 1, name: "AB"[i], sent: [], authFailures: [] };
    client.provider.on("authenticationFailed", ({ reason }: { reason: string }) => writer.authFailures.push(reason));
    return writer;
  });
  await Promise.all(writers.map((w) => synced(w.client)));
  return writers;
}

/** Every writer appends a unique token every `everyMs`; returns the function that stops them. */
export function startTyping(writers: Writer[], everyMs = 40): () => void {
  let n = 0;
  const timer = setInterval(() => {
    for (const w of writers) {
      const element = w.client.doc.getXmlFragment("default").get(w.paragraph) as Y.XmlElement;
      const text = element.get(0) as Y.XmlText;
      const token = `[${w.name}${n}]`;
      text.insert(text.length, token);
      w.sent.push({ token, clock: clockOf(w.client) });
    }
    n++;
  }, everyMs);
  return () => clearInterval(timer);
}

/** The tokens the server has acknowledged as saved. */
export const acknowledged = (w: Writer) => w.sent.filter((s) => s.clock <= savedClock(w.client)).map((s) => s.token);

/** Waits until every writer's latest edit is acknowledged; resolves with how long that took. */
export async function savingAgain(writers: Writer[], ms: number): Promise<number> {
  const started = Date.now();
  const targets = writers.map((w) => clockOf(w.client));
  await until(() => writers.every((w, i) => savedClock(w.client) >= targets[i]), "every writer's edits saved again", ms);
  return Date.now() - started;
}

/** What a fresh client of the instance sees (connects, syncs, reads, leaves). */
export async function freshText(instance: AppInstance, documentId: string, token: string): Promise<string> {
  const client = connect(instance.collabUrl, documentId, { token });
  try {
    await synced(client);
    return textOf(client.doc);
  } finally {
    client.destroy();
  }
}

/** Fresh clients on every instance until they agree and hold every token wanted; resolves with the text and how long it took. */
export async function agreement(instances: AppInstance[], documentId: string, token: string, wanted: string[], ms: number): Promise<{ text: string; tookMs: number }> {
  const started = Date.now();
  let texts: string[] = [];
  while (Date.now() - started < ms) {
    texts = await Promise.all(instances.map((i) => freshText(i, documentId, token)));
    if (texts.every((t) => t === texts[0]) && wanted.every((w) => texts[0].includes(w))) return { text: texts[0], tookMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 200));
  }
  const missing = wanted.filter((w) => !texts.every((t) => t.includes(w)));
  throw new Error(`fresh clients did not agree within ${ms} ms: ${texts.map((t) => t.length).join(" vs ")} characters, ${missing.length} tokens missing (${missing.slice(0, 5).join(" ")})`);
}

/** A client that collects the annotation events its instance sends. */
export function listenForAnnotations(instance: AppInstance, documentId: string, token: string) {
  const client = connect(instance.collabUrl, documentId, { token });
  const events: { type: string; id?: string }[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { type: string; annotation?: { id?: string } };
    // Ids are IRIs; the last segment is the annotation's own id.
    if (message.type.startsWith("annotation.")) events.push({ type: message.type, id: message.annotation?.id?.split("/").at(-1) });
  });
  return { client, events };
}

/** The annotation's own id from the W3C answer's IRI. */
export const annotationIdOf = async (response: Response) => ((await response.json()) as { id: string }).id.split("/").at(-1)!;

/** POSTs a W3C annotation on `exact` to the instance's container; the response. */
export async function postAnnotation(instance: AppInstance, documentId: string, token: string, exact: string) {
  return fetch(`${instance.baseUrl}/api/annotations/${documentId}/`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    body: JSON.stringify({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: `A note on ${exact}`, format: "text/plain", purpose: "commenting" },
      target: { source: `${instance.baseUrl}/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
    }),
  });
}

/** Checks nothing acknowledged was lost and nothing was stored twice; returns the counts. */
export function checkNoLossNoDuplicates(text: string, writers: Writer[]) {
  const acked = writers.flatMap(acknowledged);
  const lost = acked.filter((t) => count(text, t) !== 1);
  const duplicated = writers.flatMap((w) => w.sent.map((s) => s.token)).filter((t) => count(text, t) > 1);
  return { acknowledged: acked.length, sent: writers.reduce((n, w) => n + w.sent.length, 0), lost, duplicated, seeded: count(text, "Seeded once.") };
}
