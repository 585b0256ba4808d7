// Lays a document model out as a PDF/A-2 file with pdfkit: A4, Noto Sans
// embedded (fonts.ts), tagged (headings, paragraphs and tables are structure
// elements a screen reader and an archive's converter can follow), with the
// language, title and metadata set. Layout is deliberately plain — an archive
// copy is read for what it says.
import PDFDocument from "pdfkit";
import { baseFont, fonts, runsOf, type FontWeight } from "./fonts.ts";
import type { PdfBlock, PdfDocumentModel, PdfKeyValues, PdfTable } from "./model.ts";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const BODY = 10.5;
const HEADING_SIZE = { 1: 17, 2: 13.5, 3: 11.5 } as const;
const CELL_PAD = 4;
/** Empty text takes no line in pdfkit; a dash shows that a value is empty rather than lost. */
const EMPTY = "–";

interface TextBox {
  x: number;
  y: number;
  width: number;
}

const LINE_GAP = 1.5;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** How wide text is in the subsets that cover it. */
function widthOf(doc: Doc, text: string, weight: FontWeight, size: number): number {
  return runsOf(text, weight).reduce((sum, run) => sum + doc.font(run.font).fontSize(size).widthOfString(run.text), 0);
}

function lineHeight(doc: Doc, weight: FontWeight, size: number): number {
  return doc.font(runsOf("a", weight)[0].font).fontSize(size).currentLineHeight(true) + LINE_GAP;
}

/**
 * Text broken into lines that fit a width. The hub breaks lines itself rather
 * than leaving it to pdfkit: pdfkit wraps each font's run on its own, so a
 * name whose letters come from two subsets (Čoalmmi) could be cut where the
 * font changes. Here a line breaks only at spaces and line breaks (a word
 * wider than the whole width is cut where it must be).
 */
