/**
 * Where the margin's cards go, for any number of notes. Every card is level with its words, or
 * pushed down by at most `tolerance` px; where cards would overlap further they collapse into one
 * compact stack ("4 notes") in place of the card above. A stack the reader opened shows its cards one under the other, and
 * the focused thread is always shown in full, level with its words, with the rest of its stack
 * split above and below it; the blocks around make room (those above move up, those below down).
 *
 * Collapsed, the margin is never taller than the text plus `tolerance` and one card: each block
 * starts at most `tolerance` below its own words. Pure and linear in the number of notes; the margin mounts only the blocks near the
 * viewport (visibleBlocks).
 */

/** A note to place: `top` is where its words are (px from the margin's top), `height` its card's. */
export type MarginEntry = { id: string; top: number; height: number };

export type MarginLayoutOptions = {
  /** Space kept between two blocks. */
  gap: number;
  /** Height of a collapsed stack. */
  stackHeight: number;
  /** Height of the bar above an opened stack (its count and the control that closes it). */
  openHeaderHeight: number;
  /** The focused thread: shown in full, level with its words. */
  activeId?: string | null;
  /** Stacks holding any of these ids are shown opened. */
  opened?: ReadonlySet<string>;
  /** No block goes above this. */
  minTop?: number;
  /** How far below its words a card may be pushed (with a leader line back) before it joins a stack instead; 0: never. */
  tolerance?: number;
};

export type MarginBlock =
  | { kind: "card"; id: string; top: number; height: number; wordTop: number }
  /** Collapsed notes; `key` (its first id) names it for React and for opening. */
  | { kind: "stack"; key: string; ids: string[]; top: number; height: number; wordTop: number }
  /** The bar above an opened stack's cards. */
  | { kind: "opened"; key: string; ids: string[]; top: number; height: number; wordTop: number };

export type MarginLayout = {
  /** In order, top to bottom, never overlapping. */
  blocks: MarginBlock[];
  /** The lowest point any block reaches. */
  height: number;
};

type Group = { top: number; members: MarginEntry[]; height: number };

/**
 * Runs of notes shown as one stack, computed as if every stack were collapsed: a note whose card
 * would sit more than `tolerance` px below its words (pushed by the block above) joins that block.
 */
export function groupEntries(entries: readonly MarginEntry[], { gap, stackHeight, tolerance = 0 }: Pick<MarginLayoutOptions, "gap" | "stackHeight" | "tolerance">): MarginEntry[][] {
  const sorted = entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.top - b.entry.top || a.index - b.index);
  const groups: Group[] = [];
  let bottom = -Infinity;
  for (const { entry } of sorted) {
    const last = groups[groups.length - 1];
    const top = Math.max(entry.top, bottom + gap);
    if (last && top - entry.top > tolerance) {
      last.members.push(entry);
      last.height = stackHeight;
      bottom = last.top + stackHeight;
    } else {
      groups.push({ top, members: [entry], height: entry.height });
      bottom = top + entry.height;
    }
  }
  return groups.map((g) => g.members);
}

/** The blocks one group shows, with their offsets from the group's top, and which offset sits level with the words. */
function piecesOf(members: MarginEntry[], options: MarginLayoutOptions): { pieces: MarginBlock[]; height: number; levelOffset: number; levelWordTop: number } {
  const { gap, stackHeight, openHeaderHeight, activeId = null, opened } = options;
  // Each piece's `top` is its offset from the group's top until the group is placed.
  const pieces: MarginBlock[] = [];
  let offset = 0;
  const push = (block: MarginBlock) => {
    pieces.push(block);
    offset += block.height + gap;
  };
  const card = (m: MarginEntry) => push({ kind: "card", id: m.id, top: offset, height: m.height, wordTop: m.top });
  const stack = (ms: MarginEntry[]) => push({ kind: "stack", key: ms[0].id, ids: ms.map((m) => m.id), top: offset, height: stackHeight, wordTop: ms[0].top });
  let levelOffset = 0;
  let levelWordTop = members[0].top;
  if (members.length === 1) {
    card(members[0]);
  } else if (opened && members.some((m) => opened.has(m.id))) {
    push({ kind: "opened", key: members[0].id, ids: members.map((m) => m.id), top: offset, height: openHeaderHeight, wordTop: members[0].top });
    for (const m of members) {
      if (m.id === activeId) {
        levelOffset = offset;
        levelWordTop = m.top;
      }
      card(m);
    }
  } else {
    const at = activeId === null ? -1 : members.findIndex((m) => m.id === activeId);
    if (at < 0) {
      stack(members);
    } else {
      const before = members.slice(0, at);
      const after = members.slice(at + 1);
      if (before.length === 1) card(before[0]);
      else if (before.length > 1) stack(before);
      levelOffset = offset;
      levelWordTop = members[at].top;
      card(members[at]);
      if (after.length === 1) card(after[0]);
      else if (after.length > 1) stack(after);
    }
  }
  return { pieces, height: offset - gap, levelOffset, levelWordTop };
}

/** Places every note: see the module comment. */
export function layoutMargin(entries: readonly MarginEntry[], options: MarginLayoutOptions): MarginLayout {
  const { gap, activeId = null, minTop = 0 } = options;
  const groups = groupEntries(entries, options).map((members) => piecesOf(members, options));
  const tentative = groups.map((g) => Math.max(g.levelWordTop - g.levelOffset, minTop));
  const focus = activeId === null ? -1 : groups.findIndex((g) => g.pieces.some((p) => p.kind === "card" && p.id === activeId));
  // Above the focused thread: each group ends a gap above the next one, or stays level with its words.
  for (let i = focus - 1; i >= 0; i--) tentative[i] = Math.min(tentative[i], tentative[i + 1] - gap - groups[i].height);
  const blocks: MarginBlock[] = [];
  let bottom = -Infinity;
  groups.forEach((group, i) => {
    const top = Math.max(tentative[i], minTop, bottom + gap);
    for (const piece of group.pieces) blocks.push({ ...piece, top: top + piece.top });
    bottom = top + group.height;
  });
  return { blocks, height: Math.max(0, bottom) };
}

/** Indices [first, last) of the blocks that reach into [from, to]; blocks are ordered and never overlap. */
export function visibleBlocks(blocks: readonly MarginBlock[], from: number, to: number): [number, number] {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].top + blocks[mid].height < from) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < blocks.length && blocks[last].top <= to) last++;
  return [lo, last];
}

/** The ids a block stands for. */
export function idsOf(block: MarginBlock): string[] {
  return block.kind === "card" ? [block.id] : block.ids;
}
