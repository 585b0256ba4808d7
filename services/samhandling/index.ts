// samhandling: coordination cases (BTI, ansvarsgruppe, investeringsteam), their
// consents, and the consent decision endpoint every other subgraph asks. Three
// rooms (services/samhandling/README.md): cases/ (seeing a case, its members,
// opening and closing it), consent/ (competence, the decision rules and
// endpoint, consents), coordination/ (BTI levels, the baton, the stafettlogg,
// meetings and plan). This file puts them together as one subgraph.
import "reflect-metadata";
import { FamilyRef, PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition, type SubgraphDeps } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, samhandlingLoaders, type SamhandlingClient, type SamhandlingLoaders } from "./data.ts";
import { CaseChangeResolver } from "./cases/changes.ts";
import { ConcernResolver } from "./cases/concerns.ts";
import { CaseMemberResolver, CaseResolver, FamilyCasesResolver, PersonCasesResolver } from "./cases/resolvers.ts";
import { DecisionResolver, localDecisions } from "./consent/decisions.ts";
import { InformationRequestResolver } from "./consent/information-requests.ts";
import { registryPersonFacts, type RequestScopedFacts } from "./consent/registry-facts.ts";
import { ConsentResolver } from "./consent/resolvers.ts";
import { CaseInvolvementSignalsResolver, InvolvementSignalResolver } from "./consent/involvement-signals.ts";
import { BatonResolver, CaseBatonResolver } from "./coordination/baton.ts";
import { CaseLevelResolver } from "./coordination/levels.ts";
import { CasePlanResolver, FollowUpResolver, GoalResolver, MeetingDecisionResolver, MeetingResolver } from "./coordination/meetings.ts";
import { CaseStafettloggResolver, StafettloggResolver } from "./coordination/stafettlogg.ts";
import { recordSignIn } from "./directory/directory.ts";
import { StaffWriterResolver } from "./directory/writers.ts";
import { ColleagueResolver } from "./directory/colleagues.ts";
import { DirectoryResolver } from "./directory/resolvers.ts";
import { DataCopyResolver } from "./data-copy.ts";
import { NotificationResolver } from "./notifications/resolvers.ts";
import { notificationScheduler } from "./notifications/scheduler.ts";
import { SAMHANDLING_RETENTION_RULES } from "./retention.ts";
import { NotificationLiveResolver } from "./notifications/live.ts";
import { useNotificationBus } from "./notifications/signals.ts";
import { notificationMailer } from "./notifications/email.ts";
import { CaseArchiveResolver } from "./archive/resolvers.ts";
import { archiveJob } from "./archive/package.ts";

const facts = new WeakMap<object, RequestScopedFacts>();
/** One request-scoped facts source per internal client (i.e. per process). */
const factsFor = (deps: SubgraphDeps) => {
  let found = facts.get(deps.internal);
  if (!found) facts.set(deps.internal, (found = registryPersonFacts(deps.internal)));
  return found;
};

export const samhandling: SubgraphDefinition<SamhandlingClient, SamhandlingLoaders> = {
  service: "samhandling",
  resolvers: [
    CaseResolver,
    CaseMemberResolver,
    PersonCasesResolver,
    FamilyCasesResolver,
    CaseChangeResolver,
    ConcernResolver,
    ConsentResolver,
    DecisionResolver,
    InformationRequestResolver,
    BatonResolver,
    CaseBatonResolver,
    CaseLevelResolver,
    StafettloggResolver,
    CaseStafettloggResolver,
    MeetingResolver,
    MeetingDecisionResolver,
    GoalResolver,
    FollowUpResolver,
    CasePlanResolver,
    InvolvementSignalResolver,
    CaseInvolvementSignalsResolver,
    DirectoryResolver,
    ColleagueResolver,
    StaffWriterResolver,
    NotificationResolver,
    NotificationLiveResolver,
    DataCopyResolver,
    CaseArchiveResolver,
    accessLogResolver("samhandling", PersonRef),
  ],
  orphanedTypes: [PersonRef, FamilyRef],
  createClient,
  loaders: (db, deps) => samhandlingLoaders(db, factsFor(deps).forRequest(deps.requestId)),
  onCaller: recordSignIn,
  // Notifications written from now on wake their recipients' subscriptions (notifications/signals.ts).
  // and, where NOTIFY_SMTP_URL is set, those who opted in are told by e-mail (notifications/email.ts).
  background: (db, { config, live, contextAs }) => {
    useNotificationBus(live);
    const mailer = config.notifyEmail ? notificationMailer(db, config.notifyEmail, contextAs) : null;
    return {
      stop: async () => {
        useNotificationBus(null);
        await mailer?.stop();
      },
    };
  },
  decisions: (db, deps) => localDecisions(db, factsFor(deps)),
  // The time-driven notifications: every instance tries, one runs each pass (notifications/scheduler.ts);
  // archive packages a process died before rendering (archive/package.ts).
  jobs: (db, config) => [notificationScheduler(db, config), archiveJob(db)],
  // Closed cases, their consents, unopened concerns, information requests: deleted by rule (docs/retention.md).
  retention: SAMHANDLING_RETENTION_RULES,
};

main(samhandling, { seed: demoSeed("samhandling") });
