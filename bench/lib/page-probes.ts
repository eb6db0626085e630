/**
 * What the reading-page benchmark runs inside the page, as plain JavaScript source (not
 * functions: tsx would compile them with helpers the page does not have).
 *
 * The init script records, on the page's own clock (performance.now(), 0 = navigation start):
 *   lcp      every largest-contentful-paint candidate (time, size, and which element)
 *   shifts   every layout shift before input (value, and the elements that moved): their sum is
 *            the page's CLS while loading
 *   long     every long task (≥ 50 ms) as [start, end]
 *   ready    when the text became usable: `readySelector` matched (the live editor's data-ready)
 *   placed   the first frame in which the margin's cards in the viewport were all placed: the
 *            margin's own signal when it has one (`data-cards-placed` on the margin), otherwise
 *            at least one card in the viewport and none there still hidden (opacity 0 while the
 *            margin has not measured where its words are)
 *   events   Event Timing entries of keydowns (the browser's timeStamp → next paint, 8 ms
 *            granularity, only those of 16 ms or more): a cross-check of `keys`
 *   keys     per keydown: event.timeStamp (when the browser took the key) and the listener's
 *            start, to the end of the next frame (requestAnimationFrame, then a user-blocking
 *            task posted from it, which runs after the frame's style, layout and paint and ahead
 *            of tasks the page queued meanwhile)
 */

export const MARGIN_SELECTOR = 'aside[aria-label="Margin"]';
export const CARD_SELECTOR = `${MARGIN_SELECTOR} article[data-annotation-id]`;
/** If the margin sets this attribute once its visible cards are placed, it is used as is. */
export const PLACED_SIGNAL = "data-cards-placed";

export function initScript(opts: { readySelector: string; cards: boolean }): string {
  return `(() => {
  const b = (window.__bench = { lcp: [], shifts: [], long: [], keys: [], events: [], ready: null, placed: null, placedVia: null, errors: [] });
  const observers = [];
  const observe = (type, onEntry, extra) => {
    try {
      const o = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
      o.observe(Object.assign({ type, buffered: true }, extra));
      observers.push([o, onEntry]);
    } catch (error) {
      b.errors.push(type + ": " + error);
    }
  };
  const describe = (el) => {
    if (!el || !el.tagName) return null;
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    const cls = typeof el.className === "string" ? el.className.trim().split(/\\s+/).filter(Boolean).slice(0, 2) : [];
    if (cls.length) name += "." + cls.join(".");
    const parent = el.parentElement && el.parentElement.closest("[class]");
    const within = parent && typeof parent.className === "string" ? parent.className.trim().split(/\\s+/)[0] : null;
    return within ? name + " in ." + within : name;
  };
  observe("largest-contentful-paint", (e) => b.lcp.push({ t: e.startTime, size: e.size, tag: e.element ? e.element.tagName : null, element: describe(e.element) }));
  observe("layout-shift", (e) => {
    if (!e.hadRecentInput) b.shifts.push({ t: e.startTime, value: e.value, sources: (e.sources || []).map((s) => describe(s.node)).filter(Boolean).slice(0, 3) });
  });
  observe("longtask", (e) => b.long.push([e.startTime, e.startTime + e.duration]));
  // Event Timing: the browser's own key-to-next-paint, for keys that took 16 ms or more (its floor).
  observe("event", (e) => { if (e.name === "keydown") b.events.push({ at: e.startTime, duration: e.duration }); }, { durationThreshold: 16 });
  b.flush = () => observers.forEach(([o, onEntry]) => o.takeRecords().forEach(onEntry));

  addEventListener("keydown", (event) => {
    const at = event.timeStamp;
    const handled = performance.now();
    const done = () => b.keys.push({ key: event.key, at, handled, frame: performance.now() });
    // After the frame: a user-blocking task runs ahead of the page's own queued work (a plain
    // setTimeout would wait behind it and count that work as the frame's).
    requestAnimationFrame(() => (window.scheduler && scheduler.postTask ? scheduler.postTask(done, { priority: "user-blocking" }) : setTimeout(done, 0)));
  }, true);

  const readySelector = ${JSON.stringify(opts.readySelector)};
  const cards = ${JSON.stringify(opts.cards)};
  const placedNow = () => {
    const margin = document.querySelector(${JSON.stringify(MARGIN_SELECTOR)});
    if (!margin) return null;
    if (margin.hasAttribute(${JSON.stringify(PLACED_SIGNAL)})) return "signal";
    const list = margin.querySelectorAll("article[data-annotation-id]");
    let seen = 0;
    for (const card of list) {
      const r = card.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
      if (!card.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
      seen++;
    }
    return seen > 0 ? "cards" : null;
  };
  let dirty = true;
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (!dirty) return;
    dirty = false;
    const now = performance.now();
    if (b.ready === null && document.querySelector(readySelector)) b.ready = now;
    if (cards && b.placed === null) {
      const via = placedNow();
      if (via) {
        b.placed = now;
        b.placedVia = via;
      }
    }
    if (b.ready !== null && (!cards || b.placed !== null)) mutations.disconnect();
  };
  const mutations = new MutationObserver(() => {
    dirty = true;
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  });
  mutations.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "style", "data-ready", ${JSON.stringify(PLACED_SIGNAL)}] });
})();`;
}

