// The kit's PDF renderer (services/kit/pdf): a document model becomes a
// PDF/A-2b file whose text reads back — Norwegian and Sámi letters included —
// with its metadata, tagging and embedded fonts; and the downloadable-file
// value that carries it.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { renderPdf } from "../services/kit/pdf/render.ts";
import { runsOf } from "../services/kit/pdf/fonts.ts";
import { downloadableFile, sha256Hex } from "../services/kit/downloadable-file.ts";
import { pdfInfo, pdfText } from "./support/pdf-text.ts";

const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the PDF renderer", () => {
  it("writes every block, in order, in text that reads back", async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`rad ${i}`, `Máret Čoalmmi ${i}`]);
    const pdf = await renderPdf({
      metadata: { title: "Arkivkopi for Ánde Šuoŋŋa", author: "Testkommune", subject: "Test", keywords: ["BTI", "arkiv"] },
      blocks: [
        { kind: "keyValues", entries: [{ key: "Saksnummer", value: "2026/17" }, { key: "Grunn", value: "" }] },
        { kind: "heading", level: 2, text: "Bekymring" },
        { kind: "paragraph", text: "Ærlig og åpen: ŧ đ ž č ŋ š." },
        { kind: "table", columns: ["Nr", "Navn"], rows, widths: [1, 3] },
      ],
    });
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    const text = flat(pdfText(pdf));
    expect(text).toContain("Arkivkopi for Ánde Šuoŋŋa");
    expect(text).toContain("Saksnummer 2026/17 Grunn –");
    expect(text).toContain("Bekymring Ærlig og åpen: ŧ đ ž č ŋ š.");
    // A long table runs over pages, every row kept and the header printed again.
    for (const [nr, name] of rows) expect(text).toContain(`${nr} ${name}`);
    expect(text.indexOf("Bekymring")).toBeLessThan(text.indexOf("rad 0"));
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
  });

  it("is PDF/A-2b: XMP identification, output intent, fonts embedded, tagged, language and title set", async () => {
    const pdf = await renderPdf({ metadata: { title: "Tittel", createdAt: new Date("2026-03-01T10:00:00Z") }, blocks: [{ kind: "paragraph", text: "Tekst" }] });
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toContain("/S /GTS_PDFA1");
    expect(raw).toMatch(/\/Lang \(nb-NO\)/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    // Every font is embedded (FontFile2), none of the 14 standard fonts PDF/A refuses.
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(pdfInfo(pdf)).toMatchObject({ Title: "Tittel", CreationDate: "D:20260301100000Z" });
  });

  it("sends each letter to the font subset that has it", () => {
    expect(runsOf("Kari Nordmann", 400)).toHaveLength(1);
    const runs = runsOf("Ánde Šuoŋŋa", 400);
    expect(runs.map((r) => r.text)).toEqual(["Ánde ", "Š", "uo", "ŋŋ", "a"]);
    expect(new Set(runs.map((r) => r.font))).toEqual(new Set(["noto-sans-latin-400-normal", "noto-sans-latin-ext-400-normal"]));
  });
});

describe("a downloadable file", () => {
  it("carries the bytes in base64 with their size and SHA-256", () => {
    const bytes = Buffer.from("{\"a\":1}\n");
    const file = downloadableFile("arkivkopi.json", "application/json", bytes);
    expect(file).toMatchObject({ fileName: "arkivkopi.json", mediaType: "application/json", byteSize: 8, sha256: sha256Hex(bytes) });
    expect(Buffer.from(file.contentBase64, "base64")).toEqual(bytes);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
