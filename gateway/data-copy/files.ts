// The copy as a file: the JSON of shape.ts, or the same content as a readable
// bokmål PDF (pdf.ts, laid out by the kit's renderer). The file name carries
// the date only: no name, no id.
import type { DataCopy } from "./shape.ts";
import { dataCopyPdf } from "./pdf.ts";

export type DataCopyFormat = "JSON" | "PDF";

export interface DataCopyFile {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

export async function dataCopyFile(copy: DataCopy, format: DataCopyFormat): Promise<DataCopyFile> {
  const day = copy.madeAt.slice(0, 10);
  if (format === "JSON") {
    return { fileName: `kopi-av-opplysningene-${day}.json`, mediaType: "application/json; charset=utf-8", content: new TextEncoder().encode(`${JSON.stringify(copy, null, 2)}\n`) };
  }
  return { fileName: `kopi-av-opplysningene-${day}.pdf`, mediaType: "application/pdf", content: await dataCopyPdf(copy) };
}
