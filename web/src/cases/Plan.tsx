// The case's plan: the goals in the family's order of priority, each with the
// follow-ups that serve it, then the follow-ups under no goal. Who is
// responsible for a follow-up, or holds the baton, sets its status; any
// professional member adds goals and follow-ups (in folds below the plan).
import { useId, useMemo, useState } from "react";
import { Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { inCase } from "../graphql/client.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import {
  AddFollowUpDocument,
  AddGoalDocument,
  CasePlanDocument,
  FollowUpItemFragmentDoc,
  SetFollowUpStatusDocument,
  type CasePlanQuery,
  type FollowUpItemFragment,
  type FollowUpStatus,
  type GoalTerm,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, serviceKey } from "../i18n/format.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ActionForm, Fold, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import { MemberSelect } from "./MemberSelect.tsx";
import type { Participation } from "./participation.ts";

type FollowUp = FollowUpItemFragment;
type Goal = NonNullable<CasePlanQuery["case"]>["goals"][number];

const STATUSES: readonly FollowUpStatus[] = ["PLANNED", "ACTIVE", "DONE", "CANCELLED"];
const TERMS: readonly GoalTerm[] = ["SHORT", "LONG"];
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function StatusForm({ followUp, caseId }: { followUp: FollowUp; caseId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<FollowUpStatus>(followUp.status);
  const action = useCaseAction(SetFollowUpStatusDocument, caseId);
  async function submit() {
    if (await action.run({ followUpId: followUp.id, status })) action.setDone(t("plan.status.saved", { status: t(`followUpStatus.${status}`) }));
  }
  return (
    <ActionForm title={t("plan.status.title", { what: followUp.description })} submitLabel={t("plan.status.submit")} action={action} onSubmit={submit} level={4}>
      <Field>
        <Label htmlFor={id}>{t("plan.status.label")}</Label>
        <Select id={id} value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)}>
          {STATUSES.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`followUpStatus.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </ActionForm>
  );
}

function FollowUpItem({ followUp, participation }: { followUp: FollowUp; participation: Participation }) {
  const { t, lang } = useI18n();
  const [changing, setChanging] = useState(false);
  const mayChange = participation.canAct && (participation.isHolder || followUp.responsible?.id === participation.me?.id);
  return (
    <li className="item">
      <Paragraph className="item__title">{followUp.description}</Paragraph>
      <Paragraph data-size="sm">
        <Tag data-size="sm" data-color={followUp.overdue ? "danger" : followUp.status === "DONE" ? "success" : "neutral"}>
          {t(`followUpStatus.${followUp.status}`)}
        </Tag>{" "}
        {followUp.overdue && <strong>{t("plan.overdue")} </strong>}
        {t("plan.followUpMeta", {
          who: followUp.responsible?.displayName ?? t("plan.noResponsible"),
          service: t(serviceKey(followUp.responsibleService)),
          date: formatDate(lang, followUp.dueDate),
        })}
      </Paragraph>
      {mayChange &&
        (changing ? (
          <StatusForm followUp={followUp} caseId={participation.caseId} />
        ) : (
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => setChanging(true)}>
            {t("plan.status.open", { what: followUp.description })}
          </Button>
        ))}
    </li>
  );
}

function FollowUpList({ items, participation }: { items: readonly FollowUp[]; participation: Participation }) {
  const { t } = useI18n();
  if (items.length === 0) return <Paragraph data-size="sm">{t("plan.noFollowUps")}</Paragraph>;
  return (
    <ul className="item-list">
      {items.map((f) => (
        <FollowUpItem key={f.id} followUp={f} participation={participation} />
      ))}
    </ul>
  );
}

function GoalForm({ caseId, nextPriority, labelledBy }: { caseId: string; nextPriority: number; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(AddGoalDocument, caseId);
  const { errors, check } = useFieldErrors();
  const textId = useId();
  const termId = useId();
  const priorityId = useId();
  const [text, setText] = useState("");
  const [term, setTerm] = useState<GoalTerm>("SHORT");
  const [priority, setPriority] = useState("");
  async function submit() {
    const familyPriority = priority.trim() === "" ? nextPriority : Number(priority);
    if (
      !check([
        { id: textId, ok: text.trim() !== "", message: t("plan.goalForm.textMissing") },
        { id: priorityId, ok: Number.isInteger(familyPriority) && familyPriority >= 1 && familyPriority <= 99, message: t("plan.goalForm.priorityInvalid") },
      ])
    )
      return;
    if (!(await action.run({ caseId, input: { text: text.trim(), term, familyPriority } }))) return;
    setText("");
    setPriority("");
    action.setDone(t("plan.goalForm.saved"));
  }
  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("plan.goalForm.submit")} action={action} onSubmit={submit}>
      <Textfield id={textId} multiline rows={2} label={t("plan.goalForm.text")} description={t("plan.goalForm.textHelp")} value={text} onChange={(e) => setText(e.target.value)} error={errors[textId]} />
      <Field>
        <Label htmlFor={termId}>{t("plan.goalForm.term")}</Label>
        <Select id={termId} value={term} onChange={(e) => setTerm(e.target.value as GoalTerm)}>
          {TERMS.map((x) => (
            <Select.Option key={x} value={x}>
              {t(`goalTerm.${x}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        id={priorityId}
        type="number"
        inputMode="numeric"
        min={1}
        max={99}
        label={t("plan.goalForm.priority")}
        description={t("plan.goalForm.priorityHelp", { next: nextPriority })}
        value={priority}
        onChange={(e) => setPriority(e.target.value)}
        error={errors[priorityId]}
      />
    </ActionForm>
  );
}

