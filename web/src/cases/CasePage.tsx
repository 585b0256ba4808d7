// A case's page: what needs attention, the baton and the BTI level, the
// family overview (subjects × services), the stafettlogg, meetings, the plan,
// consents and members — each section with the actions the signed-in person
// may take there (cases/participation.ts). Every request of the page declares
// the case (X-Case-Id), under which each view of a person is decided and
// logged.
import { useMemo } from "react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { useUser } from "../auth/AuthProvider.tsx";
import { inCase } from "../graphql/client.ts";
import { readFragment } from "../graphql/generated/fragment-masking.ts";
import { CaseParticipantsFragmentDoc, CasePageDocument } from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { PATHS } from "../shell/navigation.ts";
import { Page } from "../shell/Page.tsx";
import { ParagraphLink } from "../shell/ParagraphLink.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { ArchiveCopy } from "./ArchiveCopy.tsx";
import { Baton } from "./Baton.tsx";
import { BtiLevel } from "./BtiLevel.tsx";
import { CaseFacts } from "./CaseFacts.tsx";
import { Consents } from "./Consents.tsx";
import { FamilyOverview } from "./FamilyOverview.tsx";
import { Meetings } from "./Meetings.tsx";
import { Members } from "./Members.tsx";
import { participation } from "./participation.ts";
import { Plan } from "./Plan.tsx";
import { Stafettlogg } from "./Stafettlogg.tsx";

/**
 * Besides the case itself, what the summary shows changes with a handover
 * (the holder), a follow-up (overdue ones) and a consent (what the overview
 * may show): name them, so a change to any refreshes it even when the answer
 * held none of them.
 */
const SUMMARY_TYPENAMES = ["Handover", "FollowUp", "Consent"];

export function CasePage() {
  const { t } = useI18n();
  const user = useUser();
  const caseId = useParams().caseId ?? "";
  const context = useMemo(() => ({ ...inCase(caseId), additionalTypenames: SUMMARY_TYPENAMES }), [caseId]);
  const [result] = useQuery({ query: CasePageDocument, variables: { id: caseId }, context });
  const found = result.data?.case;
  return (
    <Page title={found?.title ?? t("casePage.title")}>
      <ParagraphLink to={PATHS.myCases}>{t("casePage.back")}</ParagraphLink>
      <QueryResult result={result}>
        {(data) => {
          if (!data.case) return <Paragraph>{t("casePage.notFound")}</Paragraph>;
          const parts = readFragment(CaseParticipantsFragmentDoc, data.case);
          const taking = participation(user, parts);
          const subjects = data.case.subjects.filter((s) => s !== null);
          // The archive copy is the closing holder's: the hub refuses anyone else alike.
          const closedByMe = parts.status === "CLOSED" && taking.me !== null && taking.me.id === taking.holderId;
          return (
            <>
              {/* A service that failed leaves its cells empty; the rest of the answer still shows. */}
              {result.error && <ErrorMessage error={result.error} />}
              <section aria-labelledby="summary-heading">
                <Heading level={2} data-size="md" id="summary-heading">
                  {t("casePage.summary")}
                </Heading>
                <CaseFacts summary={data.case} />
              </section>
              <Baton participation={taking} />
              {parts.btiLevel != null && <BtiLevel participation={taking} level={parts.btiLevel} />}
              <FamilyOverview subjects={data.case.subjects} />
              <Stafettlogg participation={taking} />
              <Meetings participation={taking} />
              <Plan participation={taking} />
              <Consents participation={taking} subjects={subjects} />
              <Members participation={taking} />
              {closedByMe && <ArchiveCopy caseId={caseId} />}
            </>
          );
        }}
      </QueryResult>
    </Page>
  );
}
