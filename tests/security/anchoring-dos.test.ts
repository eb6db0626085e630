/**
 * Finding: one annotation request froze the whole server. Anchoring a TextQuoteSelector whose
 * `exact` occurs very often scored every occurrence's prefix/suffix by a full edit distance on
 * the event loop (≈ 85 µs each): 1.7 s for `exact:"a"` on 40 KB of "a a a …", during which
 * `/api/health` waited too. These tests go through the route handlers and measure how long a
 * health check takes while the attack request runs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as health from "@/app/api/health/route";
import * as importRoute from "@/app/api/v1/documents/[documentId]/annotations/import/route";
import { db } from "@/lib/db";
import { ANNOTATION_WRITES_PER_MINUTE, IMPORTS_PER_HOUR } from "@/lib/security/annotation-rate-limit";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../factories";
import { call } from "../integration/http";
import { sourceOf, w3c } from "../integration/w3c/helpers";

/** Health checks that took longer than this mean the event loop was held (the old code: ≥ 1.6 s). */
const STALL_BOUND_MS = 600;

async function member(text: string) {
  const { group, owner } = await createGroup();
  const user = await createMember(group.id, "member");
  const document = await createDocumentIn(group.id, owner.id, text);
  return { document, token: await tokenFor(user.id) };
}

function quoteAnnotation(documentId: string, selector: Record<string, unknown>) {
  return { type: "Annotation", bodyValue: "a note", target: { source: sourceOf(documentId), selector: { type: "TextQuoteSelector", ...selector } } };
}

/**
 * Runs `attack` while health is checked every PAUSE_MS; returns the attack's answer and the
 * longest the event loop was held: the slowest health round trip, or the most a pause overran.
 */
async function whileHealthIsChecked<T>(attack: () => Promise<T>) {
  const PAUSE_MS = 20;
  let done = false;
  let stall = 0;
  const statuses: number[] = [];
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      statuses.push((await health.GET()).status);
      const answered = performance.now();
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      stall = Math.max(stall, answered - started, performance.now() - answered - PAUSE_MS);
    }
  })();
  // Let the first health check start before the attack, so a stall shows in its round trip.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const result = await attack();
  done = true;
  await probe;
  return { result, stall, statuses };
}

/** The event loop was never held long, and every health check said ok. */
function expectResponsive(probe: { stall: number; statuses: number[] }) {
  expect(probe.statuses.length).toBeGreaterThan(0);
  expect(probe.stall).toBeLessThan(STALL_BOUND_MS);
  expect(probe.statuses.every((status) => status === 200)).toBe(true);
}

const annotationCount = (documentId: string) => db().annotation.count({ where: { documentId } });

describe("anchoring cannot freeze the server", () => {
  // A first request loads and compiles code paths once per process; the stall measured is the request's own.
  beforeAll(async () => {
    const { document, token } = await member("a ".repeat(1_000) + "warm");
    await w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json: quoteAnnotation(document.id, { exact: "a", prefix: "q", suffix: "z" }) });
    await w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json: quoteAnnotation(document.id, { exact: "warm" }) });
  });

  it("a quote that occurs 20,000 times with a made-up context: a quick 422, health stays responsive", async () => {
    const { document, token } = await member("a ".repeat(20_000));
    const json = quoteAnnotation(document.id, { exact: "a", prefix: "q".repeat(64), suffix: "z".repeat(64) });
    const probe = await whileHealthIsChecked(() => w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json }));
    expect(probe.result.status).toBe(422);
    expect(probe.result.data.error).toMatchObject({ code: "quote_ambiguous", message: expect.stringContaining("more than once") });
    expectResponsive(probe);
    expect(await annotationCount(document.id)).toBe(0);
  });

  it("a context that almost matches everywhere is told apart without scoring every place", async () => {
    const { document, token } = await member("a ".repeat(20_000));
    // Differs from the text only next to the quote, so each place's context agrees but one letter.
    const json = quoteAnnotation(document.id, { exact: "a", prefix: "a ".repeat(31) + "ab", suffix: "b" + " a".repeat(31) });
    const probe = await whileHealthIsChecked(() => w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json }));
    expect(probe.result.status).toBe(422);
    expect(probe.result.data.error.code).toBe("quote_ambiguous");
    expectResponsive(probe);
  });

  it("a space quoted in 100 KB of prose: 422, health stays responsive", async () => {
    const sentence = "It was the best of times, it was the worst of times, it was the age of wisdom. ";
    const { document, token } = await member(sentence.repeat(Math.ceil(100_000 / sentence.length)));
    const json = quoteAnnotation(document.id, { exact: " ", prefix: "x".repeat(64), suffix: "y".repeat(64) });
    const probe = await whileHealthIsChecked(() => w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json }));
    expect(probe.result.status).toBe(422);
    expect(probe.result.data.error.code).toBe("quote_ambiguous");
    expectResponsive(probe);
  });

  it("a repeated quote on a large document still anchors where its exact context says, off the event loop", async () => {
    // 600,000 code points: past what is searched on the event loop.
    const { document, token } = await member("a ".repeat(150_000) + "the marked place " + "a ".repeat(150_000));
    const json = quoteAnnotation(document.id, { exact: "a", prefix: "a a the marked place a a ", suffix: " a a a" });
    const probe = await whileHealthIsChecked(() => w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json }));
    expect(probe.result.status).toBe(201);
    const position = probe.result.data.target.selector.find((s: { type: string }) => s.type === "TextPositionSelector");
    expect(position).toEqual({ type: "TextPositionSelector", start: 300_000 + "the marked place a a ".length, end: 300_000 + "the marked place a a ".length + 1 });
    expectResponsive(probe);
  });

  it("an approximate search that would run for minutes is stopped: 422, nothing created, the next request works", async () => {
    // Every place of this text is a one-error match of the quote, and each is verified in O(quote²).
    const { document, token } = await member("a".repeat(60_000) + " the end.");
    const json = quoteAnnotation(document.id, { exact: "b" + "a".repeat(3_000) });
    const probe = await whileHealthIsChecked(() => w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json }));
    expect(probe.result.status).toBe(422);
    expect(probe.result.data.error).toMatchObject({ code: "quote_search_timeout", message: expect.stringContaining("took too long") });
    expectResponsive(probe);
    expect(await annotationCount(document.id)).toBe(0);
    // The stopped search thread was replaced.
    const next = await w3c(container.POST, { method: "POST", token, params: { documentId: document.id }, json: quoteAnnotation(document.id, { exact: "the end" }) });
    expect(next.status).toBe(201);
  }, 60_000);
});

