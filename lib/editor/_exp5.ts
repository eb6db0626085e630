import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { getEditorSchema } from "./extensions";
const ydoc = new Y.Doc();
const f = ydoc.getXmlFragment("default");
f.insert(0, [new Y.XmlElement("bogus"), new Y.XmlElement("paragraph")]);
let n = 0; ydoc.on("update", () => n++);
yXmlFragmentToProseMirrorRootNode(f, getEditorSchema());
console.log("len after direct read", f.length, "updates", n);
// timing for big import
import { importContent } from "./import";
const big = Array.from({length: 20000}, (_, i) => `Paragraph ${i} with **bold** and [link](https://x.y/${i}) “q”.`).join("\n\n");
console.log("md bytes", big.length);
let t = performance.now(); const j = importContent("markdown", big); console.log("md import ms", performance.now()-t);
t = performance.now(); importContent("text", big); console.log("text import ms", performance.now()-t);
import { renderDocumentHTML } from "./render";
t = performance.now(); renderDocumentHTML(j); console.log("render ms", performance.now()-t);
import { jsonToYUpdate, yUpdateToJSON } from "./ydoc";
t = performance.now(); const u = jsonToYUpdate(j); yUpdateToJSON(u); console.log("yjs rt ms", performance.now()-t, u.length);
const deep = "<blockquote>".repeat(5000) + "x";
t = performance.now(); console.log(JSON.stringify(importContent("html", deep)).slice(0, 200), performance.now()-t);
try { importContent("markdown", ">".repeat(100000) + " x"); console.log("deep md ok") } catch (e) { console.log("deep md", (e as Error).message) }
