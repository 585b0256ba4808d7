// Who takes part in the case now: name, service and role, the holder of the
// baton first. Any professional member adds a colleague from any service,
// found by name in the employee directory; a member may leave, and the holder
// may end another's membership — never their own while they hold the baton.
import { useId, useState } from "react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { AddCaseMemberDocument, RemoveCaseMemberDocument } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { serviceKey } from "../i18n/format.ts";
import { ActionButton, ActionForm, Fold, Notice, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import { ColleagueSearch } from "./ColleagueSearch.tsx";
import type { Member, Participation } from "./participation.ts";

function AddForm({ caseId, members, labelledBy }: { caseId: string; members: readonly Member[]; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(AddCaseMemberDocument, caseId);
  const { errors, check } = useFieldErrors();
  const searchId = useId();
  const [chosen, setChosen] = useState("");
  async function submit() {
    if (!check([{ id: searchId, ok: chosen !== "", message: t("members.add.chooseMissing") }])) return;
    const added = await action.run({ caseId, input: { actorId: chosen, role: "PROFESSIONAL" } });
    if (!added) return;
    setChosen("");
    action.setDone(t("members.add.saved", { name: added.addCaseMember.displayName }));
  }
  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("members.add.submit")} action={action} onSubmit={submit}>
      <ColleagueSearch inputId={searchId} error={errors[searchId]} memberActorIds={new Set(members.map((m) => m.actorId))} chosen={chosen} onChoose={setChosen} />
    </ActionForm>
  );
}

function MemberItem({ member, participation, onRemoved }: { member: Member; participation: Participation; onRemoved(text: string): void }) {
  const { t } = useI18n();
  const remove = useCaseAction(RemoveCaseMemberDocument, participation.caseId);
  const isMe = member.id === participation.me?.id;
  const isHolder = member.id === participation.holderId;
  // The hub's rule: the holder hands the baton over before leaving; only the holder ends someone else's membership.
  const mayRemove = participation.canAct && !isHolder && (isMe || participation.isHolder);
  return (
    <li className="item">
      <Paragraph className="item__title">
        {member.displayName}
        {isMe && ` ${t("members.you")}`}
      </Paragraph>
      <Paragraph data-size="sm">
        {t("members.meta", { service: t(serviceKey(member.service)), role: t(`memberRole.${member.role}`) })}
      </Paragraph>
      {mayRemove && (
        <ActionButton
          label={isMe ? t("members.leave") : t("members.remove", { name: member.displayName })}
          action={remove}
          onClick={async () => {
            // The item leaves the list with the refresh: the confirmation is the section's.
            if (await remove.run({ caseId: participation.caseId, memberId: member.id })) onRemoved(t("members.removed", { name: member.displayName }));
          }}
        />
      )}
    </li>
  );
}

export function Members({ participation }: { participation: Participation }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="members-heading">
      <Heading level={2} data-size="md" id="members-heading">
        {t("members.title")}
      </Heading>
      <ul className="item-list">
        {participation.members.map((m) => (
          <MemberItem key={m.id} member={m} participation={participation} onRemoved={setNotice} />
        ))}
      </ul>
      <Notice text={notice} />
      {participation.canAct && (
        <Fold summary={t("members.add.title")}>{(id) => <AddForm labelledBy={id} caseId={participation.caseId} members={participation.members} />}</Fold>
      )}
    </section>
  );
}
