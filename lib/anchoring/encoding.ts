/**
 * Byte format of one anchor edge. It starts with exactly what Y.encodeRelativePosition writes for
 * a position at an item, so Y.decodeRelativePosition reads the edge character's position from it
 * (Yjs ignores trailing bytes), and appends what resolution needs when that alone is not enough:
 * - the IDs of the enclosing types' items up to the top-level block, for when the character's
 *   Y.XmlText or block was deleted (Yjs then garbage-collects its content and the character's
 *   relative position no longer resolves);
 * - for each client that wrote the annotated characters, its clock when the anchor was made, to
 *   tell the annotated characters from text typed later.
 * Layout: 0, client, clock, assoc | n, n × (client, clock) | m, m × (client, clock) | u32 body length | VERSION
 * (varuints except assoc, a lib0 varint). Parsed by hand: resolution decodes thousands per request.
 */

const VERSION = 0xa1;
const FOOTER = 5;

/**
 * One decoded edge of an anchor. Only the head is read up front; the ancestors and the known clocks
 * stay in `bytes` and are read on demand, so resolving thousands of anchors allocates little.
 */
export interface Edge {
  bytes: Uint8Array;
  /** Yjs assoc: 0 sticks to the character after the position (start), -1 to the one before (end). */
  assoc: number;
  /** The edge character's (or hardBreak's) Yjs ID. */
  client: number;
  clock: number;
  /** Where the ancestors list starts in `bytes`; -1 for a bare relative position (nothing more known). */
  body: number;
}

/** What encodeEdge writes: the edge character's ID, its ancestors' item IDs and the clients' clocks. */
export interface EdgeSource {
  assoc: number;
  /** [client, clock] pairs: the edge character (or hardBreak), then each enclosing type's item, innermost first. */
  path: number[];
  /** [client, clock] pairs: each client that wrote annotated characters, with its clock when the anchor was made. */
  known: number[];
}

function writeVarUint(out: number[], value: number): void {
  // Arithmetic, not bit operations: clocks may exceed 2^31.
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

function writePairs(out: number[], pairs: number[]): void {
  writeVarUint(out, pairs.length / 2);
  for (const value of pairs) writeVarUint(out, value);
}

/** Encodes an anchor edge; `path` holds at least the edge character's ID. */
export function encodeEdge(edge: EdgeSource): Uint8Array {
  const out: number[] = [0];
  writeVarUint(out, edge.path[0]);
  writeVarUint(out, edge.path[1]);
  // lib0 varint of a small assoc: sign in bit 6, magnitude below it.
  out.push(edge.assoc < 0 ? 0x40 | Math.min(-edge.assoc, 0x3f) : Math.min(edge.assoc, 0x3f));
  const headLength = out.length;
  writePairs(out, edge.path.slice(2));
  writePairs(out, edge.known);
  const bodyLength = out.length - headLength;
  out.push((bodyLength >>> 24) & 0xff, (bodyLength >>> 16) & 0xff, (bodyLength >>> 8) & 0xff, bodyLength & 0xff, VERSION);
  return Uint8Array.from(out);
}

class Reader {
  private bytes: Uint8Array = new Uint8Array(0);
  pos = 0;
  private end = 0;

  /** Points the reader at bytes[pos, end); one reader is reused, as decoding runs per anchor edge. */
  at(bytes: Uint8Array, pos: number, end: number): this {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
    return this;
  }

  varUint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.end || scale > 2 ** 49) throw new RangeError("Malformed anchor");
      const byte = this.bytes[this.pos++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  varInt(): number {
    if (this.pos >= this.end) throw new RangeError("Malformed anchor");
    const first = this.bytes[this.pos++];
    const sign = first & 0x40 ? -1 : 1;
    const low = first & 0x3f;
    return sign * (first & 0x80 ? low + 64 * this.varUint() : low);
  }

  /** Skips a list of pairs, returning the position after it. */
  skipPairs(): number {
    for (let n = this.varUint() * 2; n > 0; n--) this.varUint();
    return this.pos;
  }
}

const reader = new Reader();

function bodyEnd(bytes: Uint8Array): number {
  return bytes.length - FOOTER;
}

/**
 * Decodes an anchor edge, or a bare encoded Yjs relative position pointing at an item (then only
 * the character is known). Returns null for anything else: corrupt bytes, a position at a type's
 * start or end.
 */
export function decodeEdge(bytes: Uint8Array): Edge | null {
  // A bare relative position ends with its assoc varint, whose last byte is below 0x80: no clash.
  const framed = bytes.length > FOOTER && bytes[bytes.length - 1] === VERSION;
  const end = framed ? bodyEnd(bytes) : bytes.length;
  try {
    reader.at(bytes, 0, end);
    if (reader.varUint() !== 0) return null;
    const client = reader.varUint();
    const clock = reader.varUint();
    const assoc = reader.varInt();
    const body = reader.pos;
    if (!framed) return body === end ? { bytes, assoc, client, clock, body: -1 } : null;
    const bodyLength = ((bytes[end] << 24) >>> 0) + (bytes[end + 1] << 16) + (bytes[end + 2] << 8) + bytes[end + 3];
    if (bodyLength !== end - body) return null;
    reader.skipPairs();
    return reader.skipPairs() === end ? { bytes, assoc, client, clock, body } : null;
  } catch {
    return null;
  }
}

/** The edge's path as [client, clock] pairs: its character, then the enclosing types' items. */
export function edgePath(edge: Edge): number[] {
  const path = [edge.client, edge.clock];
  if (edge.body < 0) return path;
  reader.at(edge.bytes, edge.body, bodyEnd(edge.bytes));
  for (let n = reader.varUint(); n > 0; n--) path.push(reader.varUint(), reader.varUint());
  return path;
}

/** The clock `client` had when the anchor was made (its older items existed then), or -1 if it wrote none of it. */
export function knownClock(edge: Edge, client: number): number {
  reader.at(edge.bytes, edge.body, bodyEnd(edge.bytes)).skipPairs();
  for (let n = reader.varUint(); n > 0; n--) {
    const listed = reader.varUint();
    const clock = reader.varUint();
    if (listed === client) return clock;
  }
  return -1;
}