function linesOf(doc: Doc, text: string, weight: FontWeight, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of (text.length > 0 ? text : EMPTY).split("\n")) {
    let line = "";
    // Words measured once each (a word with the space after it): a line's width is their sum.
    let lineWidth = 0;
    for (const word of paragraph.split(/(?<=\s)(?=\S)/)) {
      const bare = word.trimEnd();
      const wordWidth = widthOf(doc, bare, weight, size);
      if (line === "" || lineWidth + wordWidth <= width) {
        line += word;
        lineWidth += wordWidth + (bare === word ? 0 : widthOf(doc, word.slice(bare.length), weight, size));
        continue;
      }
      lines.push(line.trimEnd());
      line = word;
      lineWidth = wordWidth + widthOf(doc, word.slice(bare.length), weight, size);
    }
    // A word wider than the line: cut it, character by character.
    while (line.length > 1 && widthOf(doc, line.trimEnd(), weight, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && widthOf(doc, line.slice(0, cut), weight, size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The height text takes in a width. */
function heightOf(doc: Doc, text: string, weight: FontWeight, size: number, width: number): number {
  return linesOf(doc, text, weight, size, width).length * lineHeight(doc, weight, size);
}

/**
 * Writes text line by line in a box, each line in runs of the subsets that
 * cover it; `flow` lets running text continue on a new page (a table row is
 * kept together by its table instead).
 */
function write(doc: Doc, text: string, weight: FontWeight, size: number, box: TextBox, flow = false): void {
  const step = lineHeight(doc, weight, size);
  let y = box.y;
  for (const line of linesOf(doc, text, weight, size, box.width)) {
    if (flow && y + step > pageBottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    let x = box.x;
    for (const run of runsOf(line, weight)) {
      doc.font(run.font).fontSize(size).text(run.text, x, y, { lineBreak: false });
      x += doc.widthOfString(run.text);
    }
    y += step;
  }
  doc.x = box.x;
  doc.y = y;
}

function heading(doc: Doc, root: Struct, level: 1 | 2 | 3, text: string): void {
  // Keep a heading with what follows it: a few lines, or a table's header and first row.
  if (doc.y + heightOf(doc, text, 700, HEADING_SIZE[level], contentWidth(doc)) + 6 * BODY > pageBottom(doc)) doc.addPage();
  if (doc.y > doc.page.margins.top) doc.moveDown(level === 1 ? 1 : 0.6);
  root.add(doc.struct(`H${level}`, {}, () => write(doc, text, 700, HEADING_SIZE[level], { x: doc.page.margins.left, y: doc.y, width: contentWidth(doc) }, true)));
  if (level < 3) doc.outline.addItem(text);
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, root: Struct, text: string): void {
  root.add(doc.struct("P", {}, () => write(doc, text, 400, BODY, { x: doc.page.margins.left, y: doc.y, width: contentWidth(doc) }, true)));
  doc.moveDown(0.5);
}

/** A rule under a table's header row: decoration, so marked as an artifact. */
function rule(doc: Doc, y: number): void {
  doc.markContent("Artifact", { type: "Layout" });
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.margins.left + contentWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor("#888888")
    .stroke();
  doc.endMarkedContent();
}

interface Grid {
  header: string[] | null;
  rows: string[][];
  widths: number[];
  /** Whether each row's first cell heads its row (key–value lists). */
  rowHeaders: boolean;
}

/**
 * A table laid out row by row: each row as tall as its tallest cell, a new
 * page when a row would not fit (the header row repeats there, as an artifact
 * so that it is read once).
 */
function grid(doc: Doc, root: Struct, { header, rows, widths, rowHeaders }: Grid): void {
  const total = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => (w / total) * contentWidth(doc));
  const left = doc.page.margins.left;
  const table = doc.struct("Table");
  root.add(table);

  const rowHeight = (cells: string[], bold: (i: number) => boolean) =>
    Math.max(...cells.map((cell, i) => heightOf(doc, cell, bold(i) ? 700 : 400, BODY, columnWidths[i] - 2 * CELL_PAD))) + 2 * CELL_PAD;

  const drawRow = (cells: string[], y: number, bold: (i: number) => boolean, cellTag: (i: number) => string | null) => {
    let x = left;
    const tagged = cellTag(0) !== null;
    const row = tagged ? doc.struct("TR") : null;
    if (row) table.add(row);
    cells.forEach((cell, i) => {
      const box = { x: x + CELL_PAD, y: y + CELL_PAD, width: columnWidths[i] - 2 * CELL_PAD };
      const draw = () => write(doc, cell, bold(i) ? 700 : 400, BODY, box);
      const tag = cellTag(i);
      if (row && tag) row.add(doc.struct(tag, {}, draw));
      else {
        doc.markContent("Artifact", { type: "Pagination" });
        draw();
        doc.endMarkedContent();
      }
      x += columnWidths[i];
    });
    row?.end();
  };

  const headerBold = () => true;
  const bodyBold = (i: number) => rowHeaders && i === 0;
  let y = doc.y;
  const drawHeader = (repeat: boolean) => {
    if (!header) return;
    const h = rowHeight(header, headerBold);
    drawRow(header, y, headerBold, () => (repeat ? null : "TH"));
    y += h;
    rule(doc, y);
  };
  // A header never stands alone at the foot of a page: it goes with the first row.
  const opening = (header ? rowHeight(header, headerBold) : 0) + (rows[0] ? rowHeight(rows[0], bodyBold) : 0);
  if (y + opening > pageBottom(doc) && y > doc.page.margins.top) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawHeader(false);
  for (const cells of rows) {
    const h = rowHeight(cells, bodyBold);
    if (y + h > pageBottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      drawHeader(true);
    }
    drawRow(cells, y, bodyBold, (i) => (rowHeaders && i === 0 ? "TH" : "TD"));
    y += h;
  }
  table.end();
  doc.x = left;
  doc.y = y;
  doc.moveDown(0.6);
}

function keyValues(doc: Doc, root: Struct, block: PdfKeyValues): void {
  grid(doc, root, { header: null, rows: block.entries.map((e) => [e.key, e.value]), widths: [1, 2.2], rowHeaders: true });
}

function table(doc: Doc, root: Struct, block: PdfTable): void {
  const widths = block.widths ?? block.columns.map(() => 1);
  grid(doc, root, { header: block.columns, rows: block.rows, widths, rowHeaders: false });
}

function block(doc: Doc, root: Struct, b: PdfBlock): void {
  if (b.kind === "heading") heading(doc, root, b.level, b.text);
  else if (b.kind === "paragraph") paragraph(doc, root, b.text);
  else if (b.kind === "keyValues") keyValues(doc, root, b);
  else table(doc, root, b);
}

/** The document as PDF/A-2b bytes (tagged, in Norwegian bokmål, Noto Sans embedded). */
export function renderPdf(model: PdfDocumentModel): Promise<Buffer> {
  const { metadata } = model;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    tagged: true,
    lang: "nb-NO",
    displayTitle: true,
    // No starting font: pdfkit would load Helvetica, which PDF/A refuses (not embedded). Noto is set below.
    // (pdfkit skips its default for null; its types know only a path.)
    font: null as unknown as string,
    info: {
      Title: metadata.title,
      // pdfkit writes every key it is given: one left undefined would read "undefined".
      ...(metadata.author ? { Author: metadata.author } : {}),
      ...(metadata.subject ? { Subject: metadata.subject } : {}),
      ...(metadata.keywords?.length ? { Keywords: metadata.keywords.join(", ") } : {}),
      Creator: "Samhandlingshuben",
      Producer: "Samhandlingshuben (pdfkit)",
      CreationDate: metadata.createdAt ?? new Date(),
    },
  });
  for (const { name, bytes } of fonts()) doc.registerFont(name, bytes());
  doc.font(baseFont());

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  heading(doc, root, 1, metadata.title);
  for (const b of model.blocks) block(doc, root, b);
  root.end();
  doc.end();
  return done;
}
