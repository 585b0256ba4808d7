// Reads back what a PDF the hub made says, for tests: enough of PDF to follow
// pdfkit's output (indirect objects, Flate streams, Identity-H fonts with a
// ToUnicode map, Tm/Tf/TJ in marked content) — not a general PDF parser. No
// PDF reader is a dependency, and a test should not need poppler on the path.
import zlib from "node:zlib";

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = re.lastIndex;
    const end = text.indexOf("endobj", start);
    const opens = /stream\r?\n/.exec(text.slice(start, end));
    if (!opens) {
      objects.set(Number(m[1]), { dict: text.slice(start, end), stream: null });
      re.lastIndex = end;
      continue;
    }
    const dict = text.slice(start, start + opens.index);
    const from = start + opens.index + opens[0].length;
    // A stream is cut by its /Length, not by searching for "endstream"/"endobj": compressed bytes can hold either word.
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const to = length ? from + Number(length[1]) : text.indexOf("endstream", from);
    const bytes = text.slice(from, to);
    const raw = Buffer.from(length ? bytes : bytes.replace(/\r?\n$/, ""), "latin1");
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw });
    re.lastIndex = text.indexOf("endobj", to);
  }
  return objects;
}

function hexToString(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap as glyph code → text (bfchar and bfrange, both forms). */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g;
    for (let m = re.exec(section); m; m = re.exec(section)) {
      const from = parseInt(m[1], 16);
      if (m[3].startsWith("[")) {
        [...m[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) => map.set(from + i, hexToString(u[1].replace(/\s/g, ""))));
      } else {
        const base = parseInt(m[3].slice(1, -1), 16);
        for (let code = from; code <= parseInt(m[2], 16); code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  }
  for (const section of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const m of section.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), hexToString(m[2]));
  }
  return map;
}

/**
 * The text of every page, in content order: text in one marked-content
 * sequence (a paragraph, a table cell) on one line is joined, a new line or a
 * new sequence starts a new line of the result.
 */
export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      if (fonts.has(name)) continue;
      const toUnicode = objects.get(Number(ref))?.dict.match(/\/ToUnicode (\d+) 0 R/)?.[1];
      const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : null;
      if (cmap) fonts.set(name, parseCmap(cmap.toString("latin1")));
    }
  }
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  const lines: string[] = [];
  for (const page of pages) {
    const contents = page.dict.match(/\/Contents (\d+) 0 R/)?.[1];
    const stream = contents ? objects.get(Number(contents))?.stream?.toString("latin1") : undefined;
    if (!stream) continue;
    let font: Map<number, string> | undefined;
    let y: string | null = null;
    let line = "";
    const flush = () => {
      if (line.trim()) lines.push(line);
      line = "";
    };
    for (const token of stream.matchAll(/BDC|EMC|([\d.-]+) Tm|\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (token[0] === "BDC" || token[0] === "EMC") flush();
      else if (token[1] !== undefined) {
        if (y !== null && token[1] !== y) flush();
        y = token[1];
      } else if (token[2]) font = fonts.get(token[2]);
      else {
        const hex = token[3] !== undefined ? [...token[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("") : token[4];
        for (let i = 0; i + 4 <= hex.length; i += 4) line += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
      }
    }
    flush();
  }
  return lines.join("\n");
}

/** The document information dictionary's entries (strings only). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const objects = objectsOf(pdf);
  const trailer = pdf.toString("latin1").match(/trailer\s*<<[\s\S]*?\/Info (\d+) 0 R/)?.[1];
  const info = trailer ? objects.get(Number(trailer))?.dict : undefined;
  const entries: Record<string, string> = {};
  for (const [, key, ref] of info?.matchAll(/\/(\w+) (\d+) 0 R/g) ?? []) {
    const value = objects.get(Number(ref))?.dict.trim() ?? "";
    entries[key] = decodePdfString(value);
  }
  return entries;
}

/** A PDF string object: (literal) with escapes, or <hex> in UTF-16BE with a BOM. */
function decodePdfString(value: string): string {
  if (value.startsWith("<")) {
    const hex = value.slice(1, -1);
    return hex.toLowerCase().startsWith("feff") ? hexToString(hex.slice(4)) : Buffer.from(hex, "hex").toString("latin1");
  }
  const literal = value.replace(/^\(|\)$/g, "").replace(/\\([()\\])/g, "$1");
  return literal.startsWith("\u00fe\u00ff") ? Buffer.from(literal.slice(2), "latin1").swap16().toString("utf16le") : literal;
}
