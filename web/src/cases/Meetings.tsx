// A case's meetings: planned ones, with the actions on them (record what
// happened, cancel), and held ones with who was there and what was decided —
// each decision may create a follow-up with a responsible member and a due
// date, which then shows in the plan. Planning a meeting is in a fold, so the
// list stays in front.
import { useId, useMemo, useState } from "react";
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { inCase } from "../graphql/client.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import {
  CancelMeetingDocument,
  CaseMeetingsDocument,
  MeetingItemFragmentDoc,
  RecordMeetingDocument,
  ScheduleMeetingDocument,
  type MeetingDecisionInput,
  type MeetingItemFragment,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ActionButton, ActionForm, Fold, Notice, useCaseAction, useFieldErrors, type FieldRule } from "./ActionForm.tsx";
import { MemberSelect } from "./MemberSelect.tsx";
import type { Participation } from "./participation.ts";

type Meeting = MeetingItemFragment;

/** A `datetime-local` value (the browser's, in the municipality's time) as the hub's DateTime; null when it is not one. */
export function localDateTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function ScheduleForm({ caseId, labelledBy }: { caseId: string; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(ScheduleMeetingDocument, caseId);
  const { errors, check } = useFieldErrors();
  const titleId = useId();
  const startsId = useId();
  const [title, setTitle] = useState("");
  const [starts, setStarts] = useState("");

  async function submit() {
    const startsAt = localDateTime(starts);
    if (!check([{ id: titleId, ok: title.trim() !== "", message: t("meetings.form.titleMissing") }, { id: startsId, ok: startsAt !== null, message: t("meetings.form.startsMissing") }])) return;
    if (!(await action.run({ caseId, title: title.trim(), startsAt: startsAt! }))) return;
    setTitle("");
    setStarts("");
    action.setDone(t("meetings.form.scheduled"));
  }

  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("meetings.form.submit")} action={action} onSubmit={submit}>
      <Textfield id={titleId} label={t("meetings.form.meetingTitle")} description={t("meetings.form.meetingTitleHelp")} value={title} onChange={(e) => setTitle(e.target.value)} error={errors[titleId]} />
      <Textfield id={startsId} type="datetime-local" label={t("meetings.form.startsAt")} value={starts} onChange={(e) => setStarts(e.target.value)} error={errors[startsId]} />
    </ActionForm>
  );
}

interface DecisionDraft {
  key: number;
  text: string;
  withFollowUp: boolean;
  description: string;
  responsibleId: string;
  dueDate: string;
}

