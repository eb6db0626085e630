/**
 * Where each thread card sits in the margin: level with its words when there is room, stacked
 * downwards when cards would overlap. The focused card keeps its place beside its words and the
 * cards above it move up to make room, as far as the top of the margin allows.
 */

/** A card to place: `top` is where its words are (px from the margin's top), `height` its size. */
export type CardBox = { id: string; top: number; height: number };

export type StackOptions = {
  /** Space kept between two cards. */
  gap: number;
  /** No card goes above this (room for the margin's own header). */
  minTop?: number;
  /** The focused card, placed level with its words whenever the top of the margin allows. */
  focusedId?: string | null;
};

/**
 * Tops for every card, by id. Cards keep the order of their words (ties keep the input order),
 * never overlap, and none is placed above `minTop`.
 */
export function stackCards(cards: readonly CardBox[], { gap, minTop = 0, focusedId = null }: StackOptions): Map<string, number> {
  const ordered = cards.map((card, index) => ({ card, index })).sort((a, b) => a.card.top - b.card.top || a.index - b.index);
  const boxes = ordered.map(({ card }) => card);
  const tentative = boxes.map((card) => Math.max(card.top, minTop));
  const focus = focusedId === null ? -1 : boxes.findIndex((card) => card.id === focusedId);
  // Above the focused card: each ends a gap above the next one, or stays level with its words.
  for (let i = focus - 1; i >= 0; i--) {
    tentative[i] = Math.min(tentative[i], tentative[i + 1] - gap - boxes[i].height);
  }
  const tops = new Map<string, number>();
  let bottom = -Infinity;
  for (let i = 0; i < boxes.length; i++) {
    const top = Math.max(tentative[i], minTop, bottom + gap);
    tops.set(boxes[i].id, top);
    bottom = top + boxes[i].height;
  }
  return tops;
}

/** The lowest point any card reaches, for the margin's height. */
export function stackBottom(cards: readonly CardBox[], tops: ReadonlyMap<string, number>): number {
  let bottom = 0;
  for (const card of cards) bottom = Math.max(bottom, (tops.get(card.id) ?? card.top) + card.height);
  return bottom;
}
