// The conformance suite's writes: every view service in the catalog, the same
// contract for its write API (services/kit/writes/), through the gateway:
// its own machine client and its own staff write (staff while active in
// samhandling's employee directory, issue 17); another service's client and
// staff, its auditor, a deactivated staff member, a citizen and the anonymous
// are refused, logged, and change nothing; a write is idempotent; what was written appears in the
// case's view exactly as the consent rules allow (nothing without consent,
// the fact and whom to call under INVOLVEMENT, everything under SERVICE_DATA,
// and the same restricted answer as before once the consent is withdrawn);
// an involvement started under a case's INVOLVEMENT consent signals the case's
// stafettholder. Nothing here is written per service: the operations and
// their inputs come from the public schema, the persons from the seed.
import fs from "node:fs";
import path from "node:path";
import { buildSchema, getNamedType, getNullableType, isEnumType, isInputObjectType, isNonNullType, type GraphQLInputObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { serviceEntry, VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { recordInputName } from "../../services/kit/writes/names.ts";
import { demoWorld } from "../../demo/index.ts";
import { loadServiceDemo } from "../../demo/service-demo.ts";
import { demoPersons } from "../../demo/fjordvik.ts";
import { writeDocument } from "../../scripts/lib/integration-files.ts";
import { asUser, gateway, type GraphQLResponse } from "../support/graphql.ts";
import { asMachine } from "../support/machines.ts";
import { openCase } from "../support/tasks.ts";
import { ageOn } from "../support/oracle.ts";
import { personIdsIn, viewFields } from "../support/views.ts";

const ACTOR = "kriminalomsorg-koordinator-1";
const RUN = Date.now().toString(36);
const schema = buildSchema(fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8"));

// Per service, an adult of the seeded synthetic families whom the service holds nothing about,
// from the end of the register (the other suites take theirs from the front), each one once.
const seeded = demoWorld({ syntheticFamilies: 30, syntheticSeed: Number(process.env.SEED_SYNTHETIC_SEED ?? 1) });
const holds = Object.fromEntries(
  await Promise.all(VIEW_SERVICES.map(async (s) => [s, personIdsIn((await loadServiceDemo(s)).rows(seeded))] as const)),
) as Record<ViewService, Set<string>>;
const demoIds = new Set(demoPersons.map((p) => p.personId));
const inCases = new Set(seeded.samhandling.caseSubject.map((s) => s.personId));
const adults = seeded.registry.person
  .filter((p) => !demoIds.has(p.id!) && !inCases.has(p.id!) && ageOn(new Date(p.birthDate).toISOString().slice(0, 10), new Date()) >= 20)
  .map((p) => p.id!)
  .reverse();
const taken = new Set<string>();
const subjectOf = Object.fromEntries(
  VIEW_SERVICES.map((s) => {
    const id = adults.find((p) => !holds[s].has(p) && !taken.has(p));
    if (!id) throw new Error(`no seeded adult that ${s} holds nothing about; does federation.setup still seed 30 synthetic families?`);
    taken.add(id);
    return [s, id];
  }),
) as Record<ViewService, string>;

const other = (service: ViewService) => VIEW_SERVICES.find((s) => s !== service)!;

interface Batch {
  written: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  results: { index: number; operation: string; personId: string | null; outcome: string | null; refusal: { code: string } | null }[];
}

/** The write call as a journal system sends it: the service's trusted document. */
function write(service: ViewService, records: unknown[], headers: Record<string, string>, dryRun = false): Promise<GraphQLResponse<Record<string, Batch>>> {
  return gateway<Record<string, Batch>>(writeDocument(service), { records, dryRun }, headers);
}

async function written(service: ViewService, records: unknown[], headers: Record<string, string>, dryRun = false): Promise<Batch> {
  const res = await write(service, records, headers, dryRun);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

const outcomes = (batch: Batch) => batch.results.map((r) => r.outcome);

type View = { access: { status: string; reason: string; basis: string | null; basisReference: string | null } } & Record<string, unknown>;

/** The subject as the case's coordinator sees it in the case: the raw answer and the view. */
async function seen(service: ViewService, caseId: string): Promise<{ raw: string; view: View }> {
  const res = await gateway<{ person: Record<string, View> }>(
    `query ($id: ID!) { person(id: $id) { ${service} { access { status reason basis basisReference } ${viewFields(service)} } } }`,
    { id: subjectOf[service] },
    await asUser(ACTOR, caseId),
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { raw: res.raw, view: res.data!.person[service]! };
}

/** An ansvarsgruppe about the person, from a referral (issue 17: a case starts from a task); the opener holds the baton. */
async function openCaseAbout(personId: string): Promise<string> {
  return (await openCase(await asUser(ACTOR), { kind: "ANSVARSGRUPPE", title: "Konformans: skriving", subjectIds: [personId] })).id;
}

/** The subject consents to `service`'s `categories` themself, signed in as themself; the consent's id. */
async function consent(service: ViewService, caseId: string, categories: string[]): Promise<string> {
  const personId = subjectOf[service];
  const res = await gateway<{ grantConsent: { id: string } }>(
    `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    { input: { caseId, subjectId: personId, givenById: personId, capacity: "SELF", services: [service.toUpperCase()], categories, note: "konformans" } },
    await asUser(personId, caseId),
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.grantConsent.id;
}

async function withdraw(service: ViewService, caseId: string, id: string): Promise<void> {
  const res = await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id }, await asUser(subjectOf[service], caseId));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
}

interface Signal {
  service: string;
  person: { id: string };
  frontDoor: { name: string; phone: string };
}

async function signals(caseId: string, as = ACTOR): Promise<Signal[] | null> {
  const res = await gateway<{ case: { involvementSignals: Signal[] | null } }>(
    `query ($id: ID!) { case(id: $id) { involvementSignals { service person { id } frontDoor { name phone } } } }`,
    { id: caseId },
    await asUser(as, caseId),
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.case.involvementSignals;
}

/** An administrator of the service sets an employee's directory entry active or not; the entry's state after. */
async function setActive(admin: Record<string, string>, actorId: string, active: boolean): Promise<boolean> {
  const res = await gateway<{ setEmployeeActive: { active: boolean } }>(
    `mutation ($a: ID!, $on: Boolean!) { setEmployeeActive(actorId: $a, active: $on) { active } }`,
    { a: actorId, on: active },
    admin,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.setEmployeeActive.active;
}

/** A value for a required input field, from its type alone. */
function sample(type: GraphQLInputObjectType, personId: string, sourceId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    if (!isNonNullType(field.type)) continue;
    const named = getNamedType(field.type);
    if (field.name === "personId") out[field.name] = personId;
    else if (field.name === "sourceSystem") out[field.name] = "konformans";
    else if (field.name === "sourceId") out[field.name] = sourceId;
    else if (isEnumType(named)) out[field.name] = named.getValues()[0]!.name;
    else if (isInputObjectType(named)) out[field.name] = sample(named, personId, sourceId);
    else out[field.name] = { String: "Konformans", ID: personId, Date: "2026-01-01", Int: 1, Float: 1.5, Boolean: false }[named.name];
  }
  return out;
}

/** The service's own kinds of records: the record input's operations but the kit's involvement and the ends. */
function ownOperations(service: ViewService): { field: string; type: GraphQLInputObjectType }[] {
  const input = schema.getType(recordInputName(service)) as GraphQLInputObjectType;
  return Object.values(input.getFields())
    .filter((f) => !/Involvement$/.test(f.name) && !/^end[A-Z]/.test(f.name))
    .map((f) => ({ field: f.name, type: getNullableType(f.type) as GraphQLInputObjectType }));
}
const endable = (service: ViewService, field: string) => `end${field[0]!.toUpperCase()}${field.slice(1)}` in (schema.getType(recordInputName(service)) as GraphQLInputObjectType).getFields();

describe.each(VIEW_SERVICES)("conformance: %s's write API", (service) => {
  it("writes for its own system and staff only, idempotently and logged, and shows what it wrote exactly as the rules allow", async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const personId = subjectOf[service];
    const caseId = await openCaseAbout(personId);
    const involvement = (extra: Record<string, unknown> = {}) => ({
      startInvolvement: { sourceSystem: "konformans", sourceId: `${service}-${RUN}`, personId, startedOn: "2026-01-01", contact: { name: "Kontakt i konformanstesten", role: "kontaktperson" }, ...extra },
    });
    const end = (field: string, sourceId: string) => ({ [field]: { sourceSystem: "konformans", sourceId, personId, endedOn: "2026-02-01" } });
    const machine = await asMachine(service);
    const restricted = await seen(service, caseId);
    expect(restricted.view.access).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT", basis: null, basisReference: null });

    // Refused: another service's system and staff, its own auditor, a citizen (the very person), the anonymous — logged, nothing written.
    const refused: [Record<string, string>, string][] = [
      [await asMachine(other(service)), "NOT_OWN_SERVICE"],
      [await asUser(`${other(service)}-vikar-1`), "NOT_OWN_SERVICE"],
      [await asUser(`${service}-auditor`), "AUDITOR"],
      [await asUser(personId), "NOT_OWN_SERVICE"],
      [{}, "UNAUTHENTICATED"],
    ];
    for (const [headers] of refused) {
      const res = await write(service, [involvement()], headers);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe("FORBIDDEN");
      expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ""] ?? null).toBeNull();
    }

    // Its own system registers the involvement before any consent: nothing shows, no signal.
    expect(outcomes(await written(service, [involvement()], machine))).toEqual(["CREATED"]);
    expect(await signals(caseId)).toEqual([]);
    expect((await seen(service, caseId)).raw).toBe(restricted.raw);

    // A paper form recorded by a member and attested by no one is not the person's act (issue 17): it covers nothing and signals nothing.
    const form = await gateway(
      `mutation ($input: RecordConsentFormInput!) { recordConsentForm(input: $input) { id } }`,
      { input: { caseId, subjectId: personId, givenById: personId, capacity: "SELF", services: [service.toUpperCase()], categories: ["INVOLVEMENT"], formReference: "Samtykkeskjema, konformans" } },
      await asUser(ACTOR, caseId),
    );
    expect(form.errors, JSON.stringify(form.errors)).toBeUndefined();
    expect(outcomes(await written(service, [end("endInvolvement", `${service}-${RUN}`)], machine))).toEqual(["UPDATED"]);
    expect(outcomes(await written(service, [involvement()], machine))).toEqual(["UPDATED"]);
    expect(await signals(caseId)).toEqual([]);
    expect((await seen(service, caseId)).raw).toBe(restricted.raw);

    // Under an INVOLVEMENT consent: the fact and whom to call, no content.
    const involvementConsent = await consent(service, caseId, ["INVOLVEMENT"]);
    const hint = (await seen(service, caseId)).view;
    expect(hint.access).toEqual({ status: "INVOLVEMENT_ONLY", reason: "CONSENT", basis: "CONSENT", basisReference: involvementConsent });
    expect(hint.involved).toBe(true);
    expect(hint.contact).toEqual(expect.objectContaining({ name: expect.any(String) }));
    for (const [key, value] of Object.entries(hint)) if (!["access", "involved", "contact"].includes(key)) expect(value, `${service}.${key}`).toBeNull();

    // Ended and started again while the consent covers it: the case's stafettholder is told — the fact and the front door.
    expect(outcomes(await written(service, [end("endInvolvement", `${service}-${RUN}`)], machine))).toEqual(["UPDATED"]);
    expect((await seen(service, caseId)).view.involved).toBe(false);
    expect(outcomes(await written(service, [involvement()], machine))).toEqual(["UPDATED"]);
    const door = serviceEntry(service).frontDoor!;
    const signal = { service: service.toUpperCase(), person: { id: personId }, frontDoor: { name: door.name, phone: door.phone } };
    expect(await signals(caseId)).toEqual([signal]);
    // The same write again changes nothing and says so; no second signal.
    const again = await written(service, [involvement()], machine);
    expect({ written: again.written, unchanged: again.unchanged, outcomes: outcomes(again) }).toEqual({ written: true, unchanged: 1, outcomes: ["UNCHANGED"] });
    expect(await signals(caseId)).toEqual([signal]);
    // Only the stafettholder sees signals: the subject, in the case, gets null.
    expect(await signals(caseId, personId)).toBeNull();

    // Its own staff write its own kinds of records; a dry run first writes nothing.
    const dataConsent = await consent(service, caseId, ["SERVICE_DATA"]);
    const before = await seen(service, caseId);
    expect(before.view.access).toEqual({ status: "GRANTED", reason: "CONSENT", basis: "CONSENT", basisReference: dataConsent });
    const staff = await asUser(`${service}-vikar-1`);
    const records = ownOperations(service).map(({ field, type }) => ({ [field]: sample(type, personId, `${service}-${field}-${RUN}`) }));
    const dry = await written(service, records, staff, true);
    expect({ written: dry.written, dryRun: dry.dryRun, outcomes: outcomes(dry) }).toEqual({ written: false, dryRun: true, outcomes: records.map(() => "CREATED") });
    expect((await seen(service, caseId)).raw).toBe(before.raw);
    expect(outcomes(await written(service, records, staff))).toEqual(records.map(() => "CREATED"));
    const after = await seen(service, caseId);
    expect(after.raw).not.toBe(before.raw);
    // The answer carries what was sent and the outcome, nothing the hub holds.
    expect(outcomes(await written(service, records, staff))).toEqual(records.map(() => "UNCHANGED"));
    // Issue 17's employees: a staff member their service's administrator deactivated in the directory writes nothing, from the next call on.
    const admin = await asUser(`${service}-admin`);
    try {
      expect(await setActive(admin, `${service}-vikar-1`, false)).toBe(false);
      const res = await write(service, [involvement({ sourceId: `${service}-${RUN}-inactive` })], staff);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe("FORBIDDEN");
    } finally {
      expect(await setActive(admin, `${service}-vikar-1`, true)).toBe(true);
    }
    expect(outcomes(await written(service, [involvement({ sourceId: `${service}-${RUN}-inactive` })], staff, true))).toEqual(["CREATED"]);
    const ends = ownOperations(service).filter(({ field }) => endable(service, field)).map(({ field }) => end(`end${field[0]!.toUpperCase()}${field.slice(1)}`, `${service}-${field}-${RUN}`));
    expect(outcomes(await written(service, ends, machine))).toEqual(ends.map(() => "UPDATED"));
    if (ends.length > 0) expect((await seen(service, caseId)).raw).not.toBe(after.raw);

    // All or nothing: a call with one bad record writes none of it, and says which.
    const bad = await written(service, [involvement({ sourceId: `${service}-${RUN}-2` }), end("endInvolvement", `${service}-${RUN}-unknown`)], machine);
    expect({ written: bad.written, refusals: bad.results.map((r) => r.refusal?.code ?? null) }).toEqual({ written: false, refusals: [null, "NOT_FOUND"] });
    expect(outcomes(await written(service, [involvement({ sourceId: `${service}-${RUN}-2` })], machine, true))).toEqual(["CREATED"]);

    // Once the consents are withdrawn, the answer is the restricted one from before anything was written, byte for byte; no signal shows.
    await withdraw(service, caseId, involvementConsent);
    await withdraw(service, caseId, dataConsent);
    expect((await seen(service, caseId)).raw).toBe(restricted.raw);
    expect(await signals(caseId)).toEqual([]);

    // The service's auditor sees every write (who, whom, what kind) and every refusal.
    const log = await gateway<{ log: { actorId: string; decision: string; reason: string; categories: string[]; basis: string | null; basisReference: string | null }[] }>(
      `query ($p: ID!, $from: DateTime!) { log: ${service}AuditLog(personId: $p, from: $from) { actorId decision reason categories basis basisReference } }`,
      { p: personId, from },
      await asUser(`${service}-auditor`),
    );
    expect(log.errors).toBeUndefined();
    const entries = log.data!.log;
    expect(entries).toContainEqual({ actorId: `machine:${service}-integration`, decision: "WRITE", reason: "OWN_SYSTEM", categories: ["INVOLVEMENT"], basis: "WRITE", basisReference: "startInvolvement:CREATED" });
    expect(entries).toContainEqual({ actorId: `machine:${service}-integration`, decision: "WRITE", reason: "OWN_SYSTEM", categories: ["INVOLVEMENT"], basis: "WRITE", basisReference: "startInvolvement:UNCHANGED" });
    expect(entries).toContainEqual({ actorId: `${service}-vikar-1`, decision: "WRITE", reason: "OWN_SERVICE", categories: ["SERVICE_DATA"], basis: "WRITE", basisReference: `${ownOperations(service)[0]!.field}:CREATED` });
    for (const reason of [...refused.map(([, r]) => r), "NOT_IN_DIRECTORY"]) {
      expect(entries.some((e) => e.decision === "RESTRICTED" && e.reason === reason && e.basis === "WRITE" && e.basisReference === "startInvolvement"), reason).toBe(true);
    }
    expect(entries.some((e) => e.basis === "WRITE" && e.basisReference?.startsWith("startInvolvement:") && e.actorId === `${service}-vikar-1`)).toBe(false);
    // A call that was not written leaves no WRITE behind.
    expect(entries.some((e) => e.decision === "WRITE" && e.basisReference?.startsWith("endInvolvement") && e.basisReference !== "endInvolvement:UPDATED")).toBe(false);
  }, 120_000);
});
