// The contract every view subgraph honours, as named checks. Each scenario
// sets up what it needs in the hub (a case of its own, the subject's consent,
// records written through the subgraph's own write API) and runs its checks in
// order; a failed check ends its scenario, and the checks after it are
// reported as not run. docs/conformance.md says what each check means and how
// to fix a failure.
import { MAX_SIGNATURE_AGE_MS } from "../services/kit/auth/signing.ts";
import { demoUser } from "../demo/users.ts";
import { CheckFailed, contains, equal, holds, onlyFields } from "./assert.ts";
import {
  auditLog,
  consentSelf,
  ended,
  involvement,
  openCaseAbout,
  outcomes,
  ownLog,
  signals,
  viewOf,
  withdraw,
  write,
  written,
  type LogEntry,
} from "./hub.ts";
import { postBody, type GraphQLResponse } from "./http.ts";
import { ownRecordKinds, sampleRecord, viewFields } from "./schema.ts";
import { signedCall } from "./signing.ts";
import { CONFORMANCE_ACTOR, type ConformanceTarget, type SubjectPool } from "./target.ts";
import { SOURCE } from "./hub.ts";

export type Area = "signing" | "consent" | "restricted shape" | "logging" | "writes";

export interface Check {
  /** Stable, e.g. `signing.unsigned`: what the report and docs/conformance.md name. */
  id: string;
  area: Area;
  /** What holds when the check passes. */
  title: string;
}

export type Outcome = "passed" | "failed" | "not run";

export interface CheckResult extends Check {
  outcome: Outcome;
  /** Why it failed, or why it did not run. */
  message?: string;
}

type Step = <T>(id: string, run: () => Promise<T>) => Promise<T>;

export interface Scenario {
  /** One line: what the scenario does. */
  title: string;
  checks: readonly Check[];
  run(t: ConformanceTarget, step: Step, pool: SubjectPool): Promise<void>;
}

const check = (id: string, area: Area, title: string): Check => ({ id, area, title });

/** A run's unique tag, so the source keys it writes are its own. */
const RUN = Date.now().toString(36);

const entitiesQuery = (t: ConformanceTarget) =>
  `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${t.service} { access { status reason basis } ${viewFields(t.schema, t.service)} } } } }`;
const representation = (id: string) => ({ r: [{ __typename: "Person", id }] });
const actorClaims = () => demoUser(CONFORMANCE_ACTOR)!.claims;

/** A scenario's start: the time its log entries count from, a subject of its own and a case about them. */
async function ownCase(t: ConformanceTarget, pool: SubjectPool, title: string): Promise<{ from: string; subject: string; caseId: string }> {
  const from = new Date(Date.now() - 1000).toISOString();
  const subject = pool.one();
  return { from, subject, caseId: await openCaseAbout(t, [subject], title) };
}

/** A refused call: 401 and no data. */
function refused(res: GraphQLResponse, what: string): void {
  holds(res.status === 401, `${what} was answered with HTTP ${res.status}${res.data ? " and data" : ""}; the subgraph must refuse it with 401 before running anything`);
  holds(!res.data, `${what} was refused but the answer carried data`);
}

// --- signing -------------------------------------------------------------------

