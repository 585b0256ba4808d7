// A case's stafettlogg: the entries the caller may read, oldest first, and a
// form to append one. Entries are never edited: a correction is a new entry
// naming the one it corrects (correctsId), and the corrected entry stays,
// marked as corrected. Errors from the hub are said by their code
// (errors/errors.ts).
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from "@digdir/designsystemet-react";
import { useUser } from "../auth/AuthProvider.tsx";
import { inCase } from "../graphql/client.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import {
  AppendStafettloggDocument,
  CaseStafettloggDocument,
  StafettloggEntryItemFragmentDoc,
  type StafettloggEntryItemFragment,
  type CaseStafettloggQuery,
  type StafettloggKind,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, formatDateTime, serviceKey } from "../i18n/format.ts";
import { usePages } from "../shell/pages.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { ActionForm, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import type { Participation } from "./participation.ts";

type Entry = StafettloggEntryItemFragment;

/** Entries a page: enough to read the latest course of a case; "Vis flere" for the rest. */
const PAGE_SIZE = 50;
const stafettloggOf = (data: CaseStafettloggQuery) => data.case?.stafettloggPage;

const KINDS: readonly StafettloggKind[] = ["NOTE", "CONCERN", "DECISION", "MEASURE", "EVALUATION"];
/** The longest entry samhandling takes (TEXT_LIMIT in services/samhandling/input.ts, which the browser cannot import); longer is the hub's BAD_USER_INPUT. */
const TEXT_LIMIT = 2000;

