// Choosing one of a case's members (a follow-up's responsible, the next
// holder of the baton): name and service, by membership id.
import { useId } from "react";
import { Field, Label, Select } from "@digdir/designsystemet-react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { serviceKey } from "../i18n/format.ts";
import type { Member } from "./participation.ts";

export function MemberSelect({
  label,
  members,
  value,
  onChange,
  emptyLabel,
}: {
  label: string;
  members: readonly Member[];
  value: string;
  onChange(memberId: string): void;
  /** When given, a first option for "nobody chosen yet" (value ""). */
  emptyLabel?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined && <Select.Option value="">{emptyLabel}</Select.Option>}
        {members.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {t("member.option", { name: m.displayName, service: t(serviceKey(m.service)) })}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
