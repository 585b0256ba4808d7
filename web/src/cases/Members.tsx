// Who takes part in the case now: name, service and role, the holder of the
// baton first. Any professional member adds an employee by their id in the
// employee directory — a service's administrators, who may list their own
// service's directory, pick from it; a member may leave, and the holder may
// end another's membership — never their own while they hold the baton.
import { useId, useState } from "react";
import { Field, Heading, Label, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { ADMIN_ROLE, AUDITOR_ROLE } from "../../../services/kit/auth/caller.ts";
import { AddCaseMemberDocument, DirectoryAccessDocument, DirectoryEmployeesDocument, RemoveCaseMemberDocument } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { serviceKey } from "../i18n/format.ts";
import { ActionButton, ActionForm, Fold, Notice, useCaseAction, useFieldErrors } from "./ActionForm.tsx";
import type { Member, Participation } from "./participation.ts";

/**
 * For an administrator, their own service's employees who could join — active,
 * no auditors (they take part in no case), not already members — to pick one
 * from. Nobody else may list the directory, so nobody else is offered it.
 */
function DirectoryPick({ members, onPick }: { members: readonly Member[]; onPick(actorId: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const [access] = useQuery({ query: DirectoryAccessDocument });
  const isAdmin = access.data?.viewer?.roles.includes(ADMIN_ROLE) ?? false;
  const [directory] = useQuery({ query: DirectoryEmployeesDocument, pause: !isAdmin });
  const taken = new Set(members.map((m) => m.actorId));
  const candidates = (directory.data?.employees ?? []).filter((e) => e.active && !e.roles.includes(AUDITOR_ROLE) && !taken.has(e.actorId));
  if (!isAdmin || candidates.length === 0) return null;
  return (
    <Field>
      <Label htmlFor={id}>{t("members.add.directory")}</Label>
      <Select id={id} defaultValue="" onChange={(e) => onPick(e.target.value)}>
        <Select.Option value="">{t("members.add.directoryNone")}</Select.Option>
        {candidates.map((e) => (
          <Select.Option key={e.actorId} value={e.actorId}>
            {e.unit ? t("members.add.directoryOption", { name: e.displayName, unit: e.unit }) : e.displayName}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function AddForm({ caseId, members, labelledBy }: { caseId: string; members: readonly Member[]; labelledBy: string }) {
  const { t } = useI18n();
  const action = useCaseAction(AddCaseMemberDocument, caseId);
  const { errors, check } = useFieldErrors();
  const actorId = useId();
  const [actor, setActor] = useState("");
  async function submit() {
    if (!check([{ id: actorId, ok: actor.trim() !== "", message: t("members.add.actorMissing") }])) return;
    const added = await action.run({ caseId, input: { actorId: actor.trim(), role: "PROFESSIONAL" } });
    if (!added) return;
    setActor("");
    action.setDone(t("members.add.saved", { name: added.addCaseMember.displayName }));
  }
  return (
    <ActionForm labelledBy={labelledBy} submitLabel={t("members.add.submit")} action={action} onSubmit={submit}>
      <DirectoryPick members={members} onPick={setActor} />
      <Textfield id={actorId} label={t("members.add.actor")} description={t("members.add.actorHelp")} value={actor} onChange={(e) => setActor(e.target.value)} error={errors[actorId]} autoComplete="off" />
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
