// Opening a case about the person found, from its task (issue 17's rule: a
// case starts from a concern the coordinator registers, or from a referral or
// decision with its reference). A concern opens a BTI case; a referral any
// kind; a decision an ansvarsgruppe or investeringsteam. On success the
// coordinator lands on the new case's page.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield } from "@digdir/designsystemet-react";
import { useMutation } from "urql";
import { useNavigate } from "react-router";
import { OpenCaseDocument, RegisterConcernDocument, type CaseKind } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate } from "../i18n/format.ts";
import { casePath } from "../shell/navigation.ts";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import type { PersonMatch } from "./PersonSearch.tsx";

type Basis = "CONCERN" | "REFERRAL" | "DECISION";
const KINDS: Record<Basis, readonly CaseKind[]> = {
  CONCERN: ["BTI"],
  REFERRAL: ["BTI", "ANSVARSGRUPPE", "INVESTERINGSTEAM"],
  DECISION: ["ANSVARSGRUPPE", "INVESTERINGSTEAM"],
};
type Problem = "title" | "text" | "reference";

export function OpenCaseForm({ person }: { person: PersonMatch }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [basis, setBasis] = useState<Basis>("CONCERN");
  const [kind, setKind] = useState<CaseKind>("BTI");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [reference, setReference] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  // A concern registered before opening failed is used again, not registered twice.
  const [concernId, setConcernId] = useState<string | null>(null);
  const [concernState, registerConcern] = useMutation(RegisterConcernDocument);
  const [openState, openCase] = useMutation(OpenCaseDocument);
  const formRef = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = `${person.givenName} ${person.familyName}`;
  // Chosen: the form's heading takes focus, so the keyboard goes on from there.
  useEffect(() => heading.current?.focus(), []);

  function chooseBasis(next: Basis) {
    setBasis(next);
    if (!KINDS[next].includes(kind)) setKind(KINDS[next][0]!);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Problem | null = !title.trim() ? "title" : basis === "CONCERN" && !text.trim() && !concernId ? "text" : basis !== "CONCERN" && !reference.trim() ? "reference" : null;
    setProblem(missing);
    if (missing) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    let concern = basis === "CONCERN" ? concernId : null;
    if (basis === "CONCERN" && !concern) {
      const registered = await registerConcern({ input: { subjectId: person.id, text: text.trim() } });
      if (registered.error || !registered.data) return;
      concern = registered.data.registerConcern.id;
      setConcernId(concern);
    }
    const opened = await openCase({
      input: {
        kind,
        title: title.trim(),
        subjectIds: [person.id],
        ...(concern ? { concernId: concern } : { referral: { kind: basis, reference: reference.trim() } }),
      },
    });
    if (opened.error || !opened.data) return;
    navigate(casePath(opened.data.openCase.id));
  }

  const busy = concernState.fetching || openState.fetching;
  const error = openState.error ?? concernState.error;
  return (
    <section aria-labelledby="open-case-heading">
      <Heading level={2} data-size="md" id="open-case-heading" ref={heading} tabIndex={-1} className="page-heading">
        {t("openCase.title", { name })}
      </Heading>
      <Paragraph>{t("openCase.intro", { name, born: formatDate(lang, person.birthDate) })}</Paragraph>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="form">
        <Fieldset>
          <Fieldset.Legend>{t("openCase.basis")}</Fieldset.Legend>
          {(["CONCERN", "REFERRAL", "DECISION"] as const).map((b) => (
            <Radio key={b} name="basis" value={b} label={t(`openCase.basis.${b}`)} description={t(`openCase.basis.${b}.help`)} checked={basis === b} onChange={() => chooseBasis(b)} />
          ))}
        </Fieldset>
        {basis === "CONCERN" ? (
          concernId ? (
            <Paragraph>{t("openCase.concernRegistered")}</Paragraph>
          ) : (
            <Textfield
              multiline
              rows={4}
              label={t("openCase.concernText")}
              description={t("openCase.concernTextHelp")}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={problem === "text" ? t("openCase.concernTextMissing") : undefined}
            />
          )
        ) : (
          <>
            <Textfield
              label={t("openCase.reference")}
              description={t("openCase.referenceHelp")}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              error={problem === "reference" ? t("openCase.referenceMissing") : undefined}
            />
            <Field>
              <Label>{t("openCase.kind")}</Label>
              <Select value={kind} onChange={(e) => setKind(e.target.value as CaseKind)}>
                {KINDS[basis].map((k) => (
                  <Select.Option key={k} value={k}>
                    {t(`case.kind.${k}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </>
        )}
        <Textfield
          label={t("openCase.caseTitle")}
          description={t("openCase.caseTitleHelp")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={problem === "title" ? t("openCase.caseTitleMissing") : undefined}
        />
        {error && <ErrorMessage error={error} />}
        <Button type="submit" disabled={busy}>
          {busy ? t("openCase.busy") : t("openCase.submit")}
        </Button>
      </form>
    </section>
  );
}
