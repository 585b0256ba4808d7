// "Mine samtykker": the citizen's consents and refusals — about them, given by
// them, and given as guardian for their children — each in plain words with a
// way to withdraw it; and a form to give a new one digitally.
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "urql";
import { MyConsentsDocument, type MyConsentsQuery } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Page } from "../shell/Page.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ConsentCard } from "./ConsentCard.tsx";
import { GrantConsentForm } from "./GrantConsentForm.tsx";

function Consents({ data, onChanged }: { data: MyConsentsQuery; onChanged(): void }) {
  const { t } = useI18n();
  if (!data.me) return <Paragraph>{t("consent.notCitizen")}</Paragraph>;
  const meId = data.me.id;
  return (
    <>
      <section aria-labelledby="consents-heading">
        <Heading level={2} data-size="md" id="consents-heading">
          {t("consent.list.title")}
        </Heading>
        {data.myConsents.length === 0 ? (
          <Paragraph>{t("consent.list.empty")}</Paragraph>
        ) : (
          <ul className="entry-list">
            {/* The hub's order: newest first. */}
            {data.myConsents.map((c) => (
              <ConsentCard key={c.id} consent={c} meId={meId} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>
      <GrantConsentForm data={data} onGranted={onChanged} />
    </>
  );
}

export function MyConsentsPage() {
  const { t } = useI18n();
  const [result, refetch] = useQuery({ query: MyConsentsDocument });
  return (
    <Page title={t("nav.myConsents")}>
      <Paragraph>{t("myConsents.intro")}</Paragraph>
      <QueryResult result={result}>{(data) => <Consents data={data} onChanged={() => refetch({ requestPolicy: "network-only" })} />}</QueryResult>
    </Page>
  );
}
