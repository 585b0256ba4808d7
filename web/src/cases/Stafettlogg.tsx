// A case's stafettlogg: the entries the caller may read, oldest first, and a
// form to append one. Entries are never edited; a correction is a new entry
// (correcting one from the list is left for later). Errors from the hub are
// said by their code (errors/errors.ts).
import { useMemo, useRef, useState, type FormEvent } from "react";
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "urql";
import { useUser } from "../auth/AuthProvider.tsx";
import { inCase } from "../graphql/client.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import { AppendStafettloggDocument, CaseStafettloggDocument, StafettloggEntryItemFragmentDoc, type StafettloggKind } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, formatDateTime, serviceKey } from "../i18n/format.ts";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";

const KINDS: readonly StafettloggKind[] = ["NOTE", "CONCERN", "DECISION", "MEASURE", "EVALUATION"];
/** The longest entry samhandling takes (TEXT_LIMIT in services/samhandling/input.ts, which the browser cannot import); longer is the hub's BAD_USER_INPUT. */
const TEXT_LIMIT = 2000;

function Entries({ items }: { items: readonly FragmentType<typeof StafettloggEntryItemFragmentDoc>[] }) {
  const { t, lang } = useI18n();
  const entries = readFragment(StafettloggEntryItemFragmentDoc, items);
  if (entries.length === 0) return <Paragraph>{t("log.empty")}</Paragraph>;
  return (
    <ol className="log-list">
      {entries.map((e) => (
        <li key={e.id} className="log-entry">
          <Paragraph data-size="sm" className="log-entry__meta">
            <Tag data-size="sm" data-color="neutral">
              {t(`log.kind.${e.kind}`)}
            </Tag>{" "}
            {t("log.meta", { date: formatDateTime(lang, e.at), author: e.authorName, service: t(serviceKey(e.authorService)) })}
          </Paragraph>
          <Paragraph className="log-entry__text">{e.text}</Paragraph>
          {e.correctsId && <Paragraph data-size="sm">{t("log.corrects")}</Paragraph>}
          {e.evaluationDate && <Paragraph data-size="sm">{t("log.evaluation", { date: formatDate(lang, e.evaluationDate) })}</Paragraph>}
        </li>
      ))}
    </ol>
  );
}

function EntryForm({ caseId, onSaved }: { caseId: string; onSaved(): void }) {
  const { t } = useI18n();
  const context = useMemo(() => inCase(caseId), [caseId]);
  const [kind, setKind] = useState<StafettloggKind>("NOTE");
  const [text, setText] = useState("");
  const [missingText, setMissingText] = useState(false);
  const [saved, setSaved] = useState(false);
  const [state, append] = useMutation(AppendStafettloggDocument);
  const textRef = useRef<HTMLTextAreaElement | HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!text.trim()) {
      setMissingText(true);
      textRef.current?.focus();
      return;
    }
    setMissingText(false);
    const result = await append({ caseId, input: { kind, text: text.trim() } }, context);
    if (result.error) return;
    setText("");
    setSaved(true);
    onSaved();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="log-form">
      <Heading level={3} data-size="sm">
        {t("log.form.title")}
      </Heading>
      <Field>
        <Label>{t("log.form.kind")}</Label>
        <Select value={kind} onChange={(e) => setKind(e.target.value as StafettloggKind)}>
          {KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`log.kind.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        ref={textRef}
        multiline
        rows={4}
        label={t("log.form.text")}
        description={t("log.form.textHelp")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={missingText ? t("log.form.textMissing") : undefined}
        counter={{ limit: TEXT_LIMIT, under: t("log.form.counterUnder"), over: t("log.form.counterOver") }}
      />
      {state.error && <ErrorMessage error={state.error} />}
      <div role="status">{saved && <Alert data-color="success">{t("log.form.saved")}</Alert>}</div>
      <Button type="submit" disabled={state.fetching}>
        {state.fetching ? t("log.form.saving") : t("log.form.submit")}
      </Button>
    </form>
  );
}

export function Stafettlogg({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const context = useMemo(() => inCase(caseId), [caseId]);
  const [result, refetch] = useQuery({ query: CaseStafettloggDocument, variables: { id: caseId }, context });
  return (
    <section aria-labelledby="log-heading">
      <Heading level={2} data-size="md" id="log-heading">
        {t("log.title")}
      </Heading>
      <Paragraph>{t(user?.role === "citizen" ? "log.intro.citizen" : "log.intro.employee")}</Paragraph>
      <QueryResult result={result}>{(data) => <Entries items={data.case?.stafettlogg ?? []} />}</QueryResult>
      {/* Only the case's professional members write; the hub refuses anyone else all the same. */}
      {user?.role === "employee" && <EntryForm caseId={caseId} onSaved={() => refetch({ ...context, requestPolicy: "network-only" })} />}
    </section>
  );
}
