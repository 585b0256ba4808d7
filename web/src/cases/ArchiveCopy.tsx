// A closed case's archive copy, for the stafettholder (or coordinator) who
// closed it: the record as a PDF and as JSON with archive metadata. The files
// are fetched on the click (each download is logged in the access log) and
// handed to the browser as a file: held in memory only, never in storage or
// a URL anyone else could open.
import { useState } from "react";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useClient } from "urql";
import { inCase } from "../graphql/client.ts";
import { ArchiveCopyDocument, type ArchiveCopyQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";

type File = NonNullable<ArchiveCopyQuery["caseArchive"]>["pdf"];

/** Saves a file through a link to an in-memory blob, let go of as soon as the browser has it. */
function save(file: File): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ArchiveCopy({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function download(which: "pdf" | "metadata") {
    setBusy(true);
    setError(null);
    setSaved(null);
    // Not cached: every download is a read of its own, asked of the hub and logged there.
    const result = await client.query(ArchiveCopyDocument, { caseId }, { ...inCase(caseId), requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    const archive = result.data?.caseArchive;
    if (result.error || !archive) {
      setError(result.error ?? new Error("no archive"));
      return;
    }
    save(archive[which]);
    setSaved(t(which === "pdf" ? "archive.savedPdf" : "archive.savedJson"));
  }
  return (
    <section aria-labelledby="archive-heading">
      <Heading level={2} data-size="md" id="archive-heading">
        {t("archive.heading")}
      </Heading>
      <Paragraph>{t("archive.intro")}</Paragraph>
      <div className="archive-actions">
        <Button variant="secondary" disabled={busy} aria-busy={busy} onClick={() => void download("pdf")}>
          {t("archive.downloadPdf")}
        </Button>
        <Button variant="secondary" disabled={busy} aria-busy={busy} onClick={() => void download("metadata")}>
          {t("archive.downloadJson")}
        </Button>
      </div>
      <div role="status">{saved && <Paragraph data-size="sm">{saved}</Paragraph>}</div>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
