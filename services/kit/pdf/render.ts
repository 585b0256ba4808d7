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

/** Writes text in runs of the subsets that cover it; at a box when given, else where the last text ended. */
function write(doc: Doc, text: string, weight: FontWeight, size: number, box?: TextBox): void {
  const runs = runsOf(text.length > 0 ? text : EMPTY, weight);
  doc.fontSize(size);
  runs.forEach((run, i) => {
    doc.font(run.font);
    const options = { width: box?.width ?? contentWidth(doc), continued: i < runs.length - 1, lineGap: 1.5 };
    if (i === 0 && box) doc.text(run.text, box.x, box.y, options);
    else doc.text(run.text, options);
  });
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** The height text takes in a width (measured in the Latin subset: the others share its metrics closely enough for layout). */
function heightOf(doc: Doc, text: string, weight: FontWeight, size: number, width: number): number {
  doc.font(runsOf("a", weight)[0].font).fontSize(size);
  return doc.heightOfString(text.length > 0 ? text : EMPTY, { width, lineGap: 1.5 });
}

function heading(doc: Doc, root: Struct, level: 1 | 2 | 3, text: string): void {
  // Keep a heading with at least a couple of lines of what follows it.
  if (doc.y + heightOf(doc, text, 700, HEADING_SIZE[level], contentWidth(doc)) + 3 * BODY > pageBottom(doc)) doc.addPage();
  if (doc.y > doc.page.margins.top) doc.moveDown(level === 1 ? 1 : 0.6);
  root.add(doc.struct(`H${level}`, {}, () => write(doc, text, 700, HEADING_SIZE[level], { x: doc.page.margins.left, y: doc.y, width: contentWidth(doc) })));
  if (level < 3) doc.outline.addItem(text);
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, root: Struct, text: string): void {
  root.add(doc.struct("P", {}, () => write(doc, text, 400, BODY, { x: doc.page.margins.left, y: doc.y, width: contentWidth(doc) })));
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
