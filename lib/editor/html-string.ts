/**
 * HTML from a ProseMirror document without a DOM: ProseMirror's own DOMSerializer (the schema's
 * toDOM specs, so the same tags and attributes as in the editor) writing into a minimal string
 * builder instead of happy-dom, which is an order of magnitude slower on long annotated texts.
 * Text is escaped (& < >) and attribute values too (& " < >); tag and attribute names come from
 * the schema alone.
 */
import { DOMSerializer, type Node as PMNode, type Schema } from "@tiptap/pm/model";

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

const escapeText = (text: string) => text.replace(/[&<>\u00a0]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&nbsp;"));
const escapeAttr = (text: string) => text.replace(/[&"<>\u00a0]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&nbsp;"));

class StringText {
  readonly nodeType = 3;
  constructor(readonly data: string) {}
  toHTML(): string {
    return escapeText(this.data);
  }
}

class StringElement {
  readonly nodeType: number;
  private readonly attributes: [string, string][] = [];
  private readonly children: (StringElement | StringText)[] = [];
  constructor(readonly tagName: string | null) {
    this.nodeType = tagName === null ? 11 : 1;
  }
  setAttribute(name: string, value: string) {
    if (!/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name)) throw new RangeError(`Unexpected attribute name ${JSON.stringify(name)}`);
    const existing = this.attributes.find(([n]) => n === name);
    if (existing) existing[1] = String(value);
    else this.attributes.push([name, String(value)]);
  }
  setAttributeNS(_ns: string, name: string, value: string) {
    this.setAttribute(name, value);
  }
  appendChild<T extends StringElement | StringText>(child: T): T {
    this.children.push(child);
    return child;
  }
  get lastChild() {
    return this.children[this.children.length - 1] ?? null;
  }
  toHTML(): string {
    const inner = this.children.map((c) => c.toHTML()).join("");
    if (this.tagName === null) return inner;
    if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(this.tagName)) throw new RangeError(`Unexpected tag ${JSON.stringify(this.tagName)}`);
    const attrs = this.attributes.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join("");
    return VOID.has(this.tagName) ? `<${this.tagName}${attrs}>` : `<${this.tagName}${attrs}>${inner}</${this.tagName}>`;
  }
}

const stringDocument = {
  createElement: (tag: string) => new StringElement(tag.toLowerCase()),
  createElementNS: (_ns: string, tag: string) => new StringElement(tag),
  createTextNode: (text: string) => new StringText(text),
  createDocumentFragment: () => new StringElement(null),
};

const serializers = new WeakMap<Schema, DOMSerializer>();

/** The document's content as HTML, as the editor would render it. */
export function serializeToHTML(doc: PMNode): string {
  let serializer = serializers.get(doc.type.schema);
  if (!serializer) serializers.set(doc.type.schema, (serializer = DOMSerializer.fromSchema(doc.type.schema)));
  const root = new StringElement(null);
  serializer.serializeFragment(doc.content, { document: stringDocument as unknown as Document }, root as unknown as HTMLElement);
  return root.toHTML();
}
