// Noto Sans, embedded in every PDF the hub makes (PDF/A allows no font that is
// not embedded). @fontsource ships the font cut into subsets by script, each
// with the Unicode ranges it covers in its CSS — the same ranges a browser
// uses to pick a file. A PDF text run has one font, so each character goes to
// the subset whose range covers it: Norwegian letters to "latin", Sámi and
// other names (č, đ, ŋ, š, ŧ, ž, ł …) to "latin-ext".
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export type FontWeight = 400 | 700;

/** The subsets embedded: Latin for Norwegian, Latin Extended for Sámi and most European names, Cyrillic and Greek for names in those scripts. */
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek"] as const;

interface Subset {
  /** The name the PDF document registers the font under. */
  name: string;
  file: string;
  ranges: [number, number][];
}

/**
 * A WOFF 1.0 file as the plain TrueType (sfnt) it wraps. fontkit reads WOFF,
 * but inflates a table again on every read of it — for every glyph a PDF
 * measures or embeds — which made a one-page document take over a second.
 * Unwrapped once, the tables are read in place.
 */
export function sfntFromWoff(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 font");
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? zlib.inflateSync(raw) : raw };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(16 * 2 ** entrySelector, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * numTables - 16 * 2 ** entrySelector, 10);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    t.tag.copy(header, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    // Tables start on four-byte boundaries.
    const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}

const unwrapped = new Map<string, Buffer>();
/** A subset's font as TrueType bytes, unwrapped once per process. */
function fontBytes(file: string): Buffer {
  let bytes = unwrapped.get(file);
  if (!bytes) unwrapped.set(file, (bytes = sfntFromWoff(fs.readFileSync(file))));
  return bytes;
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

/** Every font to register, by the name runs refer to (pdfkit parses one only when a run uses it). */
export function fonts(): { name: string; bytes: () => Buffer }[] {
  return [...BY_WEIGHT[400], ...BY_WEIGHT[700]].map(({ name, file }) => ({ name, bytes: () => fontBytes(file) }));
}

/** The font a document starts with (pdfkit otherwise loads Helvetica, which PDF/A refuses as not embedded). */
export const baseFont = (): Buffer => fontBytes(BY_WEIGHT[400][0].file);

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
