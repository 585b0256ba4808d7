// "Logg": an auditor searches their own service's access log — by period, by
// who looked, by whom it was about. Nothing is read until the auditor asks:
// every read of the log is itself logged as a look at each person it shows,
// so the page does not read the log just for being opened.
import { useState, type FormEvent } from "react";
import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useUser } from "../auth/AuthProvider.tsx";
import { readFragment } from "../graphql/generated/fragment-masking.ts";
import { AccessLogItemFragmentDoc, type NavAuditLogQuery, type NavAuditLogQueryVariables } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { dayBoundary, logServiceKey } from "../i18n/format.ts";
import { EntryFacts } from "../accessLog/EntryFacts.tsx";
import { Page } from "../shell/Page.tsx";
import { usePages } from "../shell/pages.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { auditDocuments, type AuditDocuments } from "./documents.ts";

/** Entries a page (the API's most is 100): every read is logged, so no more than the auditor asks to see. */
const PAGE_SIZE = 50;
const entriesOf = (data: NavAuditLogQuery) => data.entries;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function Results({ documents, service, variables }: { documents: AuditDocuments; service: string; variables: NavAuditLogQueryVariables }) {
  const { t } = useI18n();
  const pages = usePages({ query: documents.auditLog, variables, connection: entriesOf, requestPolicy: "network-only" });
  return (
    <section aria-labelledby="log-results">
      <Heading level={2} data-size="md" id="log-results">
        {t("audit.log.results")}
      </Heading>
      <QueryResult result={pages.result}>
        {() => {
          const entries = readFragment(AccessLogItemFragmentDoc, pages.nodes);
          if (entries.length === 0) return <Paragraph>{t("audit.log.empty")}</Paragraph>;
          return (
            <>
              <Paragraph data-size="sm" aria-live="polite">
                {entries.length === 1 ? t("audit.log.countOne") : t("audit.log.count", { count: entries.length })}
              </Paragraph>
              <ol className="entry-list">
                {entries.map((e) => (
                  <li key={`${e.entryId}:${e.personId}`} className="entry">
                    <EntryFacts entry={e} service={service} auditDetails />
                  </li>
                ))}
              </ol>
              <ShowMore pages={pages} />
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
      first: PAGE_SIZE,
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
