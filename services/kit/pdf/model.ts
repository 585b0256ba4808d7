// The document model the hub prints: what a PDF says, not how it looks. A
// feature builds one of these from its own data (the archive copy of a case,
// a citizen's copy of what the hub holds) and render.ts lays it out, so every
// printed document has the same fonts, tagging and PDF/A conformance.

/** Document information written into the PDF's Info dictionary and XMP metadata. */
export interface PdfMetadata {
  /** The document's title: the first heading and the title a reader shows. */
  title: string;
  /** Who the document is from, e.g. the municipality's service. */
  author?: string;
  /** What the document is, in a sentence. */
  subject?: string;
  /** Search words for an archive. */
  keywords?: string[];
  /** When the document was made (defaults to now). */
  createdAt?: Date;
}

/** A heading: level 1 for the document's main parts, 2 and 3 under them. */
export interface PdfHeading {
  kind: "heading";
  level: 1 | 2 | 3;
  text: string;
}

/** A paragraph of running text; line breaks in the text are kept. */
export interface PdfParagraph {
  kind: "paragraph";
  text: string;
}

/** Labelled values, e.g. "Opprettet: 3. mars 2026": a table whose first column heads each row. */
export interface PdfKeyValues {
  kind: "keyValues";
  entries: { key: string; value: string }[];
}

/** A table with column headings; each row has one cell per column. */
export interface PdfTable {
  kind: "table";
  columns: string[];
  rows: string[][];
  /** Relative column widths (default: equal). */
  widths?: number[];
}

export type PdfBlock = PdfHeading | PdfParagraph | PdfKeyValues | PdfTable;

/** A whole document: metadata and its blocks in reading order. */
export interface PdfDocumentModel {
  metadata: PdfMetadata;
  blocks: PdfBlock[];
}
