import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstPage, MAX_PAGES, mountedWindow, PAGE_SIZE, showEarlier, showMore, type ListWindow } from "@/components/annotations/list-window";

describe("the mounted stretch of a long list of threads", () => {
  it("starts with one page, or the whole list when it is shorter", () => {
    expect(mountedWindow(firstPage, 1000, -1)).toEqual({ start: 0, end: PAGE_SIZE });
    expect(mountedWindow(firstPage, 7, -1)).toEqual({ start: 0, end: 7 });
    expect(mountedWindow(firstPage, 0, -1)).toEqual({ start: 0, end: 0 });
  });

  it("grows a page at a time and never holds more than a few pages, however long the list", () => {
    let window: ListWindow = firstPage;
    for (let i = 0; i < 60; i++) window = mountedWindow(showMore(window, 1000), 1000, -1);
    expect(window).toEqual({ start: 1000 - MAX_PAGES * PAGE_SIZE, end: 1000 });
    window = mountedWindow(showEarlier(window), 1000, -1);
    expect(window).toEqual({ start: 1000 - (MAX_PAGES + 1) * PAGE_SIZE, end: 1000 - PAGE_SIZE });
  });

  it("reaches every thread by showing more, then back to the first by showing earlier", () => {
    const total = 1000;
    const seen = new Set<number>();
    let window: ListWindow = mountedWindow(firstPage, total, -1);
    for (;;) {
      for (let i = window.start; i < window.end; i++) seen.add(i);
      if (window.end >= total) break;
      window = mountedWindow(showMore(window, total), total, -1);
    }
    expect(seen.size).toBe(total);
    while (window.start > 0) window = mountedWindow(showEarlier(window), total, -1);
    expect(window.start).toBe(0);
  });

  it("moves to the focused thread's page when it lies outside (a deep link, a click on its words)", () => {
    expect(mountedWindow(firstPage, 1000, 905)).toEqual({ start: 900, end: 920 });
    expect(mountedWindow({ start: 0, end: 60 }, 1000, 45)).toEqual({ start: 0, end: 60 });
  });

  it("stays within the list when it shrinks (a filter)", () => {
    expect(mountedWindow({ start: 400, end: 460 }, 30, -1)).toEqual({ start: 20, end: 30 });
  });

  it("always mounts a bounded, non-empty stretch that holds the focused thread", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -1, max: 5000 }), (total, start, span, active) => {
        const window = mountedWindow({ start, end: start + span }, total, active < total ? active : -1);
        expect(window.start).toBeGreaterThanOrEqual(0);
        expect(window.end).toBeLessThanOrEqual(total);
        expect(window.end).toBeGreaterThan(window.start);
        if (active >= 0 && active < total) expect(active >= window.start && active < window.end).toBe(true);
        if (span <= MAX_PAGES * PAGE_SIZE) expect(window.end - window.start).toBeLessThanOrEqual(MAX_PAGES * PAGE_SIZE);
      }),
    );
  });
});
