// Giving a consent digitally: for which case, about whom (yourself, or a child
// you hold parental responsibility for — among the case's subjects), which
// services may share what, and until when; the child's own view from age 7.
// A summary in words to confirm, then grantConsent. The hub checks who is
// competent (age, parental responsibility, the youth's own say over health
// data from 16) and answers by code: NOT_COMPETENT, CHILD_VIEW_MISSING,
// ASSURANCE_TOO_LOW.
import { useRef, useState, type FormEvent } from "react";
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Select, Field, Label, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import { useMutation } from "urql";
import { GiveMyConsentDocument, type DataCategory, type MyConsentsQuery, type ServiceName } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { dayBoundary, formatDate, serviceKey } from "../i18n/format.ts";
import { Confirm } from "../shell/Confirm.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { categoryWords } from "../accessLog/words.ts";
import { CONSENT_CATEGORIES } from "./categories.ts";
import { CONSENT_SERVICES } from "./services.ts";

/** From this age a guardian's consent carries the child's own view (as the hub's competence rules). */
const CHILD_VIEW_AGE = 7;

interface Subject {
  id: string;
  /** Their name, or null for the signed-in person. */
  name: string | null;
  /** Null for the signed-in person. */
  age: number | null;
}

type Problem = "case" | "subject" | "services" | "categories" | "childView";

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

