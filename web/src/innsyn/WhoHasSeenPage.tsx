// "Hvem har sett": who has looked at the citizen's data in every service —
// when, where, who, what and why — merged newest first across the services;
// and the same for each child the citizen holds parental responsibility for,
// where the innsyn rules let a guardian see it (until the child is 16; a
// release under an information request still open shows once it has closed).
// The citizen's own looks (opening this page is one) and the hub's internal
// checks are left out unless asked for, so the list shows what others did.
import { useState } from "react";
import { Button, Heading, Paragraph, Switch } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { SERVICE_NAMES } from "../../../services/kit/catalog.ts";
import { useUser } from "../auth/AuthProvider.tsx";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import { AccessLogItemFragmentDoc, PersonAccessLogsFragmentDoc, WhoHasSeenDocument, type WhoHasSeenQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { EntryFacts, memberKey, type CaseDirectory, type EntryFields } from "../accessLog/EntryFacts.tsx";
import type { KnownMember } from "../accessLog/words.ts";
import { Page } from "../shell/Page.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";

/** Every service's log field in `PersonAccessLogs` (generated from the catalog), with its service. */
const LOG_FIELDS = SERVICE_NAMES.map((service) => [`${service}AccessLog` as const, service] as const);

/** A look the hub took itself, service to service (kit/auth/caller.ts actorOf). */
const isInternal = (actorId: string) => actorId.startsWith("service:");

/** How many entries show before "Vis flere". */
const PAGE_SIZE = 25;

interface Look {
  service: string;
  entry: EntryFields;
}

/** Every service's entries about one person, newest first; null when the person's log is not the caller's to see. */
function merged(logs: FragmentType<typeof PersonAccessLogsFragmentDoc>): Look[] | null {
  const person = readFragment(PersonAccessLogsFragmentDoc, logs);
  const looks: Look[] = [];
  let visible = false;
  for (const [field, service] of LOG_FIELDS) {
    const entries = person[field];
    if (!entries) continue;
    visible = true;
    for (const e of readFragment(AccessLogItemFragmentDoc, entries)) looks.push({ service, entry: e });
  }
  // ISO instants in UTC compare as strings.
  return visible ? looks.sort((a, b) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : 0)) : null;
}

/** The citizen's cases as they name those who looked: in each case, and (for a look in no case of hers) in the first listed, the newest. */
function caseDirectory(cases: WhoHasSeenQuery["myCases"]): CaseDirectory {
  const members = new Map<string, KnownMember>();
  for (const c of cases) {
    for (const m of c.members) {
      if (!m.actorId) continue;
      const known = { name: m.displayName, role: m.role, caseTitle: c.title };
      members.set(memberKey(c.id, m.actorId), known);
      if (!members.has(memberKey(null, m.actorId))) members.set(memberKey(null, m.actorId), known);
    }
  }
  return { members, titles: new Map(cases.map((c) => [c.id, c.title])) };
}

function PersonLog({ title, logs, headingId, hiddenText, cases }: { title: string; logs: FragmentType<typeof PersonAccessLogsFragmentDoc>; headingId: string; hiddenText: string; cases: CaseDirectory }) {
  const { t } = useI18n();
  const user = useUser();
  const [includeOwn, setIncludeOwn] = useState(false);
  const [shown, setShown] = useState(PAGE_SIZE);
  const all = merged(logs);
  // What others did first: the person's own looks and the hub's internal checks (a service asking another for the consent rules' facts) only on request.
  const looks = all?.filter((l) => includeOwn || (l.entry.actorId !== user?.subject && !isInternal(l.entry.actorId))) ?? [];
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {title}
      </Heading>
      {all === null ? (
        <Paragraph>{hiddenText}</Paragraph>
      ) : (
        <>
          <Switch label={t("innsyn.includeOwn")} checked={includeOwn} onChange={(e) => setIncludeOwn(e.target.checked)} />
          {looks.length === 0 ? (
            <Paragraph>{t("innsyn.empty")}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm">{t("innsyn.count", { shown: Math.min(shown, looks.length), total: looks.length })}</Paragraph>
              <ol className="entry-list">
                {looks.slice(0, shown).map((l) => (
                  <li key={`${l.service}:${l.entry.entryId}:${l.entry.personId}`} className="entry">
                    <EntryFacts entry={l.entry} service={l.service} selfSubject={user?.subject} cases={cases} />
                  </li>
                ))}
              </ol>
              {shown < looks.length && (
                <Button type="button" variant="secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
                  {t("innsyn.more")}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function Logs({ me, cases }: { me: NonNullable<WhoHasSeenQuery["me"]>; cases: CaseDirectory }) {
  const { t } = useI18n();
  const children = me.guardianOf.flatMap((g) => (g.parentalResponsibility && g.child ? [g.child] : []));
  return (
    <>
      <PersonLog title={t("innsyn.you")} logs={me} headingId="innsyn-me" hiddenText={t("innsyn.hidden.self")} cases={cases} />
      {children.map((child) => {
        const name = `${child.givenName} ${child.familyName}`;
        return <PersonLog key={child.id} title={t("innsyn.child", { name, age: child.age })} logs={child} headingId={`innsyn-${child.id}`} hiddenText={t("innsyn.hidden.child", { name: child.givenName })} cases={cases} />;
      })}
    </>
  );
}

export function WhoHasSeenPage() {
  const { t } = useI18n();
  const [result] = useQuery({ query: WhoHasSeenDocument });
  return (
    <Page title={t("nav.whoHasSeen")}>
      <Paragraph>{t("innsyn.intro")}</Paragraph>
      <QueryResult result={result}>{(data) => (data.me ? <Logs me={data.me} cases={caseDirectory(data.myCases)} /> : <Paragraph>{t("innsyn.notCitizen")}</Paragraph>)}</QueryResult>
    </Page>
  );
}
