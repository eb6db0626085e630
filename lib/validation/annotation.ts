import { z } from "zod";
import { text } from "./text";
import { UnprocessableError, ValidationError } from "../errors";
import { parseInput } from "./parse";

/** Longest note body, in characters. */
export const MAX_BODY_LENGTH = 20_000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 64;
/** Longest quoted passage an annotation may target, in characters. */
export const MAX_QUOTE_LENGTH = 10_000;

const textualBody = z.object({
  type: z.literal("TextualBody").optional(),
  /** The note's text, or a tag when purpose is tagging. */
  value: text().max(MAX_BODY_LENGTH),
  format: z.enum(["text/markdown", "text/plain", "text/html"]).optional(),
  purpose: text().optional(),
  language: text().max(35).optional(),
});

const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: text().min(1, "exact must not be empty").max(MAX_QUOTE_LENGTH),
  prefix: text().max(MAX_QUOTE_LENGTH).optional(),
  suffix: text().max(MAX_QUOTE_LENGTH).optional(),
});

const positionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const otherSelector = z.looseObject({ type: text() });
const selector = z.union([quoteSelector, positionSelector, otherSelector]);

const specificTarget = z.looseObject({
  /** The document's IRI: <origin>/documents/<documentId>. */
  source: text().min(1),
  selector: z.union([selector, z.array(selector)]).optional(),
});

const target = z.union([text().min(1), specificTarget]);

/** A W3C Web Annotation as clients post or put it; unknown properties are ignored. */
export const w3cAnnotationInput = z.looseObject({
  type: z.union([text(), z.array(text())]).optional(),
  motivation: z.union([text(), z.array(text())]).optional(),
  body: z.union([textualBody, z.array(textualBody)]).optional(),
  /** Shorthand for one plain-text body. */
  bodyValue: text().max(MAX_BODY_LENGTH).optional(),
  target: z.union([target, z.array(target).min(1)]),
  /** Marginalia extension: "private" (the author alone) or "group" (the default). */
  visibility: z.enum(["private", "group"]).optional(),
});

/** What a target says about where in the text the annotation goes. */
export type TextTarget = { source: string; exact: string; prefix?: string; suffix?: string; start?: number; end?: number };

/** A posted annotation reduced to what Marginalia stores. */
export type AnnotationInput = {
  motivation: string;
  body: string;
  bodyFormat: "text/markdown" | "text/plain";
  tags: string[];
  visibility: "private" | "group" | undefined;
  /** Either a passage of a document, or the IRI of the annotation this one replies to. */
  target: { kind: "text"; text: TextTarget } | { kind: "reply"; parent: string };
};

function firstMotivation(value: string | string[] | undefined) {
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

function textTarget(t: z.infer<typeof specificTarget>): TextTarget {
  const selectors = t.selector === undefined ? [] : Array.isArray(t.selector) ? t.selector : [t.selector];
  const quote = selectors.find((s) => s.type === "TextQuoteSelector") as z.infer<typeof quoteSelector> | undefined;
  const position = selectors.find((s) => s.type === "TextPositionSelector") as z.infer<typeof positionSelector> | undefined;
  if (!quote) throw new UnprocessableError("The target needs a TextQuoteSelector with the exact words to annotate", "selector_required");
  if (position && position.end <= position.start) throw new ValidationError("TextPositionSelector: end must be greater than start");
  return { source: t.source, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position?.start, end: position?.end };
}

/** Parses and normalises a W3C annotation: 400 when malformed, 422 when well-formed but unusable. */
export function parseW3cAnnotation(raw: unknown): AnnotationInput {
  const input = parseInput(w3cAnnotationInput, raw);
  const bodies = input.body === undefined ? [] : Array.isArray(input.body) ? input.body : [input.body];
  if (input.bodyValue !== undefined) bodies.push({ value: input.bodyValue, format: "text/plain" });
  const tags = [...new Set(bodies.filter((b) => b.purpose === "tagging").map((b) => b.value.trim()).filter(Boolean))];
  if (tags.length > MAX_TAGS) throw new ValidationError(`At most ${MAX_TAGS} tags`);
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) throw new ValidationError(`Tags are at most ${MAX_TAG_LENGTH} characters`);
  const notes = bodies.filter((b) => b.purpose !== "tagging");
  if (notes.length > 1) throw new UnprocessableError("An annotation has at most one note body besides its tags", "too_many_bodies");
  const note = notes[0];
  if (note?.format === "text/html") throw new UnprocessableError("Note bodies are text/markdown or text/plain", "unsupported_format");
  const targets = Array.isArray(input.target) ? input.target : [input.target];
  if (targets.length > 1) throw new UnprocessableError("An annotation has exactly one target", "too_many_targets");
  const [first] = targets;
  const motivation = firstMotivation(input.motivation);
  const isReply = typeof first === "string";
  const resolvedMotivation = isReply ? "replying" : (motivation ?? (note ? "commenting" : tags.length ? "tagging" : "highlighting"));
  if (isReply && !note?.value.trim()) throw new ValidationError("A reply needs a body");
  return {
    motivation: resolvedMotivation,
    body: note?.value ?? "",
    bodyFormat: note?.format === "text/plain" ? "text/plain" : "text/markdown",
    tags,
    visibility: input.visibility,
    target: isReply ? { kind: "reply", parent: first } : { kind: "text", text: textTarget(first) },
  };
}