function DecisionFields({
  index,
  draft,
  participation,
  errors,
  ids,
  onChange,
  onRemove,
}: {
  index: number;
  draft: DecisionDraft;
  participation: Participation;
  errors: Record<string, string>;
  ids: { text: string; description: string; due: string };
  onChange(next: DecisionDraft): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<DecisionDraft>) => onChange({ ...draft, ...patch });
  return (
    <Fieldset className="action-form__group">
      <Fieldset.Legend>{t("meetings.record.decision", { number: index + 1 })}</Fieldset.Legend>
      <Textfield id={ids.text} multiline rows={2} label={t("meetings.record.decisionText")} value={draft.text} onChange={(e) => set({ text: e.target.value })} error={errors[ids.text]} />
      <Checkbox label={t("meetings.record.withFollowUp")} checked={draft.withFollowUp} onChange={(e) => set({ withFollowUp: e.target.checked })} />
      {draft.withFollowUp && (
        <>
          <Textfield id={ids.description} label={t("plan.followUpForm.description")} value={draft.description} onChange={(e) => set({ description: e.target.value })} error={errors[ids.description]} />
          <MemberSelect label={t("plan.followUpForm.responsible")} members={participation.professionals} value={draft.responsibleId} onChange={(responsibleId) => set({ responsibleId })} />
          <Textfield id={ids.due} type="date" label={t("plan.followUpForm.dueDate")} value={draft.dueDate} onChange={(e) => set({ dueDate: e.target.value })} error={errors[ids.due]} />
        </>
      )}
      <div>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onRemove}>
          {t("meetings.record.removeDecision", { number: index + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}

function RecordForm({ meeting, participation, onDone }: { meeting: Meeting; participation: Participation; onDone(): void }) {
  const { t } = useI18n();
  const action = useCaseAction(RecordMeetingDocument, participation.caseId);
  const { errors, check } = useFieldErrors();
  const baseId = useId();
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState("");
  const [decisions, setDecisions] = useState<DecisionDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const participantsId = `${baseId}-participants`;
  const idsOf = (d: DecisionDraft) => ({ text: `${baseId}-d${d.key}-text`, description: `${baseId}-d${d.key}-description`, due: `${baseId}-d${d.key}-due` });
  const firstMember = `${baseId}-member-0`;

  async function submit() {
    const rules: FieldRule[] = [{ id: participantsId, ok: present.size > 0, message: t("meetings.record.participantsMissing") }];
    for (const d of decisions) {
      const ids = idsOf(d);
      rules.push({ id: ids.text, ok: d.text.trim() !== "", message: t("meetings.record.decisionMissing") });
      if (d.withFollowUp) {
        rules.push({ id: ids.description, ok: d.description.trim() !== "", message: t("plan.followUpForm.descriptionMissing") });
        rules.push({ id: ids.due, ok: /^\d{4}-\d{2}-\d{2}$/.test(d.dueDate), message: t("plan.followUpForm.dueDateMissing") });
      }
    }
    if (!check(rules)) {
      // The participants' fieldset takes no focus itself: its first box does.
      if (present.size === 0) document.getElementById(firstMember)?.focus();
      return;
    }
    const input: MeetingDecisionInput[] = decisions.map((d) => ({
      text: d.text.trim(),
      ...(d.withFollowUp ? { followUp: { description: d.description.trim(), responsibleMemberId: d.responsibleId || participation.professionals[0]!.id, dueDate: d.dueDate } } : {}),
    }));
    const saved = await action.run({ meetingId: meeting.id, input: { participantIds: [...present], summary: summary.trim() || null, decisions: input } });
    if (saved) onDone();
  }

  const defaultResponsible = participation.me?.id ?? participation.professionals[0]?.id ?? "";
  return (
    <ActionForm title={t("meetings.record.title", { title: meeting.title })} submitLabel={t("meetings.record.submit")} action={action} onSubmit={submit} level={4}
      extraButtons={<Button type="button" variant="secondary" onClick={onDone}>{t("action.cancel")}</Button>}
    >
      <Fieldset id={participantsId} tabIndex={-1} aria-invalid={errors[participantsId] ? true : undefined}>
        <Fieldset.Legend>{t("meetings.record.participants")}</Fieldset.Legend>
        {participation.members.map((m, i) => (
          <Checkbox
            key={m.id}
            id={`${baseId}-member-${i}`}
            label={m.displayName}
            value={m.id}
            checked={present.has(m.id)}
            onChange={(e) => {
              const next = new Set(present);
              if (e.target.checked) next.add(m.id);
              else next.delete(m.id);
              setPresent(next);
            }}
          />
        ))}
        {errors[participantsId] && <ValidationMessage>{errors[participantsId]}</ValidationMessage>}
      </Fieldset>
      <Textfield multiline rows={3} label={t("meetings.record.summary")} description={t("meetings.record.summaryHelp")} value={summary} onChange={(e) => setSummary(e.target.value)} />
      {decisions.map((d, i) => (
        <DecisionFields
          key={d.key}
          index={i}
          draft={d}
          participation={participation}
          errors={errors}
          ids={idsOf(d)}
          onChange={(next) => setDecisions(decisions.map((x) => (x.key === d.key ? next : x)))}
          onRemove={() => setDecisions(decisions.filter((x) => x.key !== d.key))}
        />
      ))}
      <div>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => {
            setDecisions([...decisions, { key: nextKey, text: "", withFollowUp: false, description: "", responsibleId: defaultResponsible, dueDate: "" }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t("meetings.record.addDecision")}
        </Button>
      </div>
    </ActionForm>
  );
}

function HeldDetails({ meeting }: { meeting: Meeting }) {
  const { t, lang } = useI18n();
  return (
    <>
      {meeting.summary && <Paragraph className="log-entry__text">{meeting.summary}</Paragraph>}
      <Paragraph data-size="sm">{t("meetings.participants", { names: meeting.participants.map((p) => p.displayName).join(", ") })}</Paragraph>
      {meeting.decisions.length > 0 && (
        <>
          <Paragraph data-size="sm">{t("meetings.decisions")}</Paragraph>
          <ul className="meeting__decisions">
            {meeting.decisions.map((d) => (
              <li key={d.id}>
                {d.text}
                {d.followUps.map((f) => (
                  <Paragraph key={f.id} data-size="sm">
                    {t("meetings.followUp", { what: f.description, date: formatDate(lang, f.dueDate) })}
                  </Paragraph>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MeetingItem({ meeting, participation }: { meeting: Meeting; participation: Participation }) {
  const { t, lang } = useI18n();
  const [recording, setRecording] = useState(false);
  const cancel = useCaseAction(CancelMeetingDocument, participation.caseId);
  // The buttons and the record form leave once the meeting is held or cancelled: the confirmation is the item's.
  const [notice, setNotice] = useState<string | null>(null);
  const planned = meeting.status === "PLANNED";
  return (
    <li className="item">
      <Heading level={3} data-size="xs">
        {meeting.title}
      </Heading>
      <Paragraph data-size="sm">
        <Tag data-size="sm" data-color={planned ? "info" : meeting.status === "HELD" ? "success" : "neutral"}>
          {t(`meetings.status.${meeting.status}`)}
        </Tag>{" "}
        {formatDateTime(lang, meeting.startsAt)}
      </Paragraph>
      {meeting.status === "HELD" && <HeldDetails meeting={meeting} />}
      {planned && participation.canAct && !recording && (
        <div className="actions">
          <Button type="button" data-size="sm" onClick={() => setRecording(true)}>
            {t("meetings.record.open")}
          </Button>
          <ActionButton
            label={t("meetings.cancel")}
            action={cancel}
            onClick={async () => {
              if (await cancel.run({ meetingId: meeting.id })) setNotice(t("meetings.cancelled"));
            }}
          />
        </div>
      )}
      {planned && recording && (
        <RecordForm
          meeting={meeting}
          participation={participation}
          onDone={() => {
            setRecording(false);
            setNotice(t("meetings.record.saved"));
          }}
        />
      )}
      <Notice text={notice} />
    </li>
  );
}

export function Meetings({ participation }: { participation: Participation }) {
  const { t } = useI18n();
  const { caseId } = participation;
  // A case without meetings has no Meeting in its answer: name the type, so planning one refreshes the list.
  const context = useMemo(() => ({ ...inCase(caseId), additionalTypenames: ["Meeting"] }), [caseId]);
  const [result] = useQuery({ query: CaseMeetingsDocument, variables: { id: caseId }, context });
  return (
    <section aria-labelledby="meetings-heading">
      <Heading level={2} data-size="md" id="meetings-heading">
        {t("meetings.title")}
      </Heading>
      <QueryResult result={result}>
        {(data) => {
          const meetings = readFragment(MeetingItemFragmentDoc, (data.case?.meetings ?? []) as readonly FragmentType<typeof MeetingItemFragmentDoc>[]);
          return meetings.length === 0 ? (
            <Paragraph>{t("meetings.empty")}</Paragraph>
          ) : (
            <ul className="item-list">
              {meetings.map((m) => (
                <MeetingItem key={m.id} meeting={m} participation={participation} />
              ))}
            </ul>
          );
        }}
      </QueryResult>
      {participation.canAct && (
        <Fold summary={t("meetings.form.title")}>{(id) => <ScheduleForm labelledBy={id} caseId={caseId} />}</Fold>
      )}
    </section>
  );
}
