// What a coordinator needs to know about a case at a glance, shared by "Mine
// saker" and the case page: its kind, BTI level, who holds the baton, the
// level-0 deadline, overdue follow-ups and a handover waiting for an answer.
import type { ReactNode } from "react";
import { useUser } from "../auth/AuthProvider.tsx";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import { CaseSummaryFragmentDoc, type CaseSummaryFragment } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, serviceKey } from "../i18n/format.ts";

/** A fact that needs someone to act: shown in the danger colour and first in the list. */
interface Fact {
  label: string;
  value: ReactNode;
  attention?: boolean;
}

function useCaseFacts(c: CaseSummaryFragment): Fact[] {
  const { t, lang } = useI18n();
  const user = useUser();
  const facts: Fact[] = [{ label: t("case.field.kind"), value: t(`case.kind.${c.kind}`) }];
  if (c.status === "CLOSED") facts.push({ label: t("case.field.status"), value: t("case.status.CLOSED") });
  if (c.btiLevel != null) facts.push({ label: t("case.field.level"), value: t("case.level", { level: c.btiLevel }) });
  // The deadline stays on a BTI case after level 0 is decided; it matters only until then, and only while the case is open.
  if (c.levelDeadline && !c.levelDecidedAt && c.status === "OPEN") {
    const date = formatDate(lang, c.levelDeadline);
    facts.push(
      c.levelOverdue
        ? { label: t("case.field.levelDeadline"), value: t("case.levelOverdue", { date }), attention: true }
        : { label: t("case.field.levelDeadline"), value: t("case.levelDeadline", { date }) },
    );
  }
  facts.push({
    label: t("case.field.holder"),
    value: c.holder ? t("case.holder", { name: c.holder.displayName, service: t(serviceKey(c.holder.service)) }) : t("case.holder.none"),
  });
  const count = c.overdueFollowUpCount;
  facts.push({
    label: t("case.field.followUps"),
    value: count === 0 ? t("case.overdue.none") : count === 1 ? t("case.overdue.one") : t("case.overdue.many", { count }),
    attention: count > 0,
  });
  if (c.pendingHandover) {
    // The schema names the proposed member, not their sign-in: a handover is "to you" when it names you as the hub does.
    const toYou = user?.role === "employee" && c.pendingHandover.to.displayName === user.name;
    facts.push({
      label: t("case.field.handover"),
      value: toYou ? t("case.handover.toYou") : t("case.handover.toOther", { name: c.pendingHandover.to.displayName }),
      attention: toYou,
    });
  }
  return facts;
}

/** The facts as a description list, those that need action marked in words as well as colour. */
export function CaseFacts({ summary }: { summary: FragmentType<typeof CaseSummaryFragmentDoc> }) {
  const { t } = useI18n();
  const facts = useCaseFacts(readFragment(CaseSummaryFragmentDoc, summary));
  return (
    <dl className="case-facts">
      {facts.map((fact) => (
        <div key={fact.label} className={fact.attention ? "case-facts__item case-facts__item--attention" : "case-facts__item"}>
          <dt>{fact.label}</dt>
          <dd>
            {fact.attention && <span className="visually-hidden">{t("myCases.attention")}: </span>}
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