const signing: Scenario = {
  title: "refuses calls that are not the hub's own: unsigned, badly signed, stale, misdirected, replayed",
  checks: [
    check("signing.unsigned", "signing", "an unsigned call, _entities included, is refused with 401 and no data"),
    check("signing.bad-signature", "signing", "a call signed with another key is refused"),
    check("signing.stale", "signing", `a call signed more than ${MAX_SIGNATURE_AGE_MS / 1000} s ago is refused`),
    check("signing.misdirected", "signing", "a call signed for another subgraph is refused"),
    check("signing.replayed", "signing", "a correctly signed call is answered once; the same call again is refused"),
  ],
  async run(t, step, pool) {
    const personId = pool.one();
    const query = entitiesQuery(t);
    const as = { claims: actorClaims() };
    await step("signing.unsigned", async () => refused(await postBody(t.subgraphUrl, { query, variables: representation(personId) }), "an unsigned _entities call"));
    await step("signing.bad-signature", async () => {
      const wrongKeys = { signingSecret: `not-the-hub-key-${RUN}`, internalSigningSecret: `not-the-hub-key-${RUN}` };
      refused(await postBody(t.subgraphUrl, signedCall(t.service, query, representation(personId), as, wrongKeys)), "a call signed with another key");
    });
    await step("signing.stale", async () => {
      const old = signedCall(t.service, query, representation(personId), as, t.secrets, { issuedAt: Date.now() - 2 * MAX_SIGNATURE_AGE_MS });
      refused(await postBody(t.subgraphUrl, old), "a call signed two minutes ago");
    });
    await step("signing.misdirected", async () => {
      refused(await postBody(t.subgraphUrl, signedCall(t.otherService, query, representation(personId), as, t.secrets)), `a call signed for ${t.otherService}`);
    });
    await step("signing.replayed", async () => {
      const body = signedCall(t.service, query, representation(personId), as, t.secrets);
      const first = await postBody(t.subgraphUrl, body);
      holds(first.status === 200 && first.data, `a correctly signed call was not answered (HTTP ${first.status}): ${first.raw.slice(0, 200)}`);
      refused(await postBody(t.subgraphUrl, body), "the same signed call sent a second time");
    });
  },
};

// --- consent, and the log of its decisions ---------------------------------------

const RESTRICTED = { status: "RESTRICTED", reason: "NO_CONSENT", basis: null, basisReference: null };
const pick = (e: LogEntry) => ({ decision: e.decision, reason: e.reason, caseId: e.caseId, categories: e.categories });

const consent: Scenario = {
  title: "restricts without consent, grants with one, restricts again on the next request after withdrawal, and logs each",
  checks: [
    check("consent.none", "consent", "without a consent the view is RESTRICTED (NO_CONSENT), every data field null"),
    check("consent.granted", "consent", "with the subject's consent the view is GRANTED, naming the consent"),
    check("consent.withdrawn", "consent", "after a withdrawal the very next request is RESTRICTED again"),
    check("logging.decisions", "logging", "the release and the refusals are in the service's access log, as its auditor reads it"),
    check("logging.innsyn", "logging", "the person reads the same entries in Person.<service>AccessLogPage"),
    check("logging.append-only", "logging", "entries read once are all there, unchanged and in order, when the log is read again"),
  ],
  async run(t, step, pool) {
    const { from, subject, caseId } = await ownCase(t, pool, "Konformans: samtykke");
    const headers = await t.asUser(CONFORMANCE_ACTOR, caseId);
    await step("consent.none", async () => {
      const { view } = await viewOf(t, subject, headers);
      equal(view.access, RESTRICTED, "the view without a consent");
      onlyFields(view, ["access"], "the view without a consent");
    });
    const consentId = await step("consent.granted", async () => {
      const id = await consentSelf(t, caseId, subject, ["SERVICE_DATA"]);
      equal((await viewOf(t, subject, headers)).view.access, { status: "GRANTED", reason: "CONSENT", basis: "CONSENT", basisReference: id }, "the view under the consent");
      return id;
    });
    await step("consent.withdrawn", async () => {
      await withdraw(t, consentId, subject, caseId);
      const { view } = await viewOf(t, subject, headers);
      equal(view.access.status, "RESTRICTED", "the view's status on the first request after the withdrawal");
      onlyFields(view, ["access"], "the view after the withdrawal");
    });
    const entries = await step("logging.decisions", async () => {
      const log = await auditLog(t, subject, from);
      const mine = log.filter((e) => e.actorId === CONFORMANCE_ACTOR);
      contains(mine.map(pick), { decision: "GRANTED", reason: "CONSENT", caseId, categories: ["SERVICE_DATA"] }, "the release under the consent");
      // Before the consent both categories were refused alike: one entry names both.
      contains(mine.map(pick), { decision: "RESTRICTED", reason: "NO_CONSENT", caseId, categories: ["SERVICE_DATA", "INVOLVEMENT"] }, "the refusal without a consent");
      holds(mine.length >= 3, `three requests were made, but the log holds ${mine.length} entries of theirs`);
      return log;
    });
    await step("logging.innsyn", async () => {
      const own = await ownLog(t, subject);
      holds(own !== null, `Person.${t.service}AccessLogPage answered null to the person themself`);
      contains(own.filter((e) => e.actorId === CONFORMANCE_ACTOR).map(pick), { decision: "GRANTED", reason: "CONSENT", caseId, categories: ["SERVICE_DATA"] }, "the person's own log");
    });
    await step("logging.append-only", async () => {
      const again = await auditLog(t, subject, from);
      equal(again.slice(again.length - entries.length), entries, "the entries read before, at the end of the log read again (newest first)");
    });
  },
};

