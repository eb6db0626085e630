/**
 * Which stretch of a long list of threads is mounted (the phone sheet, the list layout, the
 * orphans): whole pages of PAGE_SIZE, at most MAX_PAGES of them at once, so the number of cards
 * in the page never grows with the number of notes. "Show more" and "Show earlier" move the
 * stretch; the focused thread's page is always in it.
 */

/** A stretch of the list: indices [start, end). */
export type ListWindow = { start: number; end: number };

export const PAGE_SIZE = 20;
export const MAX_PAGES = 3;

export const firstPage: ListWindow = { start: 0, end: PAGE_SIZE };

/** The stretch with the next page added at the end (the first page dropped once it holds MAX_PAGES). */
export function showMore(window: ListWindow, total: number): ListWindow {
  const end = Math.min(total, window.end + PAGE_SIZE);
  return { start: Math.max(window.start, end - MAX_PAGES * PAGE_SIZE), end };
}

/** The stretch with the page before it added (the last page dropped once it holds MAX_PAGES). */
export function showEarlier(window: ListWindow): ListWindow {
  const start = Math.max(0, window.start - PAGE_SIZE);
  return { start, end: Math.min(window.end, start + MAX_PAGES * PAGE_SIZE) };
}

/** The stretch to mount: `window` within the list, moved to the focused thread's page when that lies outside it. */
export function mountedWindow(window: ListWindow, total: number, activeIndex: number): ListWindow {
  if (activeIndex >= 0 && activeIndex < total && (activeIndex < window.start || activeIndex >= window.end)) {
    const start = Math.floor(activeIndex / PAGE_SIZE) * PAGE_SIZE;
    return { start, end: Math.min(total, start + PAGE_SIZE) };
  }
  const start = Math.min(window.start, Math.max(0, Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE));
  return { start, end: Math.min(total, Math.max(window.end, start + PAGE_SIZE)) };
}
