// A case's page: what needs attention, the family overview (subjects ×
// services) and the stafettlogg. Every request of the page declares the case
// (X-Case-Id), under which each view of a person is decided and logged.
import { useMemo } from "react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { inCase } from "../graphql/client.ts";
import { CasePageDocument } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { PATHS } from "../shell/navigation.ts";
import { Page } from "../shell/Page.tsx";
import { ParagraphLink } from "../shell/ParagraphLink.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { CaseFacts } from "./CaseFacts.tsx";
import { FamilyOverview } from "./FamilyOverview.tsx";
import { Stafettlogg } from "./Stafettlogg.tsx";

export function CasePage() {
  const { t } = useI18n();
  const caseId = useParams().caseId ?? "";
  const context = useMemo(() => inCase(caseId), [caseId]);
  const [result] = useQuery({ query: CasePageDocument, variables: { id: caseId }, context });
  const found = result.data?.case;
  return (
    <Page title={found?.title ?? t("casePage.title")}>
      <ParagraphLink to={PATHS.myCases}>{t("casePage.back")}</ParagraphLink>
      <QueryResult result={result}>
        {(data) =>
          !data.case ? (
            <Paragraph>{t("casePage.notFound")}</Paragraph>
          ) : (
            <>
              {/* A service that failed leaves its cells empty; the rest of the answer still shows. */}
              {result.error && <ErrorMessage error={result.error} />}
              <section aria-labelledby="summary-heading">
                <Heading level={2} data-size="md" id="summary-heading">
                  {t("casePage.summary")}
                </Heading>
                <CaseFacts summary={data.case} />
              </section>
              <FamilyOverview subjects={data.case.subjects} />
              <Stafettlogg caseId={data.case.id} />
            </>
          )
        }
      </QueryResult>
    </Page>
  );
}