// --- the restricted shape ---------------------------------------------------------

const involvementOnly: Scenario = {
  title: "under an INVOLVEMENT-only consent shows that the service is involved and whom to call, never content, and logs both categories",
  checks: [
    check("shape.involvement-only", "restricted shape", "INVOLVEMENT_ONLY carries `involved` and the front door as `contact`, every other field null"),
    check("logging.categories", "logging", "each category asked is logged: the involvement released, the service data refused"),
  ],
  async run(t, step, pool) {
    const from = new Date(Date.now() - 1000).toISOString();
    const subject = pool.one();
    equal(outcomes(await written(t, [involvement(subject, `${t.service}-hint-${RUN}`)], await t.asMachine(t.service))), ["CREATED"], "the service's system registering an involvement");
    const caseId = await openCaseAbout(t, [subject], "Konformans: involvering");
    const headers = await t.asUser(CONFORMANCE_ACTOR, caseId);
    const consentId = await consentSelf(t, caseId, subject, ["INVOLVEMENT"]);
    await step("shape.involvement-only", async () => {
      const { view } = await viewOf(t, subject, headers);
      equal(view.access, { status: "INVOLVEMENT_ONLY", reason: "CONSENT", basis: "CONSENT", basisReference: consentId }, "the view under an INVOLVEMENT consent");
      equal(view.involved, true, "`involved` of a person the service's system registered an involvement for");
      const contact = view.contact as { name?: string; phone?: string } | null;
      // Never the service's own contact: that would name the clinician, unit or kind of help.
      equal({ name: contact?.name, phone: contact?.phone }, { name: t.frontDoor.name, phone: t.frontDoor.phone }, "`contact` (the service's front door)");
      onlyFields(view, ["access", "involved", "contact"], "the INVOLVEMENT_ONLY view");
    });
    await withdraw(t, consentId, subject, caseId);
    await step("logging.categories", async () => {
      const log = (await auditLog(t, subject, from)).map(pick);
      contains(log, { decision: "GRANTED", reason: "CONSENT", caseId, categories: ["INVOLVEMENT"] }, "the involvement released");
      contains(log, { decision: "RESTRICTED", reason: "NO_CONSENT", caseId, categories: ["SERVICE_DATA"] }, "the service data refused");
    });
  },
};

const noExistenceLeak: Scenario = {
  title: "answers a restricted view byte for byte the same whether or not it holds data on the person",
  checks: [
    check("shape.no-consent-identical", "restricted shape", "NO_CONSENT answers, straight and through the gateway, are the same for a person with data and one without"),
    check("shape.denied-identical", "restricted shape", "a call declaring a case the caller is not in is refused alike for a person with data and one without"),
  ],
  async run(t, step, pool) {
    const [withData, withoutData] = pool.pair();
    // Data written through the service's own API: the involvement and one record of each of its kinds.
    equal(outcomes(await written(t, [involvement(withData, `${t.service}-shape-${RUN}`)], await t.asMachine(t.service))), ["CREATED"], "registering an involvement");
    const records = ownRecordKinds(t.schema, t.service).map(({ field, type }) => ({ [field]: sampleRecord(type, withData, SOURCE, `${t.service}-shape-${field}-${RUN}`) }));
    if (records.length > 0) equal(outcomes(await written(t, records, await t.asUser(`${t.service}-vikar-1`))), records.map(() => "CREATED"), "writing one record of each kind");
    const caseId = await openCaseAbout(t, [withData, withoutData], "Konformans: uten samtykke");
    const same = async (caseDeclared: string, expected: string) => {
      const bodies = await Promise.all(
        [withData, withoutData].map(async (id) => {
          const res = await postBody(t.subgraphUrl, signedCall(t.service, entitiesQuery(t), representation(id), { claims: actorClaims(), caseId: caseDeclared }, t.secrets));
          return `${res.status} ${res.raw.replaceAll(id, "<id>")}`;
        }),
      );
      holds(bodies[0]!.includes(expected), `the answer about the person with data does not say ${expected}: ${bodies[0]!.slice(0, 300)}`);
      equal(bodies[0], bodies[1], "the subgraph's answer about a person with data (left as expected) and one without");
    };
    await step("shape.no-consent-identical", async () => {
      await same(caseId, '"reason":"NO_CONSENT"');
      const headers = await t.asUser(CONFORMANCE_ACTOR, caseId);
      const [a, b] = await Promise.all([withData, withoutData].map(async (id) => (await viewOf(t, id, headers)).raw.replaceAll(id, "<id>")));
      equal(a, b, "the gateway's answer about a person with data (left as expected) and one without");
    });
    await step("shape.denied-identical", () => same(t.foreignCaseId, '"RESTRICTED"'));
  },
};

