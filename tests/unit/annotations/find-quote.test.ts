import { describe, expect, it } from "vitest";
import { QuoteSearchThread } from "../../../lib/annotations/find-quote";

// Every place of this text is a one-error match of the quote, each verified in O(quote²): minutes of work.
const SLOW = { text: "a".repeat(60_000), selector: { exact: "b" + "a".repeat(3_000) } };

describe("QuoteSearchThread", () => {
  it("stops a search at its time limit (422), refuses what cannot wait (503), and replaces the stopped thread", async () => {
    const thread = new QuoteSearchThread({ timeLimitMs: 300, maxWaiting: 2 });
    const first = thread.search(SLOW.text, SLOW.selector);
    const second = thread.search(SLOW.text, SLOW.selector);
    await expect(thread.search(SLOW.text, SLOW.selector)).rejects.toMatchObject({ status: 503, code: "anchoring_busy" });
    await expect(first).rejects.toMatchObject({ status: 422, code: "quote_search_timeout" });
    await expect(second).rejects.toMatchObject({ status: 422, code: "quote_search_timeout" });
    expect(await thread.search("Alpha beta gamma.", { exact: "beta" })).toEqual({ start: 6, end: 10, confidence: 1, method: "quote" });
  }, 30_000);

  it("answers as anchorQuote does, off the event loop", async () => {
    // What is checked is the answer: the limit leaves room for starting the thread on a busy machine.
    const thread = new QuoteSearchThread({ timeLimitMs: 20_000, maxWaiting: 2 });
    const text = "a ".repeat(100_000) + "here " + "a ".repeat(100_000);
    expect(await thread.search(text, { exact: "a", prefix: "a a here ", suffix: " a a" })).toEqual({ start: 200_005, end: 200_006, confidence: 1, method: "quote" });
    expect(await thread.search(text, { exact: "a", prefix: "q".repeat(64), suffix: "z".repeat(64) })).toEqual({ error: "ambiguous" });
  }, 30_000);
});
