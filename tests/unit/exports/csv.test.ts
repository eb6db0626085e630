import { describe, expect, it } from "vitest";
import { annotationsToCsv, csvField, neutralizeFormula } from "@/lib/exports/csv";
import { threadsOf } from "@/lib/exports/items";
import { item } from "./fixtures";

/** A small RFC 4180 reader, to check that what we write parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    }
    else cell += ch;
  }
  return rows;
}

describe("CSV export", () => {
  it("writes a header and one row per annotation, replies right after their parent with its id", () => {
    const csv = annotationsToCsv(
      threadsOf([
        item({ id: "a", quote: "lazy dog", position: 3, note: "Nice", tags: ["style", "animals"] }),
        item({ id: "b", parentId: "a", author: "Basil", note: "Agreed", created: "2026-01-03T00:00:00.000Z" }),
        item({ id: "c", quote: "gone", orphaned: true, visibility: "private", status: "pending" }),
      ]),
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ["id", "parent_id", "author", "created", "quote", "note", "tags", "visibility", "status", "orphaned"],
      ["a", "", "Ada Lindqvist", "2026-01-02T10:00:00.000Z", "lazy dog", "Nice", "style; animals", "group", "approved", "false"],
      ["b", "a", "Basil", "2026-01-03T00:00:00.000Z", "", "Agreed", "", "group", "approved", "false"],
      ["c", "", "Ada Lindqvist", "2026-01-02T10:00:00.000Z", "gone", "", "", "private", "pending", "true"],
    ]);
  });

  it("quotes commas, quotes and line breaks so they survive a round trip", () => {
    const note = 'He said "no", then\nleft.\r\nTwice.';
    const csv = annotationsToCsv(threadsOf([item({ id: "a", quote: "a, b", note })]));
    expect(parseCsv(csv)[1]).toEqual(expect.arrayContaining(["a, b", note]));
  });

  it("defuses formulas: cells starting with = + - @ tab or CR become text", () => {
    for (const evil of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutralizeFormula(evil)).toBe(`'${evil}`);
    for (const fine of ["plain", "a=b", " =1", "", "'quoted"]) expect(neutralizeFormula(fine)).toBe(fine);
    expect(csvField('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    const csv = annotationsToCsv(threadsOf([item({ id: "a", author: "@admin", quote: "-1", note: "=1+1", tags: ["+x"] })]));
    const [, row] = parseCsv(csv);
    expect(row.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(row).toEqual(expect.arrayContaining(["'@admin", "'-1", "'=1+1", "'+x"]));
  });

  it("has only the header when there is nothing to export", () => {
    expect(annotationsToCsv([])).toBe("id,parent_id,author,created,quote,note,tags,visibility,status,orphaned\r\n");
  });
});
