/**
 * The reading face, Source Serif 4 (the @fontsource files), declared through next/font so its
 * files get hashed URLs and the Latin text faces a <link rel="preload"> in every page's head:
 * the text's font is on its way before the stylesheet is parsed, so the first paint of a long
 * text is usually already in it rather than in a fallback that swaps later and moves lines
 * (globals.css holds the metric-matched fallback for when it is not).
 *
 * Every face joins the one family "Source Serif 4" with @fontsource's unicode ranges, so a page
 * downloads only the scripts it shows. next/font takes literal options only, hence the repetition.
 */
import localFont from "next/font/local";

// In @fontsource's order: where ranges overlap, the face declared later wins.

const serifCyrillicExt = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-ext-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-ext-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-ext-600-italic.woff2", weight: "600", style: "italic" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F" },
  ],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
});

const serifCyrillic = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-cyrillic-600-italic.woff2", weight: "600", style: "italic" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116" },
  ],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
});

const serifGreek = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-greek-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-greek-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-greek-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-greek-600-italic.woff2", weight: "600", style: "italic" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF" },
  ],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
});

const serifVietnamese = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-vietnamese-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-vietnamese-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-vietnamese-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-vietnamese-600-italic.woff2", weight: "600", style: "italic" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB" },
  ],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
});

const serifLatinExt = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-ext-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-ext-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-ext-600-italic.woff2", weight: "600", style: "italic" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF" },
  ],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
});

// Latin: regular and semibold (the text, its headings and the title) are preloaded; italics load when used.

const serifLatinItalic = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-600-italic.woff2", weight: "600", style: "italic" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD" },
  ],
  display: "swap",
  preload: false,
  adjustFontFallback: false,
});

const serifLatin = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff2", weight: "600", style: "normal" },
  ],
  declarations: [
    { prop: "font-family", value: "'Source Serif 4'" },
    { prop: "unicode-range", value: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD" },
  ],
  display: "swap",
  preload: true,
  adjustFontFallback: false,
});

/** Every face of the reading face; importing this module is what puts them (and the preloads) on the page. */
export const readingFaces = [serifCyrillicExt, serifCyrillic, serifGreek, serifVietnamese, serifLatinExt, serifLatinItalic, serifLatin];