// --- writes ----------------------------------------------------------------------

const writes: Scenario = {
  title: "writes for its own system and staff only, idempotently, all or nothing, logged, and shows what it wrote only as the rules allow",
  checks: [
    check("writes.refused", "writes", "another service's system and staff, the service's auditor, a citizen and the anonymous are refused (FORBIDDEN), nothing written"),
    check("writes.own-system", "writes", "the service's own system writes; without a consent nothing of it shows and no signal is raised"),
    check("writes.involvement-signal", "writes", "an involvement started under the case's INVOLVEMENT consent signals the case's stafettholder, once"),
    check("writes.idempotent", "writes", "the same record again is UNCHANGED, by its source key"),
    check("writes.dry-run", "writes", "a dry run answers what would happen and writes nothing"),
    check("writes.own-staff", "writes", "the service's own staff write its own kinds of records, they show under a SERVICE_DATA consent, and those that end are ended by source key"),
    check("writes.directory", "writes", "a staff member deactivated in the employee directory writes nothing, from the next call on"),
    check("writes.all-or-nothing", "writes", "a call with one bad record writes none of it and names the bad one"),
    check("writes.withdrawn", "writes", "once the consents are withdrawn the answer is the restricted one from before anything was written"),
    check("logging.writes", "logging", "every write and every refused write is in the access log"),
  ],
  async run(t, step, pool) {
    const { from, subject: personId, caseId } = await ownCase(t, pool, "Konformans: skriving");
    const source = `${t.service}-${RUN}`;
    const machine = await t.asMachine(t.service);
    const seen = async () => viewOf(t, personId, await t.asUser(CONFORMANCE_ACTOR, caseId));
    const restricted = await seen();
    const refusedCallers: [string, () => Promise<Record<string, string>>, string][] = [
      [`${t.otherService}'s system`, () => t.asMachine(t.otherService), "NOT_OWN_SERVICE"],
      [`${t.otherService}'s staff`, () => t.asUser(`${t.otherService}-vikar-1`), "NOT_OWN_SERVICE"],
      [`${t.service}'s auditor`, () => t.asUser(`${t.service}-auditor`), "AUDITOR"],
      ["the person themself", () => t.asUser(personId), "NOT_OWN_SERVICE"],
      ["an anonymous caller", async () => ({}), "UNAUTHENTICATED"],
    ];
    await step("writes.refused", async () => {
      for (const [who, headers] of refusedCallers) {
        const res = await write(t, [involvement(personId, source)], await headers());
        equal(res.errors?.[0]?.extensions?.code, "FORBIDDEN", `the error code of a write by ${who}`);
        holds(!Object.values(res.data ?? {}).some((v) => v !== null), `a write by ${who} was refused but answered with data`);
      }
    });
    await step("writes.own-system", async () => {
      equal(outcomes(await written(t, [involvement(personId, source)], machine)), ["CREATED"], "the service's system registering an involvement");
      equal(await signals(t, caseId), [], "the case's signals without a consent");
      equal((await seen()).raw, restricted.raw, "the view without a consent, after the write (expected: as before it)");
    });
    const involvementConsent = await consentSelf(t, caseId, personId, ["INVOLVEMENT"]);
    const door = { name: t.frontDoor.name, phone: t.frontDoor.phone };
    const signal = { service: t.service.toUpperCase(), person: { id: personId }, frontDoor: door };
    await step("writes.involvement-signal", async () => {
      equal(outcomes(await written(t, [ended("endInvolvement", personId, source)], machine)), ["UPDATED"], "ending the involvement");
      equal((await seen()).view.involved, false, "`involved` after the involvement ended");
      equal(outcomes(await written(t, [involvement(personId, source)], machine)), ["UPDATED"], "starting it again");
      equal(await signals(t, caseId), [signal], "the case's signals after the involvement started again under an INVOLVEMENT consent");
    });
    await step("writes.idempotent", async () => {
      const again = await written(t, [involvement(personId, source)], machine);
      equal({ written: again.written, unchanged: again.unchanged, outcomes: outcomes(again) }, { written: true, unchanged: 1, outcomes: ["UNCHANGED"] }, "the same write again");
      equal(await signals(t, caseId), [signal], "the case's signals after the same write again (no second one)");
      equal(await signals(t, caseId, personId), null, "the signals as the subject sees them (only the stafettholder does)");
    });
    const dataConsent = await consentSelf(t, caseId, personId, ["SERVICE_DATA"]);
    const staff = await t.asUser(`${t.service}-vikar-1`);
    const kinds = ownRecordKinds(t.schema, t.service);
    const records = kinds.map(({ field, type }) => ({ [field]: sampleRecord(type, personId, SOURCE, `${t.service}-${field}-${RUN}`) }));
    const before = await seen();
    await step("writes.dry-run", async () => {
      equal(before.view.access, { status: "GRANTED", reason: "CONSENT", basis: "CONSENT", basisReference: dataConsent }, "the view under a SERVICE_DATA consent");
      const dry = await written(t, records, staff, true);
      equal({ written: dry.written, dryRun: dry.dryRun, outcomes: outcomes(dry) }, { written: false, dryRun: true, outcomes: records.map(() => "CREATED") }, "a dry run of the service's own kinds");
      equal((await seen()).raw, before.raw, "the view after a dry run (expected: as before it)");
    });
    await step("writes.own-staff", async () => {
      equal(outcomes(await written(t, records, staff)), records.map(() => "CREATED"), "its staff writing one record of each kind");
      const after = await seen();
      if (records.length > 0) holds(after.raw !== before.raw, "what the staff wrote does not show under the SERVICE_DATA consent");
      equal(outcomes(await written(t, records, staff)), records.map(() => "UNCHANGED"), "the same records again");
      // The kinds that end (end<Kind>) are ended by the same source key, and the view shows it.
      const ends = kinds.filter((k) => k.end).map((k) => ended(k.end!, personId, `${t.service}-${k.field}-${RUN}`));
      equal(outcomes(await written(t, ends, machine)), ends.map(() => "UPDATED"), "ending each record that has an end operation");
      if (ends.length > 0) holds((await seen()).raw !== after.raw, "the ended records look the same as before they ended");
    });
    await step("writes.directory", async () => {
      const admin = await t.asUser(`${t.service}-admin`);
      const setActive = async (active: boolean) =>
        t.gateway<{ setEmployeeActive: { active: boolean } }>(`mutation ($a: ID!, $on: Boolean!) { setEmployeeActive(actorId: $a, active: $on) { active } }`, { a: `${t.service}-vikar-1`, on: active }, admin);
      holds(!(await setActive(false)).errors, "the service's administrator could not deactivate a staff member in the directory");
      try {
        const res = await write(t, [involvement(personId, `${source}-inactive`)], staff);
        equal(res.errors?.[0]?.extensions?.code, "FORBIDDEN", "the error code of a write by a deactivated staff member");
      } finally {
        holds(!(await setActive(true)).errors, "the staff member could not be activated again");
      }
      equal(outcomes(await written(t, [involvement(personId, `${source}-inactive`)], staff, true)), ["CREATED"], "a dry run by the staff member activated again");
    });
    await step("writes.all-or-nothing", async () => {
      const bad = await written(t, [involvement(personId, `${source}-2`), ended("endInvolvement", personId, `${source}-unknown`)], machine);
      equal({ written: bad.written, refusals: bad.results.map((r) => r.refusal?.code ?? null) }, { written: false, refusals: [null, "NOT_FOUND"] }, "a call ending an involvement that was never started");
      equal(outcomes(await written(t, [involvement(personId, `${source}-2`)], machine, true)), ["CREATED"], "the good record of that call, tried again (it must not have been written)");
    });
    await step("writes.withdrawn", async () => {
      await withdraw(t, involvementConsent, personId, caseId);
      await withdraw(t, dataConsent, personId, caseId);
      equal((await seen()).raw, restricted.raw, "the view after the consents were withdrawn (expected: as before anything was written)");
      equal(await signals(t, caseId), [], "the case's signals after the withdrawal");
    });
    await step("logging.writes", async () => {
      const log = await auditLog(t, personId, from);
      const entry = (actorId: string, reason: string, categories: string[], basisReference: string) => ({ actorId, decision: "WRITE", reason, categories, basis: "WRITE", basisReference });
      const shown = log.map((e) => ({ actorId: e.actorId, decision: e.decision, reason: e.reason, categories: e.categories, basis: e.basis, basisReference: e.basisReference }));
      contains(shown, entry(`machine:${t.service}-integration`, "OWN_SYSTEM", ["INVOLVEMENT"], "startInvolvement:CREATED"), "the system's write");
      contains(shown, entry(`machine:${t.service}-integration`, "OWN_SYSTEM", ["INVOLVEMENT"], "startInvolvement:UNCHANGED"), "the system's unchanged write");
      if (kinds.length > 0) contains(shown, entry(`${t.service}-vikar-1`, "OWN_SERVICE", ["SERVICE_DATA"], `${kinds[0]!.field}:CREATED`), "the staff's write");
      for (const reason of [...refusedCallers.map(([, , r]) => r), "NOT_IN_DIRECTORY"]) {
        holds(
          log.some((e) => e.decision === "RESTRICTED" && e.reason === reason && e.basis === "WRITE" && e.basisReference === "startInvolvement"),
          `no refused write logged with reason ${reason}`,
        );
      }
      holds(!log.some((e) => e.decision === "WRITE" && e.basisReference?.startsWith("endInvolvement") && e.basisReference !== "endInvolvement:UPDATED"), "a call that was not written left a WRITE entry");
    });
  },
};

