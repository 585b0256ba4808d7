// The case's BTI level: where it is, every decision that moved it, and for the
// stafettholder a form to move it — a decision with a reason the family
// could read, kept in the level history.
import { useId, useMemo, useState } from "react";
import { Details, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { inCase } from "../graphql/client.ts";
import { CaseLevelHistoryDocument, ChangeBtiLevelDocument } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDateTime, serviceKey } from "../i18n/format.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ActionForm, Fold, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import type { Participation } from "./participation.ts";

/** BTI's levels, 0 (is there reason for concern?) to 3 (MAX_BTI_LEVEL in services/samhandling/coordination/rules.ts). */
const LEVELS = [0, 1, 2, 3] as const;

function LevelForm({ caseId, current, labelledBy }: { caseId: string; current: number; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(ChangeBtiLevelDocument, caseId);
  const { errors, check } = useFieldErrors();
  const levelId = useId();
  const reasonId = useId();
  const [level, setLevel] = useState(String(current === 3 ? 2 : current + 1));
  const [reason, setReason] = useState("");
  async function submit() {
    if (
      !check([
        { id: levelId, ok: Number(level) !== current, message: t("level.form.sameLevel", { level: current }) },
        { id: reasonId, ok: reason.trim() !== "", message: t("level.form.reasonMissing") },
      ])
    )
      return;
    if (!(await action.run({ caseId, level: Number(level), reason: reason.trim() }))) return;
    setReason("");
    action.setDone(t("level.form.saved", { level }));
  }
  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("level.form.submit")} action={action} onSubmit={submit}>
      <Field>
        <Label htmlFor={levelId}>{t("level.form.level")}</Label>
        <Select id={levelId} value={level} onChange={(e) => setLevel(e.target.value)} aria-invalid={errors[levelId] ? true : undefined}>
          {LEVELS.map((l) => (
            <Select.Option key={l} value={String(l)}>
              {t(`level.name.${l}`)}
            </Select.Option>
          ))}
        </Select>
        {errors[levelId] && <ValidationMessage>{errors[levelId]}</ValidationMessage>}
      </Field>
      <Textfield id={reasonId} multiline rows={3} label={t("level.form.reason")} description={t("level.form.reasonHelp")} value={reason} onChange={(e) => setReason(e.target.value)} error={errors[reasonId]} />
    </ActionForm>
  );
}

export function BtiLevel({ participation, level }: { participation: Participation; level: number }) {
  const { t, lang } = useI18n();
  const { caseId } = participation;
  const context = useMemo(() => inCase(caseId), [caseId]);
  const [result] = useQuery({ query: CaseLevelHistoryDocument, variables: { id: caseId }, context });
  return (
    <section aria-labelledby="level-heading">
      <Heading level={2} data-size="md" id="level-heading">
        {t("level.title")}
      </Heading>
      <Paragraph>{t(`level.name.${level as (typeof LEVELS)[number]}`)}</Paragraph>
      <QueryResult result={result}>
        {(data) => {
          const history = data.case?.levelHistory ?? [];
          return history.length === 0 ? null : (
            <Details>
              <Details.Summary>{t("level.history", { count: history.length })}</Details.Summary>
              <Details.Content>
                <ol className="item-list">
                  {history.map((h) => (
                    <li key={h.id} className="item">
                      <Paragraph data-size="sm">
                        {h.fromLevel == null
                          ? t("level.historyFirst", { date: formatDateTime(lang, h.decidedAt), to: h.toLevel, service: t(serviceKey(h.decidedByService)) })
                          : t("level.historyItem", { date: formatDateTime(lang, h.decidedAt), from: h.fromLevel, to: h.toLevel, service: t(serviceKey(h.decidedByService)) })}
                      </Paragraph>
                      <Paragraph data-size="sm">{t("level.reason", { reason: h.reason })}</Paragraph>
                    </li>
                  ))}
                </ol>
              </Details.Content>
            </Details>
          );
        }}
      </QueryResult>
      {participation.isHolder && (
        <Fold summary={t("level.form.title")}>{(id) => <LevelForm labelledBy={id} caseId={caseId} current={level} />}</Fold>
      )}
    </section>
  );
}
