// The family overview: every subject of the case against every service that
// keeps a view of a person (the catalog's), each cell saying what may be seen
// and why, and where access is granted whom to call and the service's own
// lines (its optional detail view, details/) — any service, with no code of
// its own. A table on wide screens; on narrow
// ones each row stacks, each cell naming its service (styles.css).
import type { ReactNode } from "react";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { VIEW_SERVICES, serviceEntry, type ViewService } from "../../../services/kit/catalog.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import { OverviewViewsFragmentDoc, type OverviewViewsFragment } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Translate } from "../i18n/messages.ts";
import { accessWords } from "./access.ts";
import type { DetailView } from "./detail-view.ts";
import { detailViewOf } from "./details/index.ts";

/** A subject of the case: who, and every service's view (OverviewViews.graphql, generated from the catalog). */
export type OverviewSubject = { id: string; givenName: string; familyName: string; age: number } & FragmentType<typeof OverviewViewsFragmentDoc>;

/** What every service's view has (services/kit/views.ts), whichever service it is. */
export type View = NonNullable<OverviewViewsFragment[ViewService]>;
type Contact = View["contact"];

const contactText = (t: Translate, contact: Contact): string | null =>
  contact ? t("view.contact", { contact: [contact.name, contact.role, contact.phone].filter(Boolean).join(", ") }) : null;

/**
 * One cell: how access was decided, and where it is granted whom to call and
 * the service's own lines from its detail view, if it has one — the same for
 * every service, whose name (`title`) is all it needs besides.
 */
export function OverviewCell({ title, view, detail }: { title: string; view: View | null; detail?: DetailView }) {
  const { t, lang } = useI18n();
  let body: ReactNode;
  if (!view) {
    // The service did not answer (its error is shown above the table): say so rather than guess.
    body = <Paragraph data-size="sm">{t("overview.unavailable")}</Paragraph>;
  } else {
    const words = accessWords(t, view.access, view.involved, view.contact);
    const lines =
      view.access.status !== "GRANTED" ? [] : view.involved === false ? [t("view.notInvolved")] : [...(detail?.lines(t, lang, view) ?? []), contactText(t, view.contact)];
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
        {title}
      </span>
      {body}
    </Table.Cell>
  );
}

export function FamilyOverview({ subjects }: { subjects: readonly (OverviewSubject | null)[] }) {
  const { t, lang } = useI18n();
  const visible = subjects.filter((s): s is OverviewSubject => s !== null);
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
            {visible.map((subject) => {
              const views = readFragment(OverviewViewsFragmentDoc, subject);
              return (
                <Table.Row key={subject.id}>
                  <Table.HeaderCell scope="row" className="overview-person">
                    {subject.givenName} {subject.familyName}
                    <span className="overview-person__age">{t("overview.age", { age: subject.age })}</span>
                  </Table.HeaderCell>
                  {VIEW_SERVICES.map((service) => (
                    <OverviewCell key={service} title={serviceEntry(service).title[lang]} view={views[service]} detail={detailViewOf(service)} />
                  ))}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {hidden > 0 && <Paragraph data-size="sm">{t("overview.hidden", { count: hidden })}</Paragraph>}
    </section>
  );
}
