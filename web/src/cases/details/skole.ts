// School's lines in the family overview: where the child is enrolled, the support given, recent attendance.
import { SkoleDetailFragmentDoc } from "../../graphql/generated/graphql.ts";
import { current, detailView } from "../detail-view.ts";

export default detailView(SkoleDetailFragmentDoc, (t, lang, v) => {
  const a = v.attendance;
  return [
    ...current(v.enrolments).map((e) => (e.grade != null ? t("view.skole.enrolment", { institution: e.institution, grade: e.grade }) : e.institution)),
    ...(v.support ?? []).map((s) => t("view.item", { what: s.description, status: t(`measureStatus.${s.status}`) })),
    a ? t("view.skole.attendance", { months: a.months, percent: a.recentAbsencePercent.toLocaleString(lang === "nb" ? "nb-NO" : "en-GB"), trend: t(`attendanceTrend.${a.trend}`) }) : null,
  ];
});
