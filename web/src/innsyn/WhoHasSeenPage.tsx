// "Hvem har sett": who has looked at the citizen's data in every service —
// when, where, who, what and why — merged newest first across the services;
// and the same for each child the citizen holds parental responsibility for,
// where the innsyn rules let a guardian see it (until the child is 16; a
// release under an information request still open shows once it has closed).
// The citizen's own looks (opening this page is one) and the hub's internal
// checks are left out unless asked for, so the list shows what others did.
import { useEffect, useState } from "react";
import { Heading, Paragraph, Switch } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { useUser } from "../auth/AuthProvider.tsx";
import type { FragmentType } from "../graphql/generated/fragment-masking.ts";
import { ChildAccessLogsDocument, PersonAccessLogsFragmentDoc, WhoHasSeenDocument, type WhoHasSeenQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { EntryFacts, memberKey, type CaseDirectory } from "../accessLog/EntryFacts.tsx";
import type { KnownMember } from "../accessLog/words.ts";
import { Page } from "../shell/Page.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { usePersonLogs } from "./log-pages.ts";

/** A look the hub took itself, service to service (kit/auth/caller.ts actorOf). */
const isInternal = (actorId: string) => actorId.startsWith("service:");

/** How many entries show before "Vis flere", and how many more each time. */
const PAGE_SIZE = 25;

/** The citizen's cases as they name those who looked: in each case, and (for a look in no case of hers) in the first listed, the newest. */
function caseDirectory(page: WhoHasSeenQuery["myCasesPage"]): CaseDirectory {
  const cases = page.edges.map((e) => e.node);
  const members = new Map<string, KnownMember>();
  for (const c of cases) {
    for (const { node: m } of c.membersPage.edges) {
      if (!m.actorId) continue;
      const known = { name: m.displayName, role: m.role, caseTitle: c.title };
      members.set(memberKey(c.id, m.actorId), known);
      if (!members.has(memberKey(null, m.actorId))) members.set(memberKey(null, m.actorId), known);
    }
  }
  return { members, titles: new Map(cases.map((c) => [c.id, c.title])) };
}

interface PersonLogProps {
  personId: string;
  title: string;
  logs: FragmentType<typeof PersonAccessLogsFragmentDoc>;
  headingId: string;
  hiddenText: string;
  cases: CaseDirectory;
}

function PersonLog({ personId, title, logs, headingId, hiddenText, cases }: PersonLogProps) {
  const { t } = useI18n();
  const user = useUser();
  const [includeOwn, setIncludeOwn] = useState(false);
  const [shown, setShown] = useState(PAGE_SIZE);
  const person = usePersonLogs(personId, logs);
  // What others did first: the person's own looks and the hub's internal checks (a service asking another for the consent rules' facts) only on request.
  const looks = person.looks?.filter((l) => includeOwn || (l.entry.actorId !== user?.subject && !isInternal(l.entry.actorId))) ?? [];
  const lacking = looks.length < shown && person.unread;
  // Reads on until the list has what is to be shown (a page may hold only the person's own looks), or the logs end, or a read fails.
  useEffect(() => {
    if (lacking && !person.loadingMore && !person.moreError) person.readMore();
  }, [lacking, person]);
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {title}
      </Heading>
      {person.looks === null ? (
        <Paragraph>{hiddenText}</Paragraph>
      ) : (
        <>
          <Switch label={t("innsyn.includeOwn")} checked={includeOwn} onChange={(e) => setIncludeOwn(e.target.checked)} />
          {looks.length === 0 && !person.unread ? (
            <Paragraph>{t("innsyn.empty")}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm">
                {person.unread ? t("innsyn.countNewest", { shown: Math.min(shown, looks.length) }) : t("innsyn.count", { shown: Math.min(shown, looks.length), total: looks.length })}
              </Paragraph>
              <ol className="entry-list">
                {looks.slice(0, shown).map((l) => (
                  <li key={`${l.service}:${l.entry.entryId}:${l.entry.personId}`} className="entry">
                    <EntryFacts entry={l.entry} service={l.service} selfSubject={user?.subject} cases={cases} />
                  </li>
                ))}
              </ol>
              <ShowMore
                pages={{
                  hasMore: shown < looks.length || person.unread,
                  loadingMore: person.loadingMore,
                  moreError: person.moreError,
                  showMore: () => {
                    setShown(shown + PAGE_SIZE);
                    // After a failed read, the button tries again.
                    if (person.moreError) person.readMore();
                  },
                }}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** A child's logs, read on their own (WhoHasSeen.graphql says why). */
function ChildLog({ child, cases }: { child: Child; cases: CaseDirectory }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: ChildAccessLogsDocument, variables: { personId: child.id } });
  const name = `${child.givenName} ${child.familyName}`;
  const headingId = `innsyn-${child.id}`;
  const title = t("innsyn.child", { name, age: child.age });
  const hiddenText = t("innsyn.hidden.child", { name: child.givenName });
  return (
    <QueryResult result={result}>
      {(data) =>
        data.person ? (
          <PersonLog personId={child.id} title={title} logs={data.person} headingId={headingId} hiddenText={hiddenText} cases={cases} />
        ) : (
          <section aria-labelledby={headingId}>
            <Heading level={2} data-size="md" id={headingId}>
              {title}
            </Heading>
            <Paragraph>{hiddenText}</Paragraph>
          </section>
        )
      }
    </QueryResult>
  );
}

type Child = NonNullable<NonNullable<WhoHasSeenQuery["me"]>["guardianOf"][number]["child"]>;

function Logs({ me, cases }: { me: NonNullable<WhoHasSeenQuery["me"]>; cases: CaseDirectory }) {
  const { t } = useI18n();
  const children = me.guardianOf.flatMap((g) => (g.parentalResponsibility && g.child ? [g.child] : []));
  return (
    <>
      <PersonLog personId={me.id} title={t("innsyn.you")} logs={me} headingId="innsyn-me" hiddenText={t("innsyn.hidden.self")} cases={cases} />
      {children.map((child) => (
        <ChildLog key={child.id} child={child} cases={cases} />
      ))}
    </>
  );
}

export function WhoHasSeenPage() {
  const { t } = useI18n();
  const [result] = useQuery({ query: WhoHasSeenDocument });
  return (
    <Page title={t("nav.whoHasSeen")}>
      <Paragraph>{t("innsyn.intro")}</Paragraph>
      <QueryResult result={result}>{(data) => (data.me ? <Logs me={data.me} cases={caseDirectory(data.myCasesPage)} /> : <Paragraph>{t("innsyn.notCitizen")}</Paragraph>)}</QueryResult>
    </Page>
  );
}
