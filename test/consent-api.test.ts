// samhandling's consent API (grantConsent, refuseConsent, withdrawConsent,
// consents, myConsents) against a real embedded database seeded with the
// Fjordvik demo, with the caller and person facts set in the context as the
// kit will set them.
import { DATA_CATEGORIES } from "../services/kit/categories.ts";
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { graphql, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AccessGuard, type AccessRecorder } from "../services/kit/access.ts";
import type { AccessLogRecord } from "../services/kit/access-log.ts";
import type { Caller } from "../services/kit/auth/caller.ts";
import type { DecisionSource } from "../services/kit/decisions.ts";
import { openDatabase, type Database } from "../services/kit/db/database.ts";
import { seedTables } from "../services/kit/db/seed.ts";
import { DEMO_TODAY, demoCaseId, demoConsentId, demoPersonId, fjordvik } from "../demo/fjordvik.ts";
import { FamilyRef, PersonRef } from "../services/kit/entities.ts";
import { buildFederatedSchema } from "../services/kit/federation.ts";
import { createClient, samhandlingLoaders, type SamhandlingClient } from "../services/samhandling/data.ts";
import type { PersonFactsSource } from "../services/samhandling/person-facts.ts";
import { CaseMemberResolver, CaseResolver, FamilyCasesResolver, PersonCasesResolver } from "../services/samhandling/cases/resolvers.ts";
import { demoPersonFacts } from "./support/person-facts.ts";
import { ConsentResolver } from "../services/samhandling/consent/resolvers.ts";
import type { Context } from "../services/samhandling/context.ts";

const employee = (sub: string): Caller => ({ kind: "actor", claims: { sub, name: sub, service: "nav", roles: ["caseworker"] } });
/** A citizen signed in at the high level (what giving and withdrawing need), unless another is given. */
const citizen = (personId: string, assurance: "substantial" | "high" = "high"): Caller => ({
  kind: "actor",
  claims: { sub: `login-${personId}`, name: "Citizen", service: "citizen", roles: [], personId, assurance },
});
const anonymous: Caller = { kind: "anonymous" };

const person = demoPersonId;
const HAUGLAND = demoCaseId("haugland");
const NILSEN = demoCaseId("nilsen");
const SANDVIK = demoCaseId("sandvik");

let dataDir: string;
let database: Database;
let db: SamhandlingClient;
let schema: GraphQLSchema;
let facts: PersonFactsSource;
let bumps = 0;
/** When set, the consent epoch's n-th move (counting moves that succeeded so far + 1) fails. */
let epochFails: ((n: number) => boolean) | null = null;
let factCalls = 0;

/** Every access-log entry the resolvers wrote, in order; `logDown` makes every write fail as an unreachable log would. */
const accessLog: AccessLogRecord[] = [];
let logDown = false;
const recorder: AccessRecorder = {
  async append(records) {
    if (logDown) throw new Error("access log unreachable");
    accessLog.push(...records);
  },
};
// samhandling decides consent and case access from its own data; the guard's decision source is for other services' views.
const noDecisions: DecisionSource = {
  decide() {
    throw new Error("the consent resolvers must not ask for consent decisions");
  },
};
let requests = 0;

/** The real access guard of one request, over the recording log. */
function accessFor(caller: Caller | undefined, requestId: string): AccessGuard {
  return new AccessGuard({ service: "samhandling", caller: caller ?? anonymous, purpose: null, requestId, frontDoor: { name: "Koordinerende enhet", phone: "+47 400 06 000" } }, noDecisions, recorder);
}

/** A moment `days` days from the demo's today at midnight UTC, ISO: the demo moves with the date, so the test's dates move with it. */
const fromToday = (days: number) => new Date(Date.parse(`${DEMO_TODAY}T00:00:00.000Z`) + days * 86_400_000).toISOString();

