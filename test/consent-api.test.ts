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
import type { Caller } from "../services/kit/auth/caller.ts";
import { openDatabase, type Database } from "../services/kit/db/database.ts";
import { seedTables } from "../services/kit/db/seed.ts";
import { DEMO_TODAY, demoCaseId, demoConsentId, demoPersonId, fjordvik } from "../services/kit/demo/fjordvik.ts";
import { FamilyRef, PersonRef } from "../services/kit/entities.ts";
import { buildFederatedSchema } from "../services/kit/federation.ts";
import { createClient, samhandlingLoaders, type SamhandlingClient } from "../services/samhandling/data.ts";
import { demoPersonFacts, type PersonFactsSource } from "../services/samhandling/person-facts.ts";
import {
  CaseMemberResolver,
  CaseResolver,
  ConsentResolver,
  FamilyCasesResolver,
  PersonCasesResolver,
} from "../services/samhandling/resolvers.ts";
import type { Context } from "../services/samhandling/context.ts";

const employee = (sub: string): Caller => ({ kind: "actor", claims: { sub, name: sub, service: "nav", roles: ["caseworker"] } });
const citizen = (personId: string): Caller => ({
  kind: "actor",
  claims: { sub: `login-${personId}`, name: "Citizen", service: "citizen", roles: [], personId },
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
let factCalls = 0;

beforeAll(async () => {
  // The demo is written for DEMO_TODAY; Emma is 17 then. Only Date is faked.
  vi.useFakeTimers({ now: new Date(`${DEMO_TODAY}T12:00:00.000Z`), toFake: ["Date"] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consent-api-"));
  database = await openDatabase({
    service: "samhandling",
    port: 0,
    host: "127.0.0.1",
    databaseUrl: undefined,
    dataDir,
    syntheticFamilies: 0,
    syntheticSeed: 1,
    seedDemo: true,
  });
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
}

async function run<T = Record<string, unknown>>(caller: Caller | undefined, query: string, variables: Record<string, unknown> = {}) {
  // The consent resolvers read no personal data through the access guard, so the test leaves it out.
  const context = {
    requestId: "test",
    caller,
    purpose: null,
    loaders: samhandlingLoaders(db, facts),
    consentChanged: async () => {
      bumps += 1;
    },
    invalidateDecisions: async () => {
      throw new Error("consentChanged is set: invalidateDecisions must not be called as well");
    },
  } as unknown as Context;
  return (await graphql({ schema, source: query, variableValues: variables, contextValue: context })) as Result<T>;
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
const REFUSE = `mutation ($input: RefuseConsentInput!) { refuseConsent(input: $input) { ${CONSENT_FIELDS} } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { ${CONSENT_FIELDS} } }`;
const LIST = `query ($caseId: ID!) { consents(caseId: $caseId) { ${CONSENT_FIELDS} } }`;
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

  it("a citizen token without a person id is refused", async () => {
    const noPerson: Caller = { kind: "actor", claims: { sub: "x", name: "x", service: "citizen", roles: [] } };
    expect(codeOf(await run(noPerson, MINE))).toBe("FORBIDDEN");
  });

  it("an employee must be an active member of the case", async () => {
    expect(codeOf(await run(employee("barnevern-saksbehandler-2"), LIST, { caseId: HAUGLAND }))).toBe("FORBIDDEN");
    // Left the case when the baton moved on.
    expect(codeOf(await run(employee("skole-kontaktlaerer-4"), LIST, { caseId: NILSEN }))).toBe("FORBIDDEN");
    expect(codeOf(await run(employee("nav-veileder-1"), LIST, { caseId: "c-nosuchcase0" }))).toBe("NOT_FOUND");
    expect(codeOf(await run(employee("barnevern-saksbehandler-2"), GRANT, { input: noahSchool() }))).toBe("FORBIDDEN");
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
      services: ["NAV", "SKOLE"],
      active: true,
      effectiveServices: ["NAV", "SKOLE"],
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
    // A citizen who takes no part in the case.
    expect(codeOf(await run(citizen(person("berg", "Geir")), LIST, { caseId: NILSEN }))).toBe("FORBIDDEN");
  });
});

describe("grantConsent", () => {
  it("records a guardian's consent for a young child, bumps the cache once, and lists it", async () => {
    const before = bumps;
    const r = await run<{ grantConsent: ConsentOut }>(employee("helse-helsesykepleier-2"), GRANT, { input: noahSchool() });
    expect(r.errors).toBeUndefined();
    const c = r.data!.grantConsent;
    expect(c).toMatchObject({
      decision: "PERMIT",
      capacity: "GUARDIAN",
      services: ["HELSE"],
      categories: ["INVOLVEMENT"],
      recordedBy: "helse-helsesykepleier-2",
      active: true,
      validTo: null,
      childView: null,
    });
    expect(c.id).toMatch(/^cn-[0-9bcdfghjklmnpqrstvwxz]{12}$/);
    expect(bumps - before).toBe(1);
    const list = await run<{ consents: ConsentOut[] }>(employee("nav-veileder-1"), LIST, { caseId: HAUGLAND });
    expect(list.data!.consents.map((x) => x.id)).toContain(c.id);
  });

  it("requires the child's own view from 7", async () => {
    const input = { ...noahSchool(), subjectId: person("haugland", "Jonas"), services: ["SKOLE"] };
    expect(codeOf(await run(employee("nav-veileder-1"), GRANT, { input }))).toBe("CHILD_VIEW_MISSING");
    expect(codeOf(await run(employee("nav-veileder-1"), GRANT, { input: { ...input, childView: "   " } }))).toBe("CHILD_VIEW_MISSING");
    const ok = await run<{ grantConsent: ConsentOut }>(employee("nav-veileder-1"), GRANT, {
      input: { ...input, childView: "  Greit for meg.  " },
    });
    expect(ok.data!.grantConsent.childView).toBe("Greit for meg.");
  });

  it("refuses a parent without parental responsibility", async () => {
    const input = { ...noahSchool(), givenById: person("haugland", "Kristian") };
    const r = await run(employee("nav-veileder-1"), GRANT, { input });
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
    const r = await run(employee("skole-ungdomslos-1"), GRANT, { input: parents });
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
    const bad = async (input: Record<string, unknown>) => codeOf(await run(as, GRANT, { input: { ...base, ...input } }));
    expect(await bad({ categories: ["DIAGNOSES"] })).toBe("BAD_USER_INPUT");
    expect(await bad({ categories: [] })).toBe("BAD_USER_INPUT");
    expect(await bad({ services: [] })).toBe("BAD_USER_INPUT");
    expect(await bad({ services: ["FAMILY"] })).toBe("BAD_USER_INPUT");
    expect(await bad({ validTo: "2026-01-01T00:00:00Z" })).toBe("BAD_USER_INPUT");
    expect(await bad({ validFrom: "2027-03-01T00:00:00Z", validTo: "2027-02-01T00:00:00Z" })).toBe("BAD_USER_INPUT");
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

  it("writes nothing and bumps nothing when it fails", async () => {
    const before = { rows: await db.consent.count(), bumps };
    await run(employee("nav-veileder-1"), GRANT, { input: { ...noahSchool(), givenById: person("haugland", "Kristian") } });
    await run(employee("nav-veileder-1"), GRANT, { input: { ...noahSchool(), categories: ["NOPE"] } });
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
    // Lars is a subject of the closed case; his parents left it when it closed.
    expect(codeOf(await run(citizen(person("sandvik", "Lars")), GRANT, { input: { ...input, capacity: "SELF" } }))).toBe("CONFLICT");
    expect(codeOf(await run(citizen(person("sandvik", "Kari")), GRANT, { input }))).toBe("FORBIDDEN");
  });

  it("keeps a future validTo and reports it", async () => {
    const r = await run<{ grantConsent: ConsentOut }>(employee("nav-veileder-1"), GRANT, {
      input: { ...noahSchool(), services: ["FRIVILLIGHET"], validTo: "2027-06-30T00:00:00Z" },
    });
    expect(r.errors).toBeUndefined();
    expect(new Date(r.data!.grantConsent.validTo!).toISOString()).toBe("2027-06-30T00:00:00.000Z");

    // A refusal may follow it, but not overlap it.
    const sara = citizen(person("haugland", "Sara"));
    const refusal = { caseId: HAUGLAND, subjectId: person("haugland", "Noah"), capacity: "GUARDIAN", services: ["FRIVILLIGHET"] };
    expect(codeOf(await run(sara, REFUSE, { input: { ...refusal, validFrom: "2027-06-01T00:00:00Z" } }))).toBe("CONFLICT");
    const after = await run(sara, REFUSE, { input: { ...refusal, validFrom: "2027-06-30T00:00:00Z" } });
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
    expect(codeOf(await run(citizen(person("haugland", "Kristian")), REFUSE, { input }))).toBe("FORBIDDEN");
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
    expect(bumps - before).toBe(1);
    expect(codeOf(await run(employee("nav-ungdom-1"), WITHDRAW, { id }))).toBe("CONFLICT");
    expect(codeOf(await run(citizen(person("moe", "Sander")), WITHDRAW, { id }))).toBe("CONFLICT");
    expect(bumps - before).toBe(1);
  });

  it("lets only the giver withdraw as a citizen, and hides other people's consents", async () => {
    const parents = demoConsentId("nilsen", "anne");
    expect(codeOf(await run(citizen(person("nilsen", "Emma")), WITHDRAW, { id: parents }))).toBe("FORBIDDEN");
    expect(codeOf(await run(citizen(person("berg", "Geir")), WITHDRAW, { id: parents }))).toBe("NOT_FOUND");
    expect(codeOf(await run(citizen(person("berg", "Geir")), WITHDRAW, { id: "cn-nosuchconsent" }))).toBe("NOT_FOUND");
    expect(codeOf(await run(employee("nav-veileder-1"), WITHDRAW, { id: parents }))).toBe("FORBIDDEN");
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
      invalidateDecisions: async () => {
        invalidated += 1;
      },
    } as unknown as Context;
    const r = await graphql({ schema, source: GRANT, variableValues: { input: { ...noahSchool(), services: ["NAV"] } }, contextValue: context });
    expect(r.errors).toBeUndefined();
    expect(invalidated).toBe(1);
  });
});

describe("myConsents", () => {
  it("gives a citizen the consents about them and those they gave", async () => {
    const emma = await run<{ myConsents: ConsentOut[] }>(citizen(person("nilsen", "Emma")), MINE);
    expect(emma.errors).toBeUndefined();
    const ids = emma.data!.myConsents.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([demoConsentId("nilsen", "anne"), demoConsentId("nilsen", "trond"), demoConsentId("nilsen", "emma-helse")]));
    const line = await run<{ myConsents: ConsentOut[] }>(citizen(person("berg", "Line")), MINE);
    const lineIds = line.data!.myConsents.map((c) => c.id);
    expect(lineIds).toEqual(expect.arrayContaining([demoConsentId("berg", "line"), demoConsentId("berg", "ida")]));
    // Ida's own HELSE consent and Geir's consent for Mats are neither about Line nor given by her.
    expect(lineIds).not.toContain(demoConsentId("berg", "ida-helse"));
    expect(lineIds).not.toContain(demoConsentId("berg", "mats"));
  });
});
