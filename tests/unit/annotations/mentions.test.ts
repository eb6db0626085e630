import { describe, expect, it } from "vitest";
import { findMentions } from "../../../lib/annotations/mentions";

const ada = { id: "u1", name: "Ada Lovelace" };
const basil = { id: "u2", name: "Basil" };
const adam = { id: "u3", name: "Ada Byron" };
const zoe = { id: "u4", name: "Zoë Ökör" };
const members = [ada, basil, adam, zoe];

describe("findMentions", () => {
  it("finds bracketed full names and unambiguous bare names, once each, in order", () => {
    expect(findMentions("@[Ada Lovelace] and @Basil, also @basil again", members)).toEqual([ada, basil]);
    expect(findMentions("cc @AdaLovelace", members)).toEqual([ada]);
    expect(findMentions("hi @zoë", members)).toEqual([zoe]);
  });

  it("ignores ambiguous first names, unknown names, emails and code", () => {
    expect(findMentions("@Ada what do you think?", members)).toEqual([]);
    expect(findMentions("@[Nobody Here] @ghost", members)).toEqual([]);
    expect(findMentions("write to basil@example.test", members)).toEqual([]);
    expect(findMentions("`@Basil` and\n```\n@[Ada Lovelace]\n```", members)).toEqual([]);
  });

  it("accepts trailing punctuation after a bare name", () => {
    expect(findMentions("Thanks @Basil.", members)).toEqual([basil]);
  });
});
