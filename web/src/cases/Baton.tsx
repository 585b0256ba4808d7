// The baton (stafettpinnen): who holds it, a handover waiting for an answer,
// and the earlier ones. The holder proposes a handover with the child's or
// family's wish and may take it back; the member it is offered to accepts or
// declines it — the baton moves only when they accept.
import { useId, useMemo, useState } from "react";
import { Button, Details, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { inCase } from "../graphql/client.ts";
import { AcceptHandoverDocument, CancelHandoverDocument, CaseHandoversDocument, DeclineHandoverDocument, ProposeHandoverDocument, type CaseHandoversQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDateTime, serviceKey } from "../i18n/format.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ActionButton, ActionForm, Fold, Notice, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import { MemberSelect } from "./MemberSelect.tsx";
import type { Participation } from "./participation.ts";

type Handover = NonNullable<CaseHandoversQuery["case"]>["handovers"][number];

// A handover answered or proposed takes its form or buttons away (the list refreshes): its confirmation is the section's (onDone).

function ProposeForm({ participation, labelledBy, onDone }: { participation: Participation; labelledBy: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const action = useCaseAction(ProposeHandoverDocument, participation.caseId);
  const { errors, check } = useFieldErrors();
  const wishId = useId();
  const candidates = participation.professionals.filter((m) => m.id !== participation.holderId);
  const [to, setTo] = useState(candidates[0]?.id ?? "");
  const [wish, setWish] = useState("");
  if (candidates.length === 0) return <Paragraph data-size="sm">{t("baton.propose.noCandidates")}</Paragraph>;
  async function submit() {
    if (!check([{ id: wishId, ok: wish.trim() !== "", message: t("baton.propose.wishMissing") }])) return;
    if (!(await action.run({ caseId: participation.caseId, toMemberId: to || candidates[0]!.id, familyWish: wish.trim() }))) return;
    setWish("");
    onDone(t("baton.propose.saved"));
  }
  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("baton.propose.submit")} action={action} onSubmit={submit}>
      <MemberSelect label={t("baton.propose.to")} members={candidates} value={to} onChange={setTo} />
      <Textfield id={wishId} multiline rows={3} label={t("baton.propose.wish")} description={t("baton.propose.wishHelp")} value={wish} onChange={(e) => setWish(e.target.value)} error={errors[wishId]} />
    </ActionForm>
  );
}

/** A proposal waiting for an answer: the answer for the one it is offered to, taking it back for the holder, words for everyone else. */
function Pending({ handover, participation, onDone }: { handover: Handover; participation: Participation; onDone(text: string): void }) {
  const { t, lang } = useI18n();
  const accept = useCaseAction(AcceptHandoverDocument, participation.caseId);
  const decline = useCaseAction(DeclineHandoverDocument, participation.caseId);
  const cancel = useCaseAction(CancelHandoverDocument, participation.caseId);
  const noteId = useId();
  const [note, setNote] = useState("");
  const toMe = participation.canAct && handover.to.id === participation.me?.id;
  return (
    <div className="baton-pending">
      <Heading level={3} data-size="xs">
        {toMe ? t("baton.pending.toYou") : t("baton.pending.toOther", { name: handover.to.displayName })}
      </Heading>
      <Paragraph data-size="sm">{t("baton.pending.meta", { from: handover.from.displayName, date: formatDateTime(lang, handover.proposedAt) })}</Paragraph>
      <Paragraph>{t("baton.wish", { wish: handover.familyWish })}</Paragraph>
      {toMe && (
        <>
          <ActionButton
            label={t("baton.accept")}
            variant="primary"
            action={accept}
            onClick={async () => {
              if (await accept.run({ handoverId: handover.id })) onDone(t("baton.accepted"));
            }}
          />
          <ActionForm
            title={t("baton.decline.title")}
            submitLabel={t("baton.decline.submit")}
            action={decline}
            level={4}
            onSubmit={async () => {
              if (await decline.run({ handoverId: handover.id, note: note.trim() || null })) onDone(t("baton.declined"));
            }}
          >
            <Textfield id={noteId} label={t("baton.decline.note")} value={note} onChange={(e) => setNote(e.target.value)} />
          </ActionForm>
        </>
      )}
      {participation.isHolder && (
        <ActionButton
          label={t("baton.cancel")}
          action={cancel}
          onClick={async () => {
            if (await cancel.run({ handoverId: handover.id, note: null })) onDone(t("baton.cancelled"));
          }}
        />
      )}
    </div>
  );
}

function History({ handovers }: { handovers: readonly Handover[] }) {
  const { t, lang } = useI18n();
  if (handovers.length === 0) return null;
  return (
    <Details>
      <Details.Summary>{t("baton.history", { count: handovers.length })}</Details.Summary>
      <Details.Content>
        <ul className="item-list">
          {handovers.map((h) => (
            <li key={h.id} className="item">
              <Paragraph data-size="sm">
                {t("baton.historyItem", {
                  date: formatDateTime(lang, h.respondedAt ?? h.proposedAt),
                  from: h.from.displayName,
                  to: h.to.displayName,
                  status: t(`handoverStatus.${h.status}`),
                })}
              </Paragraph>
              <Paragraph data-size="sm">{t("baton.wish", { wish: h.familyWish })}</Paragraph>
              {h.responseNote && <Paragraph data-size="sm">{t("baton.note", { note: h.responseNote })}</Paragraph>}
            </li>
          ))}
        </ul>
      </Details.Content>
    </Details>
  );
}

export function Baton({ participation }: { participation: Participation }) {
  const { t } = useI18n();
  const { caseId } = participation;
  const context = useMemo(() => ({ ...inCase(caseId), additionalTypenames: ["Handover"] }), [caseId]);
  const [result] = useQuery({ query: CaseHandoversDocument, variables: { id: caseId }, context });
  const holder = participation.members.find((m) => m.id === participation.holderId);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="baton-heading">
      <Heading level={2} data-size="md" id="baton-heading">
        {t("baton.title")}
      </Heading>
      <Paragraph>
        {holder
          ? participation.isHolder
            ? t("baton.holder.you")
            : t("baton.holder.other", { name: holder.displayName, service: t(serviceKey(holder.service)) })
          : t("case.holder.none")}
      </Paragraph>
      <Notice text={notice} />
      <QueryResult result={result}>
        {(data) => {
          const handovers = data.case?.handovers ?? [];
          const pending = handovers.find((h) => h.status === "PROPOSED");
          return (
            <>
              {pending ? (
                <Pending handover={pending} participation={participation} onDone={setNotice} />
              ) : (
                participation.isHolder && (
                  <Fold summary={t("baton.propose.title")}>{(id) => <ProposeForm labelledBy={id} participation={participation} onDone={setNotice} />}</Fold>
                )
              )}
              <History handovers={handovers.filter((h) => h.status !== "PROPOSED")} />
            </>
          );
        }}
      </QueryResult>
    </section>
  );
}
