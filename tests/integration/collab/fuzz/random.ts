/**
 * mulberry32: a tiny seeded PRNG. The same seed always yields the same sequence, so a fuzz
 * run that fails can be replayed exactly (as far as the operations chosen are concerned).
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K;
  /** `length` characters drawn from `alphabet` (indexed by UTF-16 unit: keep it in the BMP). */
  string(length: number, alphabet?: string): string;
  bytes(length: number): Uint8Array;
};

/** Letters, a space and a few non-ASCII BMP characters (no surrogate pairs). */
export const ALPHABET = "abcdefghijklmnopqrstuvwxyz     éßøñ中文ж";

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        if ((r -= w) < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    string(length, alphabet = ALPHABET) {
      let s = "";
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
  return rng;
}
