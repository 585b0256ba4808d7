// The consents and refusals recorded in a case, newest first, each with where
// it stands in words; for the case's members, recording a signed paper form
// (with its reference), attesting one another member recorded — until then it
// counts for nothing — and recording a withdrawal.
import { Fragment, useId, useMemo, useState } from "react";
import { Field, Heading, Label, Paragraph, Select, Tag, Textfield } from "@digdir/designsystemet-react";
import { useUser } from "../auth/AuthProvider.tsx";
import { CheckboxGroup } from "../shell/CheckboxGroup.tsx";
import { inCase } from "../graphql/client.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import {
  AttestConsentDocument,
  CaseConsentsDocument,
  ConsentItemFragmentDoc,
  RecordConsentFormDocument,
  WithdrawConsentDocument,
  type CaseConsentsQuery,
  type ConsentCapacity,
  type ConsentItemFragment,
  type DataCategory,
  type ServiceName,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, serviceKey } from "../i18n/format.ts";
import { usePages } from "../shell/pages.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { ActionButton, ActionForm, Fold, Notice, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import { CONSENT_CATEGORIES, consentCategoryWords } from "../consents/categories.ts";
import { consentState } from "./consent-words.ts";
import type { Participation } from "./participation.ts";
import { CONSENT_SERVICES } from "../consents/services.ts";

type Consent = ConsentItemFragment;
export interface CaseSubject {
  id: string;
  givenName: string;
  familyName: string;
}


const personName = (p: { givenName: string; familyName: string } | null | undefined, unknown: string) => (p ? `${p.givenName} ${p.familyName}` : unknown);

