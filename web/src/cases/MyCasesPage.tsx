// "Mine saker": the signed-in person's cases, each a card with what needs
// attention and a link to the case's page. An employee sees the cases they
// are an active member of; a citizen those about them or their family.
import { Card, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "react-router";
import { useUser } from "../auth/AuthProvider.tsx";
import { MyCasesDocument, type MyCasesQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { casePath } from "../shell/navigation.ts";
import { Page } from "../shell/Page.tsx";
import { usePages } from "../shell/pages.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { CaseFacts } from "./CaseFacts.tsx";

type CaseCard = MyCasesQuery["myCasesPage"]["edges"][number]["node"];

/** Cases a page: a screenful of cards. */
const PAGE_SIZE = 20;
const VARIABLES = { first: PAGE_SIZE };
const connection = (data: MyCasesQuery) => data.myCasesPage;

function CaseCards({ cases }: { cases: readonly CaseCard[] }) {
  const { t } = useI18n();
  const user = useUser();
  const citizen = user?.role === "citizen";
  if (cases.length === 0) return <Paragraph>{t(citizen ? "myCases.empty.citizen" : "myCases.empty.employee")}</Paragraph>;
  return (
    <ul className="card-list">
      {cases.map((c) => (
        <li key={c.id}>
          <Card>
            <Heading level={2} data-size="sm">
              <Link asChild>
                <RouterLink to={casePath(c.id)}>{c.title}</RouterLink>
              </Link>
            </Heading>
            <CaseFacts summary={c} />
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function MyCasesPage() {
  const { t } = useI18n();
  const user = useUser();
  const pages = usePages({ query: MyCasesDocument, variables: VARIABLES, connection });
  return (
    <Page title={t("nav.myCases")}>
      <Paragraph>{t(user?.role === "citizen" ? "myCases.intro.citizen" : "myCases.intro.employee")}</Paragraph>
      <QueryResult result={pages.result}>
        {() => (
          <>
            <CaseCards cases={pages.nodes} />
            <ShowMore pages={pages} />
          </>
        )}
      </QueryResult>
    </Page>
  );
}