export function GrantConsentForm({ data, onGranted }: { data: MyConsentsQuery; onGranted(): void }) {
  const { t, lang } = useI18n();
  const me = data.me!;
  const cases = data.myCasesPage.edges.map((e) => e.node).filter((c) => c.status === "OPEN");
  const [caseId, setCaseId] = useState("");
  const [subjectId, setSubjectId] = useState("");
  const [services, setServices] = useState<ServiceName[]>([]);
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [validTo, setValidTo] = useState("");
  const [childView, setChildView] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [granted, setGranted] = useState(false);
  const [state, grant] = useMutation(GiveMyConsentDocument);
  const formRef = useRef<HTMLFormElement>(null);

  const chosenCase = cases.find((c) => c.id === caseId);
  const inCase = new Set(chosenCase?.subjects.flatMap((s) => (s ? [s.id] : [])) ?? []);
  const subjects: Subject[] = [
    ...(inCase.has(me.id) ? [{ id: me.id, name: null, age: null }] : []),
    ...me.guardianOf.flatMap((g) => (g.parentalResponsibility && g.child && inCase.has(g.child.id) ? [{ id: g.child.id, name: `${g.child.givenName} ${g.child.familyName}`, age: g.child.age }] : [])),
  ];
  const subject = subjects.find((s) => s.id === subjectId);
  const needsChildView = subject?.age != null && subject.age >= CHILD_VIEW_AGE;
  const has = (p: Problem) => problems.includes(p);

  function check(event: FormEvent) {
    event.preventDefault();
    setGranted(false);
    const found: Problem[] = [];
    if (!chosenCase) found.push("case");
    if (!subject) found.push("subject");
    if (services.length === 0) found.push("services");
    if (categories.length === 0) found.push("categories");
    if (needsChildView && !childView.trim()) found.push("childView");
    setProblems(found);
    if (found.length > 0) {
      // The first field with a problem takes focus, so the keyboard is where the fix is.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setConfirming(true);
  }

  async function confirm() {
    const result = await grant({
      input: {
        caseId,
        subjectId,
        capacity: subject!.name === null ? "SELF" : "GUARDIAN",
        services,
        categories,
        validTo: validTo ? dayBoundary(validTo, true) : null,
        childView: needsChildView ? childView.trim() : null,
        note: note.trim() || null,
      },
    });
    if (result.error) return;
    setConfirming(false);
    setGranted(true);
    setCaseId("");
    setSubjectId("");
    setServices([]);
    setCategories([]);
    setValidTo("");
    setChildView("");
    setNote("");
    onGranted();
  }

  const who = subject ? (subject.name ?? t("consent.person.you")) : "";
  const question = t("consent.grant.question", {
    services: services.map((s) => t(serviceKey(s))).join(", "),
    categories: categoryWords(t, categories),
    who,
    case: chosenCase?.title ?? "",
    until: validTo ? t("consent.grant.until", { date: formatDate(lang, validTo) }) : t("consent.grant.untilWithdrawn"),
  });

  return (
    <section aria-labelledby="grant-heading">
      <Heading level={2} data-size="md" id="grant-heading">
        {t("consent.grant.title")}
      </Heading>
      <Paragraph>{t("consent.grant.intro")}</Paragraph>
      <div role="status">{granted && <Alert data-color="success">{t("consent.grant.done")}</Alert>}</div>
      {cases.length === 0 ? (
        <Paragraph>{t("consent.grant.noCases")}</Paragraph>
      ) : (
        <form ref={formRef} onSubmit={check} noValidate className="form">
          <Field>
            <Label>{t("consent.grant.case")}</Label>
            <Select
              value={caseId}
              aria-invalid={has("case") || undefined}
              onChange={(e) => {
                setCaseId(e.target.value);
                setSubjectId("");
                setConfirming(false);
              }}
            >
              <Select.Option value="">{t("consent.grant.chooseCase")}</Select.Option>
              {cases.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.title}
                </Select.Option>
              ))}
            </Select>
            {has("case") && <ValidationMessage>{t("consent.grant.caseMissing")}</ValidationMessage>}
          </Field>

          {chosenCase && (
            <Fieldset>
              <Fieldset.Legend>{t("consent.grant.subject")}</Fieldset.Legend>
              {subjects.length === 0 && <Paragraph>{t("consent.grant.noSubjects")}</Paragraph>}
              {subjects.map((s) => (
                <Radio
                  key={s.id}
                  name="subject"
                  value={s.id}
                  label={s.name === null ? t("consent.grant.subjectYou") : t("consent.grant.subjectChild", { name: s.name, age: s.age ?? 0 })}
                  checked={subjectId === s.id}
                  aria-invalid={has("subject") || undefined}
                  onChange={() => {
                    setSubjectId(s.id);
                    setConfirming(false);
                  }}
                />
              ))}
              {has("subject") && <ValidationMessage>{t("consent.grant.subjectMissing")}</ValidationMessage>}
            </Fieldset>
          )}

          <Fieldset>
            <Fieldset.Legend>{t("consent.grant.services")}</Fieldset.Legend>
            <Fieldset.Description>{t("consent.grant.servicesHelp")}</Fieldset.Description>
            {CONSENT_SERVICES.map((s) => (
              <Checkbox
                key={s}
                value={s}
                label={t(serviceKey(s))}
                checked={services.includes(s)}
                aria-invalid={has("services") || undefined}
                onChange={(e) => {
                  setServices(toggle(services, s, e.target.checked));
                  setConfirming(false);
                }}
              />
            ))}
            {has("services") && <ValidationMessage>{t("consent.grant.servicesMissing")}</ValidationMessage>}
          </Fieldset>

          <Fieldset>
            <Fieldset.Legend>{t("consent.grant.categories")}</Fieldset.Legend>
            {CONSENT_CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                value={c}
                label={t(`category.${c}`)}
                description={t(`category.${c}.help`)}
                checked={categories.includes(c)}
                aria-invalid={has("categories") || undefined}
                onChange={(e) => {
                  setCategories(toggle(categories, c, e.target.checked));
                  setConfirming(false);
                }}
              />
            ))}
            {has("categories") && <ValidationMessage>{t("consent.grant.categoriesMissing")}</ValidationMessage>}
          </Fieldset>

          <Textfield type="date" label={t("consent.grant.validTo")} description={t("consent.grant.validToHelp")} value={validTo} onChange={(e) => setValidTo(e.target.value)} />

          {needsChildView && (
            <Textfield
              multiline
              rows={3}
              label={t("consent.grant.childView")}
              description={t("consent.grant.childViewHelp")}
              value={childView}
              onChange={(e) => setChildView(e.target.value)}
              error={has("childView") ? t("consent.grant.childViewMissing") : undefined}
            />
          )}

          <Textfield multiline rows={2} label={t("consent.grant.note")} description={t("consent.grant.noteHelp")} value={note} onChange={(e) => setNote(e.target.value)} />

          {confirming ? (
            <Confirm
              question={question}
              confirmLabel={t("consent.grant.confirm")}
              cancelLabel={t("consent.grant.change")}
              busy={state.fetching}
              busyLabel={t("consent.grant.busy")}
              onConfirm={() => void confirm()}
              onCancel={() => setConfirming(false)}
            >
              {state.error && <ErrorMessage error={state.error} />}
            </Confirm>
          ) : (
            <Button type="submit">{t("consent.grant.next")}</Button>
          )}
        </form>
      )}
    </section>
  );
}
