// "Til gjennomgang": the auditor's review list of their service's
// extraordinary releases (data released under barnevern's information
// request, without consent), those awaiting review first by default; each can
// be marked reviewed with a note, after a confirmation step. A review is
// written once and never changes the log row itself.
import { useMemo, useRef, useState } from "react";
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { useMutation } from "urql";
import { useUser } from "../auth/AuthProvider.tsx";
import { readFragment } from "../graphql/generated/fragment-masking.ts";
import { ReviewItemFragmentDoc, type NavReviewListQuery, type ReviewItemFragment } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDateTime, logServiceKey } from "../i18n/format.ts";
import { EntryFacts } from "../accessLog/EntryFacts.tsx";
import { Confirm } from "../shell/Confirm.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { Page } from "../shell/Page.tsx";
import { usePages } from "../shell/pages.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { auditDocuments, type AuditDocuments } from "./documents.ts";

type Filter = "awaiting" | "reviewed" | "all";
const REVIEWED: Record<Filter, boolean | null> = { awaiting: false, reviewed: true, all: null };
/** The longest note the hub takes (NOTE_LIMIT in services/kit/access-log-api.ts, which the browser cannot import). */
const NOTE_LIMIT = 2000;

function ReviewItem({ entry, service, documents, onReviewed }: { entry: ReviewItemFragment; service: string; documents: AuditDocuments; onReviewed(): void }) {
  const { t, lang } = useI18n();
  const [writing, setWriting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const [state, mark] = useMutation(documents.markReviewed);
  const noteRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  async function confirm() {
    const result = await mark({ entryId: entry.entryId, note: note.trim() });
    if (result.error) return;
    onReviewed();
  }

  return (
    <li className="entry">
      <EntryFacts entry={entry} service={service} auditDetails>
        {entry.reviewedAt ? (
          <dl className="facts">
            <div>
              <dt>{t("audit.review.reviewed")}</dt>
              <dd>{t("audit.review.reviewedBy", { date: formatDateTime(lang, entry.reviewedAt), by: entry.reviewedBy ?? "" })}</dd>
            </div>
            <div>
              <dt>{t("audit.review.note")}</dt>
              <dd>{entry.reviewNote}</dd>
            </div>
          </dl>
        ) : !writing ? (
          <Button type="button" variant="secondary" onClick={() => { setWriting(true); requestAnimationFrame(() => noteRef.current?.focus()); }}>
            {t("audit.review.start")}
          </Button>
        ) : (
          <div className="form">
            <Textfield
              ref={noteRef}
              multiline
              rows={3}
              label={t("audit.review.note")}
              description={t("audit.review.noteHelp")}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={noteMissing ? t("audit.review.noteMissing") : undefined}
              counter={{ limit: NOTE_LIMIT, under: t("log.form.counterUnder"), over: t("log.form.counterOver") }}
            />
            {confirming ? (
              <Confirm
                question={t("audit.review.question")}
                confirmLabel={t("audit.review.confirm")}
                cancelLabel={t("audit.review.cancel")}
                busy={state.fetching}
                busyLabel={t("audit.review.busy")}
                onConfirm={() => void confirm()}
                onCancel={() => setConfirming(false)}
              >
                {state.error && <ErrorMessage error={state.error} />}
              </Confirm>
            ) : (
              <div className="actions">
                <Button
                  type="button"
                  onClick={() => {
                    const missing = !note.trim();
                    setNoteMissing(missing);
                    if (missing) noteRef.current?.focus();
                    else setConfirming(true);
                  }}
                >
                  {t("audit.review.mark")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setWriting(false)}>
                  {t("audit.review.cancel")}
                </Button>
              </div>
            )}
          </div>
        )}
      </EntryFacts>
    </li>
  );
}

/** Entries a page (the API's most is 100): every read is logged, so no more than the auditor asks to see. */
const PAGE_SIZE = 50;
const entriesOf = (data: NavReviewListQuery) => data.entries;

function ReviewList({ documents, service }: { documents: AuditDocuments; service: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>("awaiting");
  const [done, setDone] = useState(false);
  const variables = useMemo(() => ({ reviewed: REVIEWED[filter], first: PAGE_SIZE }), [filter]);
  const pages = usePages({ query: documents.reviewList, variables, connection: entriesOf, requestPolicy: "network-only" });
  const { result, refetch } = pages;
  return (
    <>
      <Field>
        <Label>{t("audit.review.filter")}</Label>
        <Select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {(["awaiting", "reviewed", "all"] as const).map((f) => (
            <Select.Option key={f} value={f}>
              {t(`audit.review.filter.${f}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div role="status">{done && <Alert data-color="success">{t("audit.review.done")}</Alert>}</div>
      <section aria-labelledby="review-results">
        <Heading level={2} data-size="md" id="review-results">
          {t(`audit.review.heading.${filter}`)}
        </Heading>
        <QueryResult result={result}>
          {() => {
            const entries = readFragment(ReviewItemFragmentDoc, pages.nodes);
            if (entries.length === 0) return <Paragraph>{t(filter === "awaiting" ? "audit.review.emptyAwaiting" : "audit.review.empty")}</Paragraph>;
            return (
              <>
                <ol className="entry-list">
                  {entries.map((e) => (
                    <ReviewItem
                      key={`${e.entryId}:${e.personId}`}
                      entry={e}
                      service={service}
                      documents={documents}
                      onReviewed={() => {
                        setDone(true);
                        refetch({ requestPolicy: "network-only" });
                      }}
                    />
                  ))}
                </ol>
                <ShowMore pages={pages} />
              </>
            );
          }}
        </QueryResult>
      </section>
    </>
  );
}

export function ReviewPage() {
  const { t } = useI18n();
  const user = useUser();
  const service = user?.service ?? "";
  const documents = auditDocuments(service);
  return (
    <Page title={t("nav.review")}>
      <Paragraph>{t("audit.review.intro", { service: t(logServiceKey(service)) })}</Paragraph>
      {documents ? <ReviewList documents={documents} service={service} /> : <Paragraph>{t("audit.noLog")}</Paragraph>}
    </Page>
  );
}
