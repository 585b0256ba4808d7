// "Logg": an auditor searches their own service's access log — by period, by
// who looked, by whom it was about. Nothing is read until the auditor asks:
// every read of the log is itself logged as a look at each person it shows,
// so the page does not read the log just for being opened.
import { useState, type FormEvent } from "react";
import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { useUser } from "../auth/AuthProvider.tsx";
import { readFragment } from "../graphql/generated/fragment-masking.ts";
import { AccessLogItemFragmentDoc, type NavAuditLogQueryVariables } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { dayBoundary, logServiceKey } from "../i18n/format.ts";
import { EntryFacts } from "../accessLog/EntryFacts.tsx";
import { Page } from "../shell/Page.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { auditDocuments, type AuditDocuments } from "./documents.ts";

/** At most this many entries a search (the API allows 1000; a page of this many is already a lot to read). */
const LIMIT = 200;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function Results({ documents, service, variables }: { documents: AuditDocuments; service: string; variables: NavAuditLogQueryVariables }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: documents.auditLog, variables, requestPolicy: "network-only" });
  return (
    <section aria-labelledby="log-results">
      <Heading level={2} data-size="md" id="log-results">
        {t("audit.log.results")}
      </Heading>
      <QueryResult result={result}>
        {(data) => {
          const entries = readFragment(AccessLogItemFragmentDoc, data.entries);
          if (entries.length === 0) return <Paragraph>{t("audit.log.empty")}</Paragraph>;
          return (
            <>
              <Paragraph data-size="sm">{entries.length >= LIMIT ? t("audit.log.limited", { count: LIMIT }) : entries.length === 1 ? t("audit.log.countOne") : t("audit.log.count", { count: entries.length })}</Paragraph>
              <ol className="entry-list">
                {entries.map((e) => (
                  <li key={`${e.entryId}:${e.personId}`} className="entry">
                    <EntryFacts entry={e} service={service} auditDetails />
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </QueryResult>
    </section>
  );
}

export function AuditLogPage() {
  const { t } = useI18n();
  const user = useUser();
  const service = user?.service ?? "";
  const documents = auditDocuments(service);
  const [from, setFrom] = useState(daysAgo(7));
  const [to, setTo] = useState("");
  const [actorId, setActorId] = useState("");
  const [personId, setPersonId] = useState("");
  const [variables, setVariables] = useState<NavAuditLogQueryVariables | null>(null);

  function search(event: FormEvent) {
    event.preventDefault();
    setVariables({
      from: from ? dayBoundary(from) : null,
      to: to ? dayBoundary(to, true) : null,
      actorId: actorId.trim() || null,
      personId: personId.trim() || null,
      limit: LIMIT,
    });
  }

  return (
    <Page title={t("nav.auditLog")}>
      <Paragraph>{t("audit.log.intro", { service: t(logServiceKey(service)) })}</Paragraph>
      {!documents ? (
        <Paragraph>{t("audit.noLog")}</Paragraph>
      ) : (
        <>
          <form onSubmit={search} noValidate className="filters" role="search" aria-label={t("audit.log.searchLabel")}>
            <Textfield type="date" label={t("audit.log.from")} value={from} onChange={(e) => setFrom(e.target.value)} />
            <Textfield type="date" label={t("audit.log.to")} value={to} onChange={(e) => setTo(e.target.value)} />
            <Textfield label={t("audit.log.actorId")} description={t("audit.log.actorIdHelp")} autoComplete="off" value={actorId} onChange={(e) => setActorId(e.target.value)} />
            <Textfield label={t("audit.log.personId")} description={t("audit.log.personIdHelp")} autoComplete="off" value={personId} onChange={(e) => setPersonId(e.target.value)} />
            <div>
              <Button type="submit">{t("audit.log.search")}</Button>
            </div>
          </form>
          {variables ? <Results documents={documents} service={service} variables={variables} /> : <Paragraph>{t("audit.log.notYet")}</Paragraph>}
        </>
      )}
    </Page>
  );
}
