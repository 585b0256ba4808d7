// "Kopi av opplysningene dine": the citizen chooses themself or a child they
// have parental responsibility for, and downloads everything the hub holds
// about that person as a PDF or as JSON (download.ts; the gateway assembles
// and logs it). What the copy holds and leaves out is said on the page.
import { useState } from "react";
import { Button, Fieldset, Paragraph, Radio } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { useAuth } from "../auth/AuthProvider.tsx";
import { DataCopyChoicesDocument } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Page } from "../shell/Page.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { CopyRefused, downloadCopy, type CopyFormat } from "./download.ts";

const ADULT_AGE = 18;

type Status = { kind: "idle" } | { kind: "working" } | { kind: "done"; format: CopyFormat } | { kind: "failed"; code: string };

export function DataCopyPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const [result] = useQuery({ query: DataCopyChoicesDocument });
  const [chosen, choose] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  const download = async (personId: string, format: CopyFormat) => {
    setStatus({ kind: "working" });
    try {
      await downloadCopy(personId, format, await auth.getAccessToken());
      setStatus({ kind: "done", format });
    } catch (error) {
      setStatus({ kind: "failed", code: error instanceof CopyRefused ? error.code : "SERVICE_UNAVAILABLE" });
    }
  };

  return (
    <Page title={t("dataCopy.heading")}>
      <Paragraph>{t("dataCopy.intro")}</Paragraph>
      <Paragraph>{t("dataCopy.withheld")}</Paragraph>
      <QueryResult result={result}>
        {(data) => {
          const me = data.me;
          if (!me) return null;
          const children = me.guardianOf.flatMap((g) => (g.parentalResponsibility && g.child && g.child.age < ADULT_AGE ? [g.child] : []));
          const people = [{ id: me.id, label: t("dataCopy.self") }, ...children.map((c) => ({ id: c.id, label: t("dataCopy.child", { name: `${c.givenName} ${c.familyName}` }) }))];
          const personId = chosen ?? me.id;
          return (
            <>
              <Fieldset>
                <Fieldset.Legend>{t("dataCopy.whose")}</Fieldset.Legend>
                {people.map((p) => (
                  <Radio key={p.id} name="whose" value={p.id} label={p.label} checked={personId === p.id} onChange={() => choose(p.id)} />
                ))}
              </Fieldset>
              <div className="actions">
                <Button type="button" disabled={status.kind === "working"} onClick={() => void download(personId, "PDF")}>
                  {t("dataCopy.downloadPdf")}
                </Button>
                <Button type="button" variant="secondary" disabled={status.kind === "working"} onClick={() => void download(personId, "JSON")}>
                  {t("dataCopy.downloadJson")}
                </Button>
              </div>
              <Paragraph role="status">
                {status.kind === "working" ? t("dataCopy.working") : status.kind === "done" ? t("dataCopy.done") : status.kind === "failed" ? t(status.code === "ASSURANCE_TOO_LOW" ? "dataCopy.assurance" : "dataCopy.failed") : ""}
              </Paragraph>
            </>
          );
        }}
      </QueryResult>
    </Page>
  );
}