beforeAll(async () => {
  // The demo is written for DEMO_TODAY; Emma is 17 then. Only Date is faked.
  vi.useFakeTimers({ now: new Date(`${DEMO_TODAY}T12:00:00.000Z`), toFake: ["Date"] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consent-api-"));
  database = await openDatabase({ service: "samhandling", databaseUrl: undefined, databasePoolSize: 1, dataDir });
  db = createClient(database.adapter);
  await seedTables(db, fjordvik().samhandling);
  ({ schema } = await buildFederatedSchema({
    resolvers: [CaseResolver, CaseMemberResolver, PersonCasesResolver, FamilyCasesResolver, ConsentResolver],
    orphanedTypes: [PersonRef, FamilyRef],
  }));
  const demo = demoPersonFacts();
  facts = {
    load(ids) {
      factCalls += 1;
      return demo.load(ids);
    },
    wards: (ids) => demo.wards(ids),
  };
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await db?.$disconnect();
  await database?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Result<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  /** The access-log entries this request wrote. */
  log: AccessLogRecord[];
}

/**
 * One request as the kit runs it. An employee works within the case the
 * request names (X-Case-Id), as the gateway would send it; a form comes with a reference.
 */
async function run<T = Record<string, unknown>>(caller: Caller | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> {
  const requestId = `test-${++requests}`;
  const input = variables.input as Record<string, unknown> | undefined;
  if (query === FORM && input && !("formReference" in input)) variables = { ...variables, input: { ...input, formReference: "Samtykkeskjema, testarkiv 1" } };
  const caseId = (variables.caseId ?? input?.caseId) as string | undefined;
  const context = {
    requestId,
    caller,
    purpose: caseId ? { caseId } : null,
    loaders: samhandlingLoaders(db, facts),
    access: accessFor(caller, requestId),
    consentChanged: async () => {
      if (epochFails?.(bumps + 1)) throw new Error("epoch store unreachable");
      bumps += 1;
    },
    invalidateDecisions: async () => {
      throw new Error("consentChanged is set: invalidateDecisions must not be called as well");
    },
  } as unknown as Context;
  const result = await graphql({ schema, source: query, variableValues: variables, contextValue: context });
  return { ...(result as Omit<Result<T>, "log">), log: accessLog.filter((r) => r.requestId === requestId) };
}

/** A log entry as "person category decision reason basis", to compare as sets. */
const entry = (r: AccessLogRecord) => `${r.personId} ${r.categories.join(",")} ${r.decision} ${r.reason} ${r.basis}`;

/** The error a call failed with, as the caller sees it (message and extensions). */
function errorOf(result: Result<unknown>) {
  expect(result.errors, JSON.stringify(result.data)).toBeDefined();
  const { message, extensions } = result.errors![0]!;
  return { message, extensions };
}

/** The error code of a failed call; fails the test when the call succeeded. */
function codeOf(result: Result<unknown>): string {
  expect(result.errors, JSON.stringify(result.data)).toBeDefined();
  const error = result.errors![0]!;
  expect(error.message.length).toBeGreaterThan(20);
  return String(error.extensions?.code);
}

const CONSENT_FIELDS = `id decision capacity services categories validFrom validTo withdrawnAt withdrawnBy childView note recordedBy createdAt
  case { id } subject { id } givenBy { id } active effectiveServices`;

const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { ${CONSENT_FIELDS} } }`;
/** How an employee records a consent now: from the person's signed form (answering under the same key as GRANT). */
const FORM = `mutation ($input: RecordConsentFormInput!) { grantConsent: recordConsentForm(input: $input) { ${CONSENT_FIELDS} channel formReference pending attestedBy } }`;
const ATTEST = `mutation ($id: ID!) { attestConsent(id: $id) { ${CONSENT_FIELDS} channel pending attestedBy attestedAt } }`;
const REFUSE = `mutation ($input: RefuseConsentInput!) { refuseConsent(input: $input) { ${CONSENT_FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { ${CONSENT_FIELDS} } }`;
const LIST = `query ($caseId: ID!) { consents(caseId: $caseId) { ${CONSENT_FIELDS} } }`;
/** Without `case`, whose look is logged on its own: only the release of the consents is logged. */
const LIST_BARE = `query ($caseId: ID!) { consents(caseId: $caseId) { id subject { id } givenBy { id } } }`;
const MINE = `query { myConsents { ${CONSENT_FIELDS} } }`;

interface ConsentOut {
  id: string;
  decision: string;
  capacity: string;
  services: string[];
  categories: string[];
  validTo: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  childView: string | null;
  note: string | null;
  recordedBy: string;
  case: { id: string };
  subject: { id: string };
  givenBy: { id: string };
  active: boolean;
  effectiveServices: string[];
}

const noahSchool = () => ({
  caseId: HAUGLAND,
  subjectId: person("haugland", "Noah"),
  givenById: person("haugland", "Sara"),
  capacity: "GUARDIAN",
  services: ["HELSE"],
  categories: ["INVOLVEMENT"],
});

describe("who may call", () => {
  it("anonymous callers and requests without a caller are refused", async () => {
    for (const caller of [anonymous, undefined]) {
      expect(codeOf(await run(caller, LIST, { caseId: HAUGLAND }))).toBe("FORBIDDEN");
      expect(codeOf(await run(caller, GRANT, { input: noahSchool() }))).toBe("FORBIDDEN");
      expect(codeOf(await run(caller, WITHDRAW, { id: demoConsentId("haugland", "sara") }))).toBe("FORBIDDEN");
      expect(codeOf(await run(caller, MINE))).toBe("FORBIDDEN");
    }
  });

  it("internal service calls cannot read or write consents", async () => {
    expect(codeOf(await run({ kind: "service", service: "nav" }, LIST, { caseId: HAUGLAND }))).toBe("FORBIDDEN");
  });

  it("a citizen signed in below the high level can neither give nor withdraw a consent, and learns nothing else", async () => {
    const sara = person("haugland", "Sara");
    const give = await run(citizen(sara, "substantial"), GRANT, { input: { ...noahSchool(), givenById: sara } });
    const withdraw = await run(citizen(sara, "substantial"), WITHDRAW, { id: demoConsentId("haugland", "sara") });
    for (const refused of [give, withdraw]) {
      expect(codeOf(refused)).toBe("ASSURANCE_TOO_LOW");
      expect(refused.log).toEqual([]);
    }
    // Reading what they have given needs no more than a sign-in.
    expect((await run(citizen(sara, "substantial"), MINE)).errors).toBeUndefined();
  });

  it("a citizen token without a person id is refused", async () => {
    const noPerson: Caller = { kind: "actor", claims: { sub: "x", name: "x", service: "citizen", roles: [] } };
    expect(codeOf(await run(noPerson, MINE))).toBe("FORBIDDEN");
  });

  it("an employee must be an active member of the case; otherwise the case answers exactly like an unknown one", async () => {
    const unknown = await run(employee("nav-veileder-1"), LIST, { caseId: "c-nosuchcase0" });
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    // An unknown case has no subjects to log a refusal for.
    expect(unknown.log).toEqual([]);
    const notMember = await run(employee("barnevern-saksbehandler-2"), LIST, { caseId: HAUGLAND });
    // Left the case when the baton moved on.
    const leftIt = await run(employee("skole-kontaktlaerer-4"), LIST, { caseId: NILSEN });
    for (const refused of [notMember, leftIt]) {
      expect(errorOf(refused)).toEqual(errorOf(unknown));
      expect(refused.data).toBeNull();
    }
    // The refusal is logged for each of the case's subjects, as case(id) logs it.
    const haugland = ["Sara", "Jonas", "Ella", "Noah"].map((n) => `${person("haugland", n)} CASE RESTRICTED NOT_A_MEMBER null`);
    expect(notMember.log.map(entry).sort()).toEqual(haugland.sort());
    expect(notMember.log.every((r) => r.actorId === "barnevern-saksbehandler-2")).toBe(true);
    expect(leftIt.log.map(entry)).toEqual([`${person("nilsen", "Emma")} CASE RESTRICTED NOT_A_MEMBER null`]);

    const grantUnknown = await run(employee("barnevern-saksbehandler-2"), FORM, { input: { ...noahSchool(), caseId: "c-nosuchcase0" } });
    const grantNotMember = await run(employee("barnevern-saksbehandler-2"), FORM, { input: noahSchool() });
    expect(codeOf(grantNotMember)).toBe("NOT_FOUND");
    expect(errorOf(grantNotMember)).toEqual(errorOf(grantUnknown));
  });

  it("myConsents is for citizens", async () => {
    expect(codeOf(await run(employee("nav-veileder-1"), MINE))).toBe("FORBIDDEN");
  });
});

describe("consents(caseId)", () => {
  it("lists every consent and refusal of the case for a member, with who, what and whether it is active", async () => {
    const r = await run<{ consents: ConsentOut[] }>(employee("nav-veileder-1"), LIST, { caseId: HAUGLAND });
    expect(r.errors).toBeUndefined();
    const byId = new Map(r.data!.consents.map((c) => [c.id, c]));
    const sara = byId.get(demoConsentId("haugland", "sara"))!;
    expect(sara).toMatchObject({
      decision: "PERMIT",
      capacity: "SELF",
      services: ["NAV", "SKOLE", "BOLIG"],
      active: true,
      effectiveServices: ["NAV", "SKOLE", "BOLIG"],
      subject: { id: person("haugland", "Sara") },
      givenBy: { id: person("haugland", "Sara") },
      case: { id: HAUGLAND },
      recordedBy: "nav-veileder-1",
    });
    const refusal = byId.get(demoConsentId("haugland", "jonas-barnevern"))!;
    expect(refusal).toMatchObject({ decision: "DENY", services: ["BARNEVERN"], active: true, capacity: "GUARDIAN" });
    expect(refusal.note).toMatch(/møte/);
    expect(refusal.childView).toBeTruthy();
    const expired = byId.get(demoConsentId("haugland", "jonas-fritidskort"))!;
    expect(expired).toMatchObject({ active: false, effectiveServices: [] });
  });

  it("shows a withdrawn consent as inactive, with who withdrew it", async () => {
    const r = await run<{ consents: ConsentOut[] }>(employee("skole-ungdomslos-1"), LIST, { caseId: NILSEN });
    const withdrawn = r.data!.consents.find((c) => c.id === demoConsentId("nilsen", "emma-helse-2026-03"))!;
    expect(withdrawn).toMatchObject({ active: false, withdrawnBy: person("nilsen", "Emma") });
    expect(withdrawn.withdrawnAt).toBeTruthy();
  });

  it("reads person facts once per request, whatever the number of consents", async () => {
    const before = factCalls;
    await run(employee("nav-veileder-1"), LIST, { caseId: HAUGLAND });
    expect(factCalls - before).toBe(1);
  });

  it("shows a citizen member what is about them, given by them, or given as guardian for their child — not the youth's own", async () => {
    const anne = await run<{ consents: ConsentOut[] }>(citizen(person("nilsen", "Anne")), LIST, { caseId: NILSEN });
    expect(anne.errors).toBeUndefined();
    const ids = anne.data!.consents.map((c) => c.id).sort();
    expect(ids).toEqual([demoConsentId("nilsen", "anne"), demoConsentId("nilsen", "trond")].sort());
    const emma = await run<{ consents: ConsentOut[] }>(citizen(person("nilsen", "Emma")), LIST, { caseId: NILSEN });
    expect(emma.data!.consents.length).toBeGreaterThanOrEqual(4);
    // A citizen who takes no part in the case learns nothing more than about an unknown case.
    const outsider = await run(citizen(person("berg", "Geir")), LIST, { caseId: NILSEN });
    expect(codeOf(outsider)).toBe("NOT_FOUND");
    expect(errorOf(outsider)).toEqual(errorOf(await run(citizen(person("berg", "Geir")), LIST, { caseId: "c-nosuchcase0" })));
  });
});

describe("the access log of a release", () => {
  it("logs each person of the consents an employee is shown once, as released for case membership", async () => {
    const r = await run<{ consents: ConsentOut[] }>(employee("nav-veileder-1"), LIST_BARE, { caseId: HAUGLAND });
    expect(r.errors).toBeUndefined();
    const persons = new Set(r.data!.consents.flatMap((c) => [c.subject.id, c.givenBy.id]));
    expect(persons.size).toBeGreaterThan(1);
    expect(r.log.map(entry).sort()).toEqual([...persons].map((p) => `${p} CASE GRANTED CASE_MEMBERSHIP case:${HAUGLAND}`).sort());
    expect(r.log.every((x) => x.actorId === "nav-veileder-1" && x.actorService === "nav")).toBe(true);
  });

  it("names why a citizen may see each consent: as its giver, or with parental responsibility for its subject", async () => {
    const anne = await run<{ consents: ConsentOut[] }>(citizen(person("nilsen", "Anne")), LIST_BARE, { caseId: NILSEN });
    expect(anne.errors).toBeUndefined();
    const [emma, anneId, trond] = [person("nilsen", "Emma"), person("nilsen", "Anne"), person("nilsen", "Trond")];
    expect(anne.log.map(entry).sort()).toEqual(
      [
        `${emma} CASE GRANTED CONSENT_GIVER case:${NILSEN}`,
        `${anneId} CASE GRANTED CONSENT_GIVER case:${NILSEN}`,
        `${emma} CASE GRANTED PARENTAL_RESPONSIBILITY case:${NILSEN}`,
        `${trond} CASE GRANTED PARENTAL_RESPONSIBILITY case:${NILSEN}`,
      ].sort(),
    );
    expect(anne.log.every((x) => x.actorId === `login-${anneId}` && x.actorService === "citizen")).toBe(true);

    const line = await run(citizen(person("berg", "Line")), `query { myConsents { id } }`);
    expect(line.errors).toBeUndefined();
    const BERG = demoCaseId("berg");
    expect(line.log.map(entry).sort()).toEqual(
      [
        `${person("berg", "Line")} CASE GRANTED SELF case:${BERG}`,
        `${person("berg", "Ida")} CASE GRANTED CONSENT_GIVER case:${BERG}`,
        `${person("berg", "Line")} CASE GRANTED CONSENT_GIVER case:${BERG}`,
        // Geir's consent as guardian for Mats: Line holds parental responsibility for Mats too.
        `${person("berg", "Mats")} CASE GRANTED PARENTAL_RESPONSIBILITY case:${BERG}`,
        `${person("berg", "Geir")} CASE GRANTED PARENTAL_RESPONSIBILITY case:${BERG}`,
      ].sort(),
    );
  });

  it("releases nothing when the access log cannot be written", async () => {
    logDown = true;
    try {
      for (const [caller, query, variables] of [
        [employee("nav-veileder-1"), LIST, { caseId: HAUGLAND }],
        [citizen(person("nilsen", "Emma")), MINE, {}],
      ] as const) {
        const r = await run(caller, query, variables);
        expect(codeOf(r)).toBe("ACCESS_LOG_UNAVAILABLE");
        expect(r.data).toBeNull();
        expect(JSON.stringify(r)).not.toMatch(/cn-/);
      }
    } finally {
      logDown = false;
    }
  });

  it("withdraws even when the log of the answer cannot be written: an unwritable log keeps no consent in force", async () => {
    const granted = await run<{ grantConsent: ConsentOut }>(employee("nav-veileder-1"), FORM, { input: { ...noahSchool(), services: ["SKOLE"], childView: null } });
    expect(granted.errors).toBeUndefined();
    const id = granted.data!.grantConsent.id;
    const before = bumps;
    logDown = true;
    try {
      expect(codeOf(await run(employee("nav-veileder-1"), WITHDRAW, { id }))).toBe("ACCESS_LOG_UNAVAILABLE");
    } finally {
      logDown = false;
    }
    expect((await db.consent.findUniqueOrThrow({ where: { id } })).withdrawnAt).not.toBeNull();
    // The epoch moves before the write and after the commit.
    expect(bumps - before).toBe(2);
  });
});

describe("grantConsent", () => {
  it("records a guardian's consent for a young child, moves the consent epoch before the write and after the commit, and lists it", async () => {
    const before = bumps;
    const { givenById: _sara, ...input } = noahSchool();
    const r = await run<{ grantConsent: ConsentOut }>(citizen(person("haugland", "Sara")), GRANT, { input });
    expect(r.errors).toBeUndefined();
    const c = r.data!.grantConsent;
    expect(c).toMatchObject({
      decision: "PERMIT",
      capacity: "GUARDIAN",
      services: ["HELSE"],
      categories: ["INVOLVEMENT"],
      recordedBy: person("haugland", "Sara"),
      givenBy: { id: person("haugland", "Sara") },
      active: true,
      validTo: null,
      childView: null,
    });
    expect(c.id).toMatch(/^cn-[0-9bcdfghjklmnpqrstvwxz]{12}$/);
    expect(bumps - before).toBe(2);
    const list = await run<{ consents: ConsentOut[] }>(employee("nav-veileder-1"), LIST, { caseId: HAUGLAND });
    expect(list.data!.consents.map((x) => x.id)).toContain(c.id);
  });

  it("is not an employee's to give: an employee records the signed form, which counts only once a second member attests it (issue 17)", async () => {
    // The finding: an employee 'gave' Sara's consent as Sara herself, and read her data everywhere.
    const asSara = { ...noahSchool(), subjectId: person("haugland", "Sara"), givenById: person("haugland", "Sara"), capacity: "SELF", services: ["HELSE"] };
    expect(errorOf(await run(employee("nav-veileder-1"), GRANT, { input: asSara }))).toMatchObject({ message: expect.stringMatching(/recordConsentForm/), extensions: { code: "FORBIDDEN" } });
    expect(codeOf(await run(citizen(person("haugland", "Sara")), FORM, { input: { ...asSara, givenById: undefined } }))).toBe("FORBIDDEN");

    const before = bumps;
    const recorded = await run<{ grantConsent: ConsentOut & { channel: string; pending: boolean; formReference: string } }>(employee("nav-veileder-1"), FORM, { input: asSara });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.grantConsent).toMatchObject({ channel: "PAPER_FORM", pending: true, active: false, effectiveServices: [], formReference: "Samtykkeskjema, testarkiv 1", recordedBy: "nav-veileder-1" });
    const id = recorded.data!.grantConsent.id;
    // The recorder alone can do nothing more with it.
    expect(codeOf(await run(employee("nav-veileder-1"), ATTEST, { id }))).toBe("FORBIDDEN");
    // Nor can someone outside the case: the consent answers as unknown.
    expect(codeOf(await run(employee("barnevern-saksbehandler-2"), ATTEST, { id }))).toBe("NOT_FOUND");
    const attested = await run<{ attestConsent: ConsentOut & { pending: boolean; attestedBy: string } }>(employee("helse-helsesykepleier-2"), ATTEST, { id });
    expect(attested.errors).toBeUndefined();
    expect(attested.data!.attestConsent).toMatchObject({ pending: false, active: true, attestedBy: "helse-helsesykepleier-2", effectiveServices: ["HELSE"] });
    expect(bumps - before).toBe(4);
    expect(codeOf(await run(employee("frivillighet-koordinator-1"), ATTEST, { id }))).toBe("CONFLICT");
    await run(citizen(person("haugland", "Sara")), WITHDRAW, { id });
  });

  it("requires the child's own view from 7", async () => {
    const input = { ...noahSchool(), subjectId: person("haugland", "Jonas"), services: ["SKOLE"] };
    expect(codeOf(await run(employee("nav-veileder-1"), FORM, { input }))).toBe("CHILD_VIEW_MISSING");
    expect(codeOf(await run(employee("nav-veileder-1"), FORM, { input: { ...input, childView: "   " } }))).toBe("CHILD_VIEW_MISSING");
    const ok = await run<{ grantConsent: ConsentOut }>(employee("nav-veileder-1"), FORM, {
      input: { ...input, childView: "  Greit for meg.  " },
    });
    expect(ok.data!.grantConsent.childView).toBe("Greit for meg.");
  });

  it("refuses a parent without parental responsibility", async () => {
    const input = { ...noahSchool(), givenById: person("haugland", "Kristian") };
    const r = await run(employee("nav-veileder-1"), FORM, { input });
    expect(codeOf(r)).toBe("NOT_COMPETENT");
    expect(r.errors![0]!.message).toMatch(/parental responsibility/);
  });

  it("from 16 the youth decides about HELSE: a parent cannot include it, Emma can give it herself", async () => {
    const parents = {
      caseId: NILSEN,
      subjectId: person("nilsen", "Emma"),
      givenById: person("nilsen", "Anne"),
      capacity: "GUARDIAN",
      services: ["SKOLE", "HELSE"],
      categories: ["INVOLVEMENT"],
      childView: "Ok.",
    };
    const r = await run(employee("skole-ungdomslos-1"), FORM, { input: parents });
    expect(codeOf(r)).toBe("NOT_COMPETENT");
    expect(r.errors![0]!.message).toMatch(/separately/);
    expect(r.errors![0]!.message).not.toContain(person("nilsen", "Emma"));

    const own = await run<{ grantConsent: ConsentOut }>(citizen(person("nilsen", "Emma")), GRANT, {
      input: { caseId: NILSEN, subjectId: person("nilsen", "Emma"), capacity: "SELF", services: ["HELSE"], categories: ["STAFETTLOGG"] },
    });
    expect(own.errors).toBeUndefined();
    expect(own.data!.grantConsent).toMatchObject({
      givenBy: { id: person("nilsen", "Emma") },
      recordedBy: person("nilsen", "Emma"),
      capacity: "SELF",
    });
    // …but not for school: her parents decide that until she is 18.
    const school = await run(citizen(person("nilsen", "Emma")), GRANT, {
      input: { caseId: NILSEN, subjectId: person("nilsen", "Emma"), capacity: "SELF", services: ["SKOLE"], categories: ["INVOLVEMENT"] },
    });
    expect(codeOf(school)).toBe("NOT_COMPETENT");
  });

  it("lets a citizen record only what they give themselves", async () => {
    const r = await run(citizen(person("nilsen", "Emma")), GRANT, {
      input: {
        caseId: NILSEN,
        subjectId: person("nilsen", "Emma"),
        givenById: person("nilsen", "Anne"),
        capacity: "GUARDIAN",
        services: ["SKOLE"],
        categories: ["INVOLVEMENT"],
        childView: "Ok.",
      },
    });
    expect(codeOf(r)).toBe("FORBIDDEN");
  });

  it("validates the input", async () => {
    const as = employee("nav-veileder-1");
    const base = { ...noahSchool(), services: ["SKOLE"] };
    const bad = async (input: Record<string, unknown>) => codeOf(await run(as, FORM, { input: { ...base, ...input } }));
    // An unknown category is refused by the schema (DataCategory) before the resolver runs; the gateway adds BAD_USER_INPUT (test/e2e/access-log-api.test.ts).
    const unknownCategory = errorOf(await run(as, FORM, { input: { ...base, categories: ["DIAGNOSES"] } }));
    expect(unknownCategory?.message).toMatch(/Value "DIAGNOSES" does not exist in "DataCategory" enum/);
    expect(await bad({ categories: [] })).toBe("BAD_USER_INPUT");
    expect(await bad({ services: [] })).toBe("BAD_USER_INPUT");
    expect(await bad({ services: ["FAMILY"] })).toBe("BAD_USER_INPUT");
    const badPeriod = async (input: Record<string, unknown>) => errorOf(await run(as, FORM, { input: { ...base, ...input } }));
    // From now by default, so a validTo already past ends before it starts.
    expect(await badPeriod({ validTo: fromToday(-30) })).toMatchObject({ message: expect.stringMatching(/after validFrom/), extensions: { code: "BAD_USER_INPUT", field: "validTo" } });
    expect(await badPeriod({ validFrom: fromToday(98), validTo: fromToday(70) })).toMatchObject({ message: expect.stringMatching(/after validFrom/), extensions: { code: "BAD_USER_INPUT" } });
    expect(await badPeriod({ validFrom: fromToday(-60), validTo: fromToday(-1) })).toMatchObject({ message: expect.stringMatching(/in the past/), extensions: { code: "BAD_USER_INPUT", field: "validTo" } });
    expect(await bad({ givenById: null })).toBe("BAD_USER_INPUT");
    expect(await bad({ note: "x".repeat(2001) })).toBe("BAD_USER_INPUT");
    expect(await bad({ subjectId: "p-nosuchperson" })).toBe("NOT_FOUND");
    expect(await bad({ givenById: "p-nosuchperson" })).toBe("NOT_FOUND");
    expect(await bad({ caseId: "c-nosuchcase0" })).toBe("NOT_FOUND");
    // Known person, but not a subject of this case.
    expect(await bad({ subjectId: person("haugland", "Kristian"), givenById: person("haugland", "Kristian"), capacity: "SELF" })).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("saves nothing when the consent epoch cannot be moved before the write, and says so", async () => {
    const rows = await db.consent.count();
    const start = bumps;
    epochFails = (n) => n === start + 1;
    try {
      const r = await run(employee("helse-helsesykepleier-2"), FORM, { input: { ...noahSchool(), services: ["FRIVILLIGHET"] } });
      expect(codeOf(r)).toBe("CACHE_INVALIDATION_FAILED");
      expect(r.errors![0]!.extensions).toMatchObject({ saved: false });
      expect(r.errors![0]!.message).toMatch(/was not saved.*try again/);
    } finally {
      epochFails = null;
    }
    expect(await db.consent.count()).toBe(rows);
  });

  it("keeps a committed consent when the epoch cannot be moved afterwards, and answers with its id so it is not sent twice", async () => {
    const rows = await db.consent.count();
    const start = bumps;
    // The move before the write works; every move after the commit fails (the first try and its retries).
    epochFails = (n) => n === start + 2;
    let consentId: string;
    try {
      const r = await run(employee("helse-helsesykepleier-2"), FORM, { input: { ...noahSchool(), services: ["NAV"] } });
      expect(codeOf(r)).toBe("CACHE_INVALIDATION_FAILED");
      expect(r.errors![0]!.extensions).toMatchObject({ saved: true, caseId: HAUGLAND, consentId: expect.stringMatching(/^cn-/) });
      expect(r.errors![0]!.message).toMatch(/is saved.*Do not send it again/);
      consentId = r.errors![0]!.extensions!.consentId as string;
    } finally {
      epochFails = null;
    }
    // …and keeps trying in the background until the epoch has moved.
    const failedAt = bumps;
    await vi.waitFor(() => expect(bumps).toBeGreaterThan(failedAt), { timeout: 6_000, interval: 100 });
    // waitFor moves the faked clock along while it waits; the other tests expect DEMO_TODAY noon.
    vi.setSystemTime(new Date(`${DEMO_TODAY}T12:00:00.000Z`));
    expect(await db.consent.count()).toBe(rows + 1);
    const list = await run<{ consents: ConsentOut[] }>(employee("nav-veileder-1"), LIST, { caseId: HAUGLAND });
    expect(list.data!.consents.map((x) => x.id)).toContain(consentId);
  });

  it("writes nothing and bumps nothing when it fails", async () => {
    const before = { rows: await db.consent.count(), bumps };
    await run(employee("nav-veileder-1"), FORM, { input: { ...noahSchool(), givenById: person("haugland", "Kristian") } });
    await run(employee("nav-veileder-1"), FORM, { input: { ...noahSchool(), categories: ["NOPE"] } });
    expect({ rows: await db.consent.count(), bumps }).toEqual(before);
  });

  it("refuses new consents in a closed case", async () => {
    const input = {
      caseId: SANDVIK,
      subjectId: person("sandvik", "Lars"),
      capacity: "GUARDIAN",
      services: ["SKOLE"],
      categories: ["INVOLVEMENT"],
      childView: "Ok.",
    };
    // Lars is a subject of the closed case; his parents left it when it closed, so for them it is no case they take part in.
    expect(codeOf(await run(citizen(person("sandvik", "Lars")), GRANT, { input: { ...input, capacity: "SELF" } }))).toBe("CONFLICT");
    expect(codeOf(await run(citizen(person("sandvik", "Kari")), GRANT, { input }))).toBe("NOT_FOUND");
  });

  it("keeps a future validTo and reports it", async () => {
    const validTo = fromToday(219);
    const r = await run<{ grantConsent: ConsentOut }>(employee("nav-veileder-1"), FORM, {
      input: { ...noahSchool(), services: ["FRIVILLIGHET"], validTo },
    });
    expect(r.errors).toBeUndefined();
    expect(new Date(r.data!.grantConsent.validTo!).toISOString()).toBe(validTo);

    // A refusal may follow it, but not overlap it.
    const sara = citizen(person("haugland", "Sara"));
    const refusal = { caseId: HAUGLAND, subjectId: person("haugland", "Noah"), capacity: "GUARDIAN", services: ["FRIVILLIGHET"] };
    expect(codeOf(await run(sara, REFUSE, { input: { ...refusal, validFrom: fromToday(190) } }))).toBe("CONFLICT");
    const after = await run(sara, REFUSE, { input: { ...refusal, validFrom: validTo } });
    expect(after.errors).toBeUndefined();
  });
});

describe("refuseConsent and a change of mind", () => {
  it("records a refusal with the reason, under the same competence rules", async () => {
    const input = {
      caseId: HAUGLAND,
      subjectId: person("haugland", "Noah"),
      capacity: "GUARDIAN",
      services: ["BARNEVERN"],
      note: "Barnevernet bare i møtene.",
    };
    const r = await run<{ refuseConsent: ConsentOut }>(citizen(person("haugland", "Sara")), REFUSE, { input });
    expect(r.errors).toBeUndefined();
    expect(r.data!.refuseConsent).toMatchObject({
      decision: "DENY",
      categories: [...DATA_CATEGORIES],
      note: "Barnevernet bare i møtene.",
      givenBy: { id: person("haugland", "Sara") },
      active: true,
    });
    // Kristian has no parental responsibility: his refusal is not competent either. He takes no part in the case himself.
    const kristian = await run(employee("nav-veileder-1"), REFUSE, { input: { ...input, givenById: person("haugland", "Kristian") } });
    expect(codeOf(kristian)).toBe("NOT_COMPETENT");
    expect(codeOf(await run(citizen(person("haugland", "Kristian")), REFUSE, { input }))).toBe("NOT_FOUND");
    // A refusal about Jonas (13) needs his view too.
    const jonas = await run(citizen(person("haugland", "Sara")), REFUSE, { input: { ...input, subjectId: person("haugland", "Jonas") } });
    expect(codeOf(jonas)).toBe("CHILD_VIEW_MISSING");
  });

  it("will not record a consent that contradicts an active refusal; withdraw the refusal first", async () => {
    const sara = citizen(person("haugland", "Sara"));
    const input = { caseId: HAUGLAND, subjectId: person("haugland", "Sara"), capacity: "SELF", services: ["BARNEVERN"], categories: ["INVOLVEMENT"] };
    const clash = await run(sara, GRANT, { input });
    expect(codeOf(clash)).toBe("CONFLICT");
    expect(clash.errors![0]!.extensions?.conflictingConsentId).toBe(demoConsentId("haugland", "sara-barnevern"));

    const withdrawn = await run<{ withdrawConsent: ConsentOut }>(sara, WITHDRAW, { id: demoConsentId("haugland", "sara-barnevern") });
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawConsent).toMatchObject({ active: false, withdrawnBy: person("haugland", "Sara") });

    const granted = await run<{ grantConsent: ConsentOut }>(sara, GRANT, { input });
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantConsent.active).toBe(true);
  });
});

describe("withdrawConsent", () => {
  it("sets withdrawnAt and withdrawnBy once; a second withdrawal is a CONFLICT", async () => {
    const id = demoConsentId("moe", "sander");
    const before = bumps;
    const first = await run<{ withdrawConsent: ConsentOut }>(employee("nav-ungdom-1"), WITHDRAW, { id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.withdrawConsent).toMatchObject({ withdrawnBy: "nav-ungdom-1", active: false, effectiveServices: [] });
    expect(new Date(first.data!.withdrawConsent.withdrawnAt!).toISOString()).toBe(`${DEMO_TODAY}T12:00:00.000Z`);
    // Before the write and after the commit; a refused second withdrawal moves nothing.
    expect(bumps - before).toBe(2);
    expect(codeOf(await run(employee("nav-ungdom-1"), WITHDRAW, { id }))).toBe("CONFLICT");
    expect(codeOf(await run(citizen(person("moe", "Sander")), WITHDRAW, { id }))).toBe("CONFLICT");
    expect(bumps - before).toBe(2);
  });

  it("lets the person, the giver and a guardian with parental responsibility withdraw as citizens (issue 17)", async () => {
    const give = async () => {
      const r = await run<{ grantConsent: ConsentOut }>(citizen(person("nilsen", "Anne")), GRANT, {
        input: { caseId: NILSEN, subjectId: person("nilsen", "Emma"), capacity: "GUARDIAN", services: ["FRIVILLIGHET"], categories: ["INVOLVEMENT"], childView: "Greit." },
      });
      expect(r.errors).toBeUndefined();
      return r.data!.grantConsent.id;
    };
    for (const who of ["Emma", "Trond", "Anne"]) {
      const r = await run<{ withdrawConsent: ConsentOut }>(citizen(person("nilsen", who)), WITHDRAW, { id: await give() });
      expect(r.errors, who).toBeUndefined();
      expect(r.data!.withdrawConsent.withdrawnBy).toBe(person("nilsen", who));
    }
  });

  it("hides other people's consents from a citizen who may not withdraw them", async () => {
    const parents = demoConsentId("nilsen", "anne");
    const unknown = await run(citizen(person("berg", "Geir")), WITHDRAW, { id: "cn-nosuchconsent" });
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    expect(errorOf(await run(citizen(person("berg", "Geir")), WITHDRAW, { id: parents }))).toEqual(errorOf(unknown));
    // An employee outside the case learns no more about the consent than about an unknown id.
    expect(errorOf(await run(employee("nav-veileder-1"), WITHDRAW, { id: parents }))).toEqual(errorOf(unknown));
    expect(errorOf(await run(employee("nav-veileder-1"), WITHDRAW, { id: "cn-nosuchconsent" }))).toEqual(errorOf(unknown));
    expect((await db.consent.findUniqueOrThrow({ where: { id: parents } })).withdrawnAt).toBeNull();
  });
});

describe("the cache-invalidation hook", () => {
  it("falls back to the kit's invalidateDecisions when no consentChanged hook is set", async () => {
    let invalidated = 0;
    const context = {
      requestId: "test",
      caller: employee("nav-veileder-1"),
      purpose: null,
      loaders: samhandlingLoaders(db, facts),
      access: accessFor(employee("nav-veileder-1"), "test-fallback"),
      invalidateDecisions: async () => {
        invalidated += 1;
      },
    } as unknown as Context;
    const r = await graphql({ schema, source: FORM, variableValues: { input: { ...noahSchool(), services: ["NAV"], formReference: "Skjema 2" } }, contextValue: context });
    expect(r.errors).toBeUndefined();
    expect(invalidated).toBe(2);
  });
});

describe("myConsents", () => {
  it("gives a citizen the consents about them, those they gave, and those given as guardian about their child (issue 17)", async () => {
    const emma = await run<{ myConsents: ConsentOut[] }>(citizen(person("nilsen", "Emma")), MINE);
    expect(emma.errors).toBeUndefined();
    const ids = emma.data!.myConsents.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([demoConsentId("nilsen", "anne"), demoConsentId("nilsen", "trond"), demoConsentId("nilsen", "emma-helse")]));
    const line = await run<{ myConsents: ConsentOut[] }>(citizen(person("berg", "Line")), MINE);
    const lineIds = line.data!.myConsents.map((c) => c.id);
    // Geir's consent as guardian for Mats is about Line's child too: a guardian sees every consent given as guardian about their child.
    expect(lineIds).toEqual(expect.arrayContaining([demoConsentId("berg", "line"), demoConsentId("berg", "ida"), demoConsentId("berg", "mats")]));
    // Ida's own HELSE consent (she is 17) is hers alone.
    expect(lineIds).not.toContain(demoConsentId("berg", "ida-helse"));
    // Geir's own consent is about Geir.
    expect(lineIds).not.toContain(demoConsentId("berg", "geir"));
  });
});
