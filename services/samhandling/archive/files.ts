// The package's two files as they are downloaded: names (the case's opaque id,
// never a name) and media types, for the stafettholder and the archive alike.
import { downloadableFile, type DownloadableFile } from "../../kit/downloadable-file.ts";

export const ARCHIVE_FILES = {
  pdf: (caseId: string) => `arkivkopi-${caseId}.pdf`,
  json: (caseId: string) => `arkivkopi-${caseId}.json`,
} as const;

export function archiveFiles(caseId: string, pdf: Uint8Array, json: Uint8Array): { pdf: DownloadableFile; metadata: DownloadableFile } {
  return {
    pdf: downloadableFile(ARCHIVE_FILES.pdf(caseId), "application/pdf", pdf),
    metadata: downloadableFile(ARCHIVE_FILES.json(caseId), "application/json", json),
  };
}
