// The family overview: every subject of the case against every service that
// keeps a view of a person, each cell saying what may be seen and why, and the
// service's data where access is granted. A table on wide screens; on narrow
// ones each row stacks, each cell naming its service (styles.css).
import type { ReactNode } from "react";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { VIEW_SERVICES, serviceEntry, type ViewService } from "../../../services/kit/catalog.ts";
import type { CasePageQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate } from "../i18n/format.ts";
import type { Lang, Translate } from "../i18n/messages.ts";
import { accessWords } from "./access.ts";

type Subject = NonNullable<NonNullable<CasePageQuery["case"]>["subjects"][number]>;
type Contact = { name: string; role?: string | null; phone?: string | null } | null | undefined;

const contactText = (t: Translate, contact: Contact): string | null =>
  contact ? t("view.contact", { contact: [contact.name, contact.role, contact.phone].filter(Boolean).join(", ") }) : null;

/** A service's data about one person, as lines of text; only called where access is granted. */
function grantedLines(t: Translate, lang: Lang, service: ViewService, subject: Subject): (string | null)[] {
  const current = <T extends { until?: string | null }>(items: readonly T[] | null | undefined) => (items ?? []).filter((i) => !i.until);
  switch (service) {
    case "nav": {
      const v = subject.nav!;
      return [
        v.office ? (v.since ? t("view.nav.office", { office: v.office, date: formatDate(lang, v.since) }) : v.office) : null,
        contactText(t, v.contact),
        ...(v.measures ?? []).map((m) => t("view.item", { what: m.description, status: t(`measureStatus.${m.status}`) })),
      ];
    }
    case "barnevern": {
      const v = subject.barnevern!;
      return [v.phase ? t("view.barnevern.phase", { phase: t(`barnevernPhase.${v.phase}`) }) : null, contactText(t, v.contact)];
    }
    case "skole": {
      const v = subject.skole!;
      const a = v.attendance;
      return [
        ...current(v.enrolments).map((e) => (e.grade != null ? t("view.skole.enrolment", { institution: e.institution, grade: e.grade }) : e.institution)),
        contactText(t, v.contact),
        ...(v.support ?? []).map((s) => t("view.item", { what: s.description, status: t(`measureStatus.${s.status}`) })),
        a ? t("view.skole.attendance", { months: a.months, percent: a.recentAbsencePercent.toLocaleString(lang === "nb" ? "nb-NO" : "en-GB"), trend: t(`attendanceTrend.${a.trend}`) }) : null,
      ];
    }
    case "helse": {
      const v = subject.helse!;
      return [...current(v.contacts).map((c) => `${t(`healthService.${c.kind}`)}: ${c.unit}`), contactText(t, v.contact)];
    }
    case "frivillighet": {
      const v = subject.frivillighet!;
      return [...current(v.activities).map((a) => `${a.title} (${a.organisation})`), contactText(t, v.contact)];
    }
  }
}

function OverviewCell({ service, subject }: { service: ViewService; subject: Subject }) {
  const { t, lang } = useI18n();
  const view = subject[service];
  let body: ReactNode;
  if (!view) {
    // The service did not answer (its error is shown above the table): say so rather than guess.
    body = <Paragraph data-size="sm">{t("overview.unavailable")}</Paragraph>;
  } else {
    const words = accessWords(t, service, view.access, view.involved);
    const lines = view.access.status === "GRANTED" ? (view.involved === false ? [t("view.notInvolved")] : grantedLines(t, lang, service, subject)) : [];
    body = (
      <>
        <Paragraph data-size="sm" className={`access access--${words.tone}`}>
          {words.headline}
        </Paragraph>
        {words.note && (
          <Paragraph data-size="xs" className="access__note">
            {words.note}
          </Paragraph>
        )}
        {lines.some(Boolean) && (
          <ul className="overview-cell__data">
            {lines.filter((l): l is string => Boolean(l)).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <Table.Cell className="overview-cell">
      {/* Shown only when the table stacks on a narrow screen, where the column header is out of sight. */}
      <span className="overview-cell__service" aria-hidden="true">
        {serviceEntry(service).title[lang]}
      </span>
      {body}
    </Table.Cell>
  );
}

export function FamilyOverview({ subjects }: { subjects: readonly (Subject | null)[] }) {
  const { t, lang } = useI18n();
  const visible = subjects.filter((s): s is Subject => s !== null);
  const hidden = subjects.length - visible.length;
  return (
    <section aria-labelledby="overview-heading">
      <Heading level={2} data-size="md" id="overview-heading">
        {t("overview.title")}
      </Heading>
      <Paragraph>{t("overview.intro")}</Paragraph>
      {visible.length === 0 ? (
        <Paragraph>{t("overview.noSubjects")}</Paragraph>
      ) : (
        <Table className="overview" border>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("overview.person")}</Table.HeaderCell>
              {VIEW_SERVICES.map((service) => (
                <Table.HeaderCell key={service} scope="col">
                  {serviceEntry(service).title[lang]}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {visible.map((subject) => (
              <Table.Row key={subject.id}>
                <Table.HeaderCell scope="row" className="overview-person">
                  {subject.givenName} {subject.familyName}
                  <span className="overview-person__age">{t("overview.age", { age: subject.age })}</span>
                </Table.HeaderCell>
                {VIEW_SERVICES.map((service) => (
                  <OverviewCell key={service} service={service} subject={subject} />
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {hidden > 0 && <Paragraph data-size="sm">{t("overview.hidden", { count: hidden })}</Paragraph>}
    </section>
  );
}