function Entries({ entries, mayCorrect, onCorrect }: { entries: readonly Entry[]; mayCorrect(e: Entry): boolean; onCorrect(e: Entry): void }) {
  const { t, lang } = useI18n();
  const byId = new Map(entries.map((e) => [e.id, e]));
  // The newest correction of each entry: what a reader should go by instead.
  const correctedBy = new Map<string, Entry>();
  for (const e of entries) if (e.correctsId) correctedBy.set(e.correctsId, e);
  if (entries.length === 0) return <Paragraph>{t("log.empty")}</Paragraph>;
  return (
    <ol className="log-list">
      {entries.map((e) => {
        const corrects = e.correctsId ? byId.get(e.correctsId) : undefined;
        const correction = correctedBy.get(e.id);
        return (
          <li key={e.id} className={correction ? "log-entry log-entry--corrected" : "log-entry"}>
            <Paragraph data-size="sm" className="log-entry__meta" id={`log-meta-${e.id}`}>
              <Tag data-size="sm" data-color="neutral">
                {t(`log.kind.${e.kind}`)}
              </Tag>{" "}
              {t("log.meta", { date: formatDateTime(lang, e.at), author: e.authorName, service: t(serviceKey(e.authorService)) })}
            </Paragraph>
            {correction && (
              <Paragraph data-size="sm" className="log-entry__corrected">
                <Tag data-size="sm" data-color="warning">
                  {t("log.corrected")}
                </Tag>{" "}
                {t("log.correctedBy", { date: formatDateTime(lang, correction.at) })}
              </Paragraph>
            )}
            {e.correctsId && (
              // The corrected entry may be one the caller cannot read (another service's): then only that it corrects one.
              <Paragraph data-size="sm">{corrects ? t("log.correctsEntry", { date: formatDateTime(lang, corrects.at) }) : t("log.corrects")}</Paragraph>
            )}
            <Paragraph className="log-entry__text">{e.text}</Paragraph>
            {e.evaluationDate && <Paragraph data-size="sm">{t("log.evaluation", { date: formatDate(lang, e.evaluationDate) })}</Paragraph>}
            {mayCorrect(e) && (
              <Button type="button" variant="tertiary" data-size="sm" aria-describedby={`log-meta-${e.id}`} onClick={() => onCorrect(e)}>
                {t("log.correct")}
              </Button>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function EntryForm({ caseId, correcting, onSaved, onCancel }: { caseId: string; correcting: Entry | null; onSaved(): void; onCancel(): void }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<StafettloggKind>("NOTE");
  const [text, setText] = useState("");
  const action = useCaseAction(AppendStafettloggDocument, caseId);
  const { errors, check } = useFieldErrors();
  const textId = useId();
  const kindId = useId();
  const textRef = useRef<HTMLTextAreaElement | HTMLInputElement>(null);

  // Correcting an entry starts from its kind, with the keyboard in the text.
  useEffect(() => {
    if (!correcting) return;
    setKind(correcting.kind);
    textRef.current?.focus();
  }, [correcting]);

  async function submit() {
    if (!check([{ id: textId, ok: text.trim() !== "", message: t("log.form.textMissing") }])) return;
    const saved = await action.run({ caseId, input: { kind, text: text.trim(), ...(correcting ? { correctsId: correcting.id } : {}) } });
    if (!saved) return;
    setText("");
    action.setDone(t(correcting ? "log.form.correctionSaved" : "log.form.saved"));
    onSaved();
  }

  return (
    <ActionForm
      title={correcting ? t("log.form.correctTitle", { date: formatDateTime(lang, correcting.at) }) : t("log.form.title")}
      submitLabel={t(correcting ? "log.form.submitCorrection" : "log.form.submit")}
      action={action}
      onSubmit={submit}
      extraButtons={
        correcting && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("log.form.cancelCorrection")}
          </Button>
        )
      }
    >
      {correcting && (
        <blockquote className="log-form__original">
          <Paragraph data-size="sm">{t("log.form.original")}</Paragraph>
          <Paragraph className="log-entry__text">{correcting.text}</Paragraph>
        </blockquote>
      )}
      <Field>
        <Label htmlFor={kindId}>{t("log.form.kind")}</Label>
        <Select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as StafettloggKind)}>
          {KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`log.kind.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        ref={textRef}
        id={textId}
        multiline
        rows={4}
        label={t(correcting ? "log.form.correctionText" : "log.form.text")}
        description={t(correcting ? "log.form.correctionHelp" : "log.form.textHelp")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors[textId]}
        counter={{ limit: TEXT_LIMIT, under: t("log.form.counterUnder"), over: t("log.form.counterOver") }}
      />
    </ActionForm>
  );
}

export function Stafettlogg({ participation }: { participation: Participation }) {
  const { t } = useI18n();
  const user = useUser();
  const { caseId, canAct } = participation;
  const context = useMemo(() => inCase(caseId), [caseId]);
  const variables = useMemo(() => ({ id: caseId, first: PAGE_SIZE }), [caseId]);
  const pages = usePages({ query: CaseStafettloggDocument, variables, context, connection: stafettloggOf });
  const { result, refetch } = pages;
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const ownService = user?.service.toUpperCase();
  return (
    <section aria-labelledby="log-heading">
      <Heading level={2} data-size="md" id="log-heading">
        {t("log.title")}
      </Heading>
      <Paragraph>{t(user?.role === "citizen" ? "log.intro.citizen" : "log.intro.employee")}</Paragraph>
      <QueryResult result={result}>
        {() => (
          <>
            <Entries
              entries={readFragment(StafettloggEntryItemFragmentDoc, pages.nodes as readonly FragmentType<typeof StafettloggEntryItemFragmentDoc>[])}
              // A service corrects what it wrote itself; the hub takes a correction of any entry in the case.
              mayCorrect={(e) => canAct && e.authorService === ownService}
              onCorrect={setCorrecting}
            />
            <ShowMore pages={pages} />
          </>
        )}
      </QueryResult>
      {/* Only the case's professional members write; the hub refuses anyone else all the same. */}
      {canAct && (
        <EntryForm
          caseId={caseId}
          correcting={correcting}
          onSaved={() => {
            setCorrecting(null);
            refetch({ ...context, requestPolicy: "network-only" });
          }}
          onCancel={() => setCorrecting(null)}
        />
      )}
    </section>
  );
}