/** Every scenario, in the order they run. */
export const SCENARIOS: readonly Scenario[] = [signing, consent, involvementOnly, noExistenceLeak, writes];

/** Every check, in the order they run. */
export const CHECKS: readonly Check[] = SCENARIOS.flatMap((s) => s.checks);

class Stop extends Error {}

/** Runs one scenario: a result for each of its checks. */
export async function runScenario(t: ConformanceTarget, scenario: Scenario, pool: SubjectPool): Promise<CheckResult[]> {
  const results = new Map<string, CheckResult>();
  const step: Step = async (id, run) => {
    const known = scenario.checks.find((c) => c.id === id);
    if (!known) throw new Error(`check ${id} is not declared by its scenario`);
    try {
      const value = await run();
      results.set(id, { ...known, outcome: "passed" });
      return value;
    } catch (error) {
      results.set(id, { ...known, outcome: "failed", message: reason(error) });
      throw new Stop();
    }
  };
  let setupFailure: string | undefined;
  try {
    await scenario.run(t, step, pool);
  } catch (error) {
    if (!(error instanceof Stop)) setupFailure = reason(error);
  }
  return scenario.checks.map((c) => {
    const result = results.get(c.id);
    if (result) return result;
    // The setup between checks failed: the next check is the one that could not be made.
    if (setupFailure !== undefined) {
      const message = `setting up failed: ${setupFailure}`;
      setupFailure = undefined;
      return { ...c, outcome: "failed", message };
    }
    return { ...c, outcome: "not run", message: "an earlier check of this scenario failed" };
  });
}

function reason(error: unknown): string {
  if (error instanceof CheckFailed) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
