// Noto Sans, embedded in every PDF the hub makes (PDF/A allows no font that is
// not embedded). @fontsource ships the font cut into subsets by script, each
// with the Unicode ranges it covers in its CSS — the same ranges a browser
// uses to pick a file. A PDF text run has one font, so each character goes to
// the subset whose range covers it: Norwegian letters to "latin", Sámi and
// other names (č, đ, ŋ, š, ŧ, ž, ł …) to "latin-ext".
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

export type FontWeight = 400 | 700;

/** The subsets embedded: Latin for Norwegian, Latin Extended for Sámi and most European names, Cyrillic and Greek for names in those scripts. */
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek"] as const;

interface Subset {
  /** The name the PDF document registers the font under. */
  name: string;
  file: string;
  ranges: [number, number][];
}

const packageDir = path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans/package.json"));

function parseRanges(value: string): [number, number][] {
  return value.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** The subsets of one weight, read from @fontsource's CSS for that weight. */
function subsetsOf(weight: FontWeight): Subset[] {
  const css = fs.readFileSync(path.join(packageDir, `${weight}.css`), "utf8");
  return SUBSETS.map((subset) => {
    const id = `noto-sans-${subset}-${weight}-normal`;
    const block = css.split(`/* ${id} */`)[1]?.split("}")[0];
    const range = block?.match(/unicode-range:\s*([^;]+);/)?.[1];
    if (!range) throw new Error(`@fontsource/noto-sans has no ${id} with a unicode-range`);
    // fontkit reads WOFF (not WOFF2 without a Brotli decoder).
    return { name: id, file: path.join(packageDir, "files", `${id}.woff`), ranges: parseRanges(range) };
  });
}

const BY_WEIGHT: Record<FontWeight, Subset[]> = { 400: subsetsOf(400), 700: subsetsOf(700) };

/** Every font file to register, by the name runs refer to. */
export function fontFiles(): { name: string; file: string }[] {
  return [...BY_WEIGHT[400], ...BY_WEIGHT[700]].map(({ name, file }) => ({ name, file }));
}

/** The font a document starts with (pdfkit otherwise loads Helvetica, which PDF/A refuses as not embedded). */
export const BASE_FONT: { name: string; file: string } = BY_WEIGHT[400][0];

function fontFor(codePoint: number, weight: FontWeight): string {
  const subsets = BY_WEIGHT[weight];
  const covering = subsets.find((s) => s.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
  // A character no subset covers prints as the font's missing-glyph box in the Latin font.
  return (covering ?? subsets[0]).name;
}

/** A piece of text in one font. */
export interface TextRun {
  font: string;
  text: string;
}

/** Text cut into runs, each in the subset that covers its characters; a space stays with the run it is in. */
export function runsOf(text: string, weight: FontWeight): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const last = runs.at(-1);
    // Every subset has a space: keeping it in the current run spares a run per word of a Sámi name.
    const font = last && char === " " ? last.font : fontFor(cp, weight);
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}