/**
 * Time to interactive, from what the init script recorded: the end of the last long task before
 * the first 500 ms without one, starting when the text became usable; null until such a quiet
 * window has passed (the caller polls).
 */
export const TTI_EXPRESSION = `(() => {
  const b = window.__bench;
  b.flush();
  if (b.ready === null) return null;
  const tasks = b.long.slice().sort((x, y) => x[0] - y[0]);
  let t = b.ready;
  for (const [start, end] of tasks) {
    if (end <= t) continue;
    if (start - t >= 500) break;
    t = Math.max(t, end);
  }
  return performance.now() - t >= 500 ? t : null;
})()`;

/** True once no long task has run for `ms` milliseconds. */
export function quietExpression(ms: number): string {
  return `(() => { const b = window.__bench; b.flush(); const last = b.long.reduce((m, t) => Math.max(m, t[1]), 0); return performance.now() - last >= ${ms}; })()`;
}

export const STATE_EXPRESSION = `(() => { const b = window.__bench; b.flush(); return { lcp: b.lcp, shifts: b.shifts, long: b.long.length, ready: b.ready, placed: b.placed, placedVia: b.placedVia, errors: b.errors, keys: b.keys.length }; })()`;

/**
 * Puts the caret mid-text: in the paragraph at the middle of the text, after the space nearest
 * the paragraph's middle, with that paragraph scrolled to the middle of the window. Returns the
 * paragraph's text length, or throws when the text is not editable.
 */
export function caretExpression(rootSelector: string): string {
  return `(() => {
  const root = document.querySelector(${JSON.stringify(rootSelector)});
  if (!root) throw new Error("no editable text (" + ${JSON.stringify(rootSelector)} + ")");
  if (!root.isContentEditable) throw new Error("the text is not editable for this reader");
  const blocks = Array.from(root.children).filter((el) => el.tagName === "P");
  const block = blocks[Math.floor(blocks.length / 2)];
  block.scrollIntoView({ block: "center" });
  root.focus({ preventScroll: true });
  const nodes = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest(".collaboration-carets__caret")) nodes.push(n);
  const text = nodes.map((n) => n.data).join("");
  let at = text.indexOf(" ", Math.floor(text.length / 2));
  if (at < 0) at = text.length - 1;
  at += 1;
  let passed = 0;
  for (const node of nodes) {
    if (at <= passed + node.data.length) {
      const range = document.createRange();
      range.setStart(node, at - passed);
      range.collapse(true);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      window.__benchBlock = block;
      return { blockIndex: blocks.indexOf(block), blocks: blocks.length, at, length: text.length };
    }
    passed += node.data.length;
  }
  throw new Error("could not place the caret");
})()`;
}

/** The document's navigation timing: first byte, end of the response, first contentful paint (null before it), decoded HTML bytes. */
export const NAVIGATION_EXPRESSION = `(() => {
  const [nav] = performance.getEntriesByType("navigation");
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return { ttfb: nav.responseStart, responseEnd: nav.responseEnd, fcp: fcp ? fcp.startTime : null, bytes: nav.decodedBodySize };
})()`;