describe("imports cannot freeze the server either", () => {
  it("an import of pathological quotes answers each with a clear failure, health stays responsive", async () => {
    const { document, token } = await member("a ".repeat(20_000));
    const items = Array.from({ length: 20 }, (_, i) => quoteAnnotation(document.id, { exact: "a", prefix: `${i}`.repeat(64).slice(0, 64), suffix: "z".repeat(64) }));
    const probe = await whileHealthIsChecked(() =>
      call(importRoute.POST, { method: "POST", token, params: { documentId: document.id }, path: `/api/v1/documents/${document.id}/annotations/import`, json: items }),
    );
    expect(probe.result.status).toBe(200);
    expect(probe.result.data.imported).toBe(0);
    expect(probe.result.data.failed).toHaveLength(20);
    expect(probe.result.data.failed.every((f: { code: string }) => f.code === "quote_ambiguous")).toBe(true);
    expectResponsive(probe);
  }, 60_000);
});

describe("annotation writes and imports are rate-limited per user", () => {
  it(`answers 429 with Retry-After after ${ANNOTATION_WRITES_PER_MINUTE} annotation posts in a minute, for that user only`, async () => {
    const { group, owner } = await createGroup();
    const [heavy, other] = [await createMember(group.id, "member"), await createMember(group.id, "member")];
    const document = await createDocumentIn(group.id, owner.id, "Some words to annotate.");
    const [heavyToken, otherToken] = [await tokenFor(heavy.id), await tokenFor(other.id)];
    const params = { documentId: document.id };
    // Every post counts, even one refused for its content.
    for (let i = 0; i < ANNOTATION_WRITES_PER_MINUTE; i++) {
      const res = await w3c(container.POST, { method: "POST", token: heavyToken, params, json: quoteAnnotation(document.id, { exact: "not in the text" }) });
      expect(res.status).toBe(422);
    }
    const refused = await w3c(container.POST, { method: "POST", token: heavyToken, params, json: quoteAnnotation(document.id, { exact: "words" }) });
    expect(refused.status).toBe(429);
    expect(refused.data.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many annotations") });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const allowed = await w3c(container.POST, { method: "POST", token: otherToken, params, json: quoteAnnotation(document.id, { exact: "words" }) });
    expect(allowed.status).toBe(201);
  });

  it(`answers 429 after ${IMPORTS_PER_HOUR} imports in an hour`, async () => {
    const { document, token } = await member("Some words to annotate.");
    const importOnce = () =>
      call(importRoute.POST, { method: "POST", token, params: { documentId: document.id }, path: `/api/v1/documents/${document.id}/annotations/import`, json: [quoteAnnotation(document.id, { exact: "words" })] });
    for (let i = 0; i < IMPORTS_PER_HOUR; i++) expect((await importOnce()).status).toBe(200);
    const refused = await importOnce();
    expect(refused.status).toBe(429);
    expect(refused.data.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many imports") });
    expect(await annotationCount(document.id)).toBe(IMPORTS_PER_HOUR);
  });
});