function RecordForm({ caseId, subjects, labelledBy }: { caseId: string; subjects: readonly CaseSubject[]; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(RecordConsentFormDocument, caseId);
  const { errors, check } = useFieldErrors();
  const ids = { subject: useId(), givenBy: useId(), capacity: useId(), services: useId(), categories: useId(), reference: useId() };
  const [subject, setSubject] = useState(subjects[0]?.id ?? "");
  const [givenBy, setGivenBy] = useState("");
  const [capacity, setCapacity] = useState<ConsentCapacity>("SELF");
  const [services, setServices] = useState<ReadonlySet<ServiceName>>(new Set());
  const [categories, setCategories] = useState<ReadonlySet<DataCategory>>(new Set());
  const [reference, setReference] = useState("");
  const [childView, setChildView] = useState("");
  const [note, setNote] = useState("");

  async function submit() {
    if (
      !check([
        { id: ids.services, ok: services.size > 0, message: t("consent.form.servicesMissing") },
        { id: ids.categories, ok: categories.size > 0, message: t("consent.form.categoriesMissing") },
        { id: ids.reference, ok: reference.trim() !== "", message: t("consent.form.referenceMissing") },
      ])
    )
      return;
    const saved = await action.run({
      input: {
        caseId,
        subjectId: subject,
        givenById: givenBy || subject,
        capacity,
        services: [...services],
        categories: [...categories],
        formReference: reference.trim(),
        childView: childView.trim() || null,
        note: note.trim() || null,
      },
    });
    if (!saved) return;
    setReference("");
    setChildView("");
    setNote("");
    action.setDone(t("consent.form.saved"));
  }

  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("consent.form.submit")} action={action} onSubmit={submit}>
      <Paragraph data-size="sm">{t("consent.form.intro")}</Paragraph>
      <Field>
        <Label htmlFor={ids.subject}>{t("consent.form.subject")}</Label>
        <Select id={ids.subject} value={subject} onChange={(e) => setSubject(e.target.value)}>
          {subjects.map((s) => (
            <Select.Option key={s.id} value={s.id}>
              {personName(s, "")}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={ids.givenBy}>{t("consent.form.givenBy")}</Label>
        <Select id={ids.givenBy} value={givenBy} onChange={(e) => setGivenBy(e.target.value)}>
          <Select.Option value="">{t("consent.form.givenBySelf")}</Select.Option>
          {subjects
            .filter((s) => s.id !== subject)
            .map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {personName(s, "")}
              </Select.Option>
            ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={ids.capacity}>{t("consent.form.capacity")}</Label>
        <Select id={ids.capacity} value={capacity} onChange={(e) => setCapacity(e.target.value as ConsentCapacity)}>
          <Select.Option value="SELF">{t("consent.capacity.SELF")}</Select.Option>
          <Select.Option value="GUARDIAN">{t("consent.capacity.GUARDIAN")}</Select.Option>
        </Select>
      </Field>
      <CheckboxGroup id={ids.services} legend={t("consent.form.services")} options={CONSENT_SERVICES} label={(s) => t(serviceKey(s))} chosen={services} onChange={setServices} error={errors[ids.services]} />
      <CheckboxGroup id={ids.categories} legend={t("consent.form.categories")} options={CONSENT_CATEGORIES} label={(c) => t(`consent.category.${c}`)} chosen={categories} onChange={setCategories} error={errors[ids.categories]} />
      <Textfield id={ids.reference} label={t("consent.form.reference")} description={t("consent.form.referenceHelp")} value={reference} onChange={(e) => setReference(e.target.value)} error={errors[ids.reference]} />
      <Textfield multiline rows={2} label={t("consent.form.childView")} description={t("consent.form.childViewHelp")} value={childView} onChange={(e) => setChildView(e.target.value)} />
      <Textfield multiline rows={2} label={t("consent.form.note")} value={note} onChange={(e) => setNote(e.target.value)} />
    </ActionForm>
  );
}

function ConsentItem({ consent, participation }: { consent: Consent; participation: Participation }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const attest = useCaseAction(AttestConsentDocument, participation.caseId);
  const withdraw = useCaseAction(WithdrawConsentDocument, participation.caseId);
  // The buttons leave with the refresh an attestation or withdrawal brings: the confirmation is the item's.
  const [notice, setNotice] = useState<string | null>(null);
  const state = consentState(t, lang, consent);
  const unknown = t("consent.unknownPerson");
  const subject = personName(consent.subject, unknown);
  const giver = personName(consent.givenBy, unknown);
  // The one who recorded a form cannot attest it too (the hub's rule): a second pair of eyes.
  const mayAttest = participation.canAct && consent.pending && !consent.withdrawnAt && consent.recordedBy !== user?.subject;
  return (
    <li className="item">
      <Heading level={3} data-size="xs">
        {t(consent.decision === "PERMIT" ? "consent.title.permit" : "consent.title.deny", { subject })}
      </Heading>
      <Paragraph data-size="sm">
        <Tag data-size="sm" data-color={state.tone}>
          {state.words}
        </Tag>
      </Paragraph>
      <dl className="consent-facts">
        <dt>{t("consent.field.givenBy")}</dt>
        <dd>{t(`consent.givenBy.${consent.capacity}`, { name: giver })}</dd>
        <dt>{t("consent.field.services")}</dt>
        <dd>{consent.services.map((s) => t(serviceKey(s))).join(", ")}</dd>
        <dt>{t("consent.field.categories")}</dt>
        <dd>{consentCategoryWords(t, consent.categories)}</dd>
        <dt>{t("consent.field.channel")}</dt>
        <dd>
          {t(`consent.channel.${consent.channel}`)}
          {consent.formReference ? ` – ${t("consent.formReference", { reference: consent.formReference })}` : ""}
        </dd>
        <dt>{t("consent.field.period")}</dt>
        <dd>
          {consent.validTo
            ? t("consent.period", { from: formatDate(lang, consent.validFrom), to: formatDate(lang, consent.validTo) })
            : t("consent.periodOpen", { from: formatDate(lang, consent.validFrom) })}
        </dd>
        {(
          [
            ["consent.field.recordedBy", consent.recordedByName],
            ["consent.field.attestedBy", consent.attestedByName],
            ["consent.field.childView", consent.childView],
            ["consent.field.note", consent.note],
          ] as const
        ).map(
          ([label, value]) =>
            value && (
              <Fragment key={label}>
                <dt>{t(label)}</dt>
                <dd>{value}</dd>
              </Fragment>
            ),
        )}
      </dl>
      {participation.canAct && (mayAttest || !consent.withdrawnAt) && (
        <div className="actions">
          {mayAttest && (
            <ActionButton
              label={t("consent.attest")}
              variant="primary"
              action={attest}
              onClick={async () => {
                if (await attest.run({ id: consent.id })) setNotice(t("consent.attested"));
              }}
            />
          )}
          {!consent.withdrawnAt && (
            <ActionButton
              label={t("consent.withdraw")}
              action={withdraw}
              onClick={async () => {
                if (await withdraw.run({ id: consent.id })) setNotice(t("consent.withdrawn"));
              }}
            />
          )}
        </div>
      )}
      <Notice text={notice} />
    </li>
  );
}

/** Consents a page: a case rarely has more; "Vis flere" for the rest. */
const PAGE_SIZE = 20;
const consentsOf = (data: CaseConsentsQuery) => data.consentsPage;

export function Consents({ participation, subjects }: { participation: Participation; subjects: readonly CaseSubject[] }) {
  const { t } = useI18n();
  const { caseId } = participation;
  const context = useMemo(() => ({ ...inCase(caseId), additionalTypenames: ["Consent"] }), [caseId]);
  const variables = useMemo(() => ({ caseId, first: PAGE_SIZE }), [caseId]);
  const pages = usePages({ query: CaseConsentsDocument, variables, context, connection: consentsOf });
  return (
    <section aria-labelledby="consents-heading">
      <Heading level={2} data-size="md" id="consents-heading">
        {t("consent.title")}
      </Heading>
      <Paragraph>{t("consent.intro")}</Paragraph>
      <QueryResult result={pages.result}>
        {() => {
          const consents = readFragment(ConsentItemFragmentDoc, pages.nodes as readonly FragmentType<typeof ConsentItemFragmentDoc>[]);
          return consents.length === 0 ? (
            <Paragraph>{t("consent.empty")}</Paragraph>
          ) : (
            <>
              <ul className="item-list">
                {consents.map((c) => (
                  <ConsentItem key={c.id} consent={c} participation={participation} />
                ))}
              </ul>
              <ShowMore pages={pages} />
            </>
          );
        }}
      </QueryResult>
      {participation.canAct && subjects.length > 0 && (
        <Fold summary={t("consent.form.title")}>{(id) => <RecordForm labelledBy={id} caseId={caseId} subjects={subjects} />}</Fold>
      )}
    </section>
  );
}
