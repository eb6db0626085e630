/**
 * A long reading text for benchmarks: essay-like paragraphs under occasional headings, made
 * from a seeded PRNG so every run gets the same document. Words repeat as in real prose (common
 * words often, rarer ones less), so short quotes are ambiguous the way they are in real texts.
 * Only BMP characters (é, —, ’): code points and UTF-16 units coincide, which keeps the
 * benchmarks' bookkeeping simple; the anchoring code is tested with astral text elsewhere.
 */
import type { JSONContent } from "@tiptap/core";
import type { Random } from "./random";

const COMMON = (
  "the of and to in a is that it as for was with by on this which be are from or his her not an at but its they " +
  "their we one all had what more when there can who so some them than into only other also these may would its such"
).split(" ");

const NOUNS = (
  "reader text margin page chapter argument author seminar note passage language memory archive library history " +
  "translation sentence paragraph reading question answer evidence letter manuscript edition draft commentary scholar " +
  "student teacher story novel poem voice silence city river garden window house road winter summer morning evening " +
  "light shadow mirror theory method practice tradition century revolution empire village market harbour journey " +
  "silence promise error doubt belief reason habit custom institution censorship printing press pamphlet newspaper " +
  "café façade régime naïveté rôle"
).split(" ");

const VERBS = (
  "reads writes argues suggests claims remembers forgets translates returns describes insists doubts notices hides " +
  "reveals changes keeps loses finds follows questions answers repeats quotes borrows misreads revises publishes burns " +
  "collects annotates underlines opens closes measures compares"
).split(" ");

const ADJECTIVES = (
  "early late long short quiet careful strange familiar obscure famous forgotten first last final central marginal " +
  "private public small large old new difficult plain dense light heavy slow sudden uncertain literal figurative"
).split(" ");

const ADVERBS = "slowly often rarely again almost nearly perhaps simply quietly openly always never once".split(" ");
const CONNECTIVES = ["however", "therefore", "in other words", "at the same time", "for this reason", "as a result", "even so", "by contrast"];
const NAMES = ["Montaigne", "Erasmus", "Woolf", "Benjamin", "Borges", "Eliot", "Hypatia", "Ibn Rushd", "Christine de Pizan", "Zhuangzi"];

function word(random: Random): string {
  const r = random.next();
  if (r < 0.42) return random.pick(COMMON);
  if (r < 0.72) return random.pick(NOUNS);
  if (r < 0.84) return random.pick(VERBS);
  if (r < 0.95) return random.pick(ADJECTIVES);
  if (r < 0.98) return random.pick(ADVERBS);
  return random.pick(NAMES);
}

function sentence(random: Random): string {
  const words: string[] = [];
  const length = random.int(6, 28);
  if (random.chance(0.15)) words.push(random.pick(CONNECTIVES) + ",");
  for (let i = 0; i < length; i++) {
    let w = word(random);
    if (i > 2 && i < length - 2 && random.chance(0.06)) w += ",";
    words.push(w);
  }
  if (random.chance(0.05)) words.splice(random.int(1, words.length - 1), 0, "—");
  if (random.chance(0.04)) words[words.length - 1] = `“${words[words.length - 1]}”`;
  if (random.chance(0.05)) words[random.int(0, words.length - 1)] += "’s";
  const text = words.join(" ");
  return text[0].toUpperCase() + text.slice(1) + random.pick([".", ".", ".", ".", ".", "?", "!"]);
}

/** `n` words of the corpus's vocabulary, space-separated (for typed insertions). */
export function phrase(random: Random, n: number): string {
  return Array.from({ length: n }, () => word(random)).join(" ");
}

export type CorpusBlock = { type: "paragraph" | "heading"; text: string };

/** Blocks whose text projection (blocks joined by "\n\n") is `length` code points long (rarely a few less). */
export function makeCorpus(random: Random, length: number): CorpusBlock[] {
  const blocks: CorpusBlock[] = [];
  let total = 0;
  const add = (block: CorpusBlock) => {
    total += (blocks.length ? 2 : 0) + block.text.length;
    blocks.push(block);
  };
  while (total < length) {
    if (blocks.length === 0 || random.chance(0.08)) {
      const heading = Array.from({ length: random.int(2, 6) }, () => word(random)).join(" ");
      add({ type: "heading", text: heading[0].toUpperCase() + heading.slice(1) });
    }
    const sentences = Array.from({ length: random.int(2, 9) }, () => sentence(random));
    add({ type: "paragraph", text: sentences.join(" ") });
  }
  // Cut the last block so the total is exact; never leave it empty or ending in a space.
  const last = blocks[blocks.length - 1];
  const over = total - length;
  if (over > 0) {
    if (last.text.length - over >= 1) last.text = last.text.slice(0, last.text.length - over);
    else blocks.pop();
  }
  return blocks;
}

/** ProseMirror JSON of the blocks (for jsonToYUpdate). */
export function corpusJSON(blocks: CorpusBlock[]): JSONContent {
  return {
    type: "doc",
    content: blocks.map((b) =>
      b.type === "heading" ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: b.text }] } : { type: "paragraph", content: [{ type: "text", text: b.text }] },
    ),
  };
}

/** The text projection of the blocks: what buildProjectionMap(doc).text is for the fresh document. */
export function corpusText(blocks: CorpusBlock[]): string {
  return blocks.map((b) => b.text).join("\n\n");
}
