// "Mine samtykker": the citizen's consents and refusals — about them, given by
// them, and given as guardian for their children — each in plain words with a
// way to withdraw it; and a form to give a new one digitally.
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { MyConsentsDocument, type MyConsentsQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Page } from "../shell/Page.tsx";
import { usePages, type Pages } from "../shell/pages.ts";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ShowMore } from "../shell/ShowMore.tsx";
import { ConsentCard } from "./ConsentCard.tsx";
import { GrantConsentForm } from "./GrantConsentForm.tsx";

type Consent = MyConsentsQuery["myConsentsPage"]["edges"][number]["node"];

/** Consents a page: most citizens have a few; "Vis flere" for the rest. */
const VARIABLES = { first: 20 };
const consentsOf = (data: MyConsentsQuery) => data.myConsentsPage;

function Consents({ data, pages, onChanged }: { data: MyConsentsQuery; pages: Pages<MyConsentsQuery, Consent>; onChanged(): void }) {
  const { t } = useI18n();
  if (!data.me) return <Paragraph>{t("consent.notCitizen")}</Paragraph>;
  const meId = data.me.id;
  return (
    <>
      <section aria-labelledby="consents-heading">
        <Heading level={2} data-size="md" id="consents-heading">
          {t("consent.list.title")}
        </Heading>
        {pages.nodes.length === 0 ? (
          <Paragraph>{t("consent.list.empty")}</Paragraph>
        ) : (
          <>
            <ul className="entry-list">
              {/* The hub's order: newest first. */}
              {pages.nodes.map((c) => (
                <ConsentCard key={c.id} consent={c} meId={meId} onChanged={onChanged} />
              ))}
            </ul>
            <ShowMore pages={pages} />
          </>
        )}
      </section>
      <GrantConsentForm data={data} onGranted={onChanged} />
    </>
  );
}

export function MyConsentsPage() {
  const { t } = useI18n();
  const pages = usePages({ query: MyConsentsDocument, variables: VARIABLES, connection: consentsOf });
  const { result, refetch } = pages;
  return (
    <Page title={t("nav.myConsents")}>
      <Paragraph>{t("myConsents.intro")}</Paragraph>
      <QueryResult result={result}>{(data) => <Consents data={data} pages={pages} onChanged={() => refetch({ requestPolicy: "network-only" })} />}</QueryResult>
    </Page>
  );
}