function FollowUpForm({ participation, goals, labelledBy }: { participation: Participation; goals: readonly Goal[]; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(AddFollowUpDocument, participation.caseId);
  const { errors, check } = useFieldErrors();
  const descriptionId = useId();
  const dueId = useId();
  const goalId = useId();
  const [description, setDescription] = useState("");
  const [responsible, setResponsible] = useState(participation.me?.id ?? participation.professionals[0]?.id ?? "");
  const [due, setDue] = useState("");
  const [goal, setGoal] = useState("");
  async function submit() {
    if (
      !check([
        { id: descriptionId, ok: description.trim() !== "", message: t("plan.followUpForm.descriptionMissing") },
        { id: dueId, ok: isDay(due), message: t("plan.followUpForm.dueDateMissing") },
      ])
    )
      return;
    const input = { description: description.trim(), responsibleMemberId: responsible, dueDate: due, ...(goal ? { goalId: goal } : {}) };
    if (!(await action.run({ caseId: participation.caseId, input }))) return;
    setDescription("");
    setDue("");
    action.setDone(t("plan.followUpForm.saved"));
  }
  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("plan.followUpForm.submit")} action={action} onSubmit={submit}>
      <Textfield id={descriptionId} label={t("plan.followUpForm.description")} value={description} onChange={(e) => setDescription(e.target.value)} error={errors[descriptionId]} />
      <MemberSelect label={t("plan.followUpForm.responsible")} members={participation.professionals} value={responsible} onChange={setResponsible} />
      <Textfield id={dueId} type="date" label={t("plan.followUpForm.dueDate")} value={due} onChange={(e) => setDue(e.target.value)} error={errors[dueId]} />
      <Field>
        <Label htmlFor={goalId}>{t("plan.followUpForm.goal")}</Label>
        <Select id={goalId} value={goal} onChange={(e) => setGoal(e.target.value)}>
          <Select.Option value="">{t("plan.followUpForm.noGoal")}</Select.Option>
          {goals.map((g) => (
            <Select.Option key={g.id} value={g.id}>
              {g.text}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </ActionForm>
  );
}

export function Plan({ participation }: { participation: Participation }) {
  const { t } = useI18n();
  const { caseId } = participation;
  // A follow-up can come from a meeting's decision: the plan refreshes after one is recorded, too.
  const context = useMemo(() => ({ ...inCase(caseId), additionalTypenames: ["Goal", "FollowUp", "Meeting"] }), [caseId]);
  const [result] = useQuery({ query: CasePlanDocument, variables: { id: caseId }, context });
  return (
    <section aria-labelledby="plan-heading">
      <Heading level={2} data-size="md" id="plan-heading">
        {t("plan.title")}
      </Heading>
      <QueryResult result={result}>
        {(data) => {
          const goals = data.case?.goals ?? [];
          const followUps = readFragment(FollowUpItemFragmentDoc, (data.case?.followUps ?? []) as readonly FragmentType<typeof FollowUpItemFragmentDoc>[]);
          const loose = followUps.filter((f) => !f.goalId || !goals.some((g) => g.id === f.goalId));
          return (
            <>
              {goals.length === 0 ? (
                <Paragraph>{t("plan.noGoals")}</Paragraph>
              ) : (
                <ol className="item-list plan-goals">
                  {goals.map((g) => (
                    <li key={g.id} className="plan-goal">
                      <Heading level={3} data-size="xs">
                        {g.text}
                      </Heading>
                      <Paragraph data-size="sm">
                        {t("plan.goalMeta", { priority: g.familyPriority, term: t(`goalTerm.${g.term}`), status: t(`goalStatus.${g.status}`) })}
                      </Paragraph>
                      <FollowUpList items={followUps.filter((f) => f.goalId === g.id)} participation={participation} />
                    </li>
                  ))}
                </ol>
              )}
              <Heading level={3} data-size="xs">
                {t("plan.looseFollowUps")}
              </Heading>
              <FollowUpList items={loose} participation={participation} />
              {participation.canAct && (
                <div className="folds">
                  <Fold summary={t("plan.goalForm.title")}>{(id) => <GoalForm labelledBy={id} caseId={caseId} nextPriority={Math.max(0, ...goals.map((g) => g.familyPriority)) + 1} />}</Fold>
                  <Fold summary={t("plan.followUpForm.title")}>{(id) => <FollowUpForm labelledBy={id} participation={participation} goals={goals} />}</Fold>
                </div>
              )}
            </>
          );
        }}
      </QueryResult>
    </section>
  );
}
