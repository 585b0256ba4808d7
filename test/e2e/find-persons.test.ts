// "Finn person" through the gateway: an employee doing case work looks a
// person up in the population register by national identity number, or by
// full name and birth date — exact matches only, the least that picks the
// right person, and each person found written to registry's access log.
// Anyone else is refused before the register is read, the same whether or
// not the person exists.
import { beforeAll, describe, expect, it } from "vitest";
import { demoPerson, syntheticNationalId } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { PERSON_SEARCH_REASON } from "../../services/registry/search-log.ts";
import { asMachine } from "../support/machines.ts";
import { asUser, gateway } from "../support/graphql.ts";

const COORDINATOR = demoUser("coordinator")!.claims.sub;
const OMID = demoPerson("rahimi", "Omid");
/** A well-formed number (valid control digits) in no one's name: the demo's own use 990–999. */
const NOBODY = syntheticNationalId(new Date("1970-01-01T00:00:00Z"), 123) ?? syntheticNationalId(new Date("1970-01-01T00:00:00Z"), 125)!;

const FIND = `query ($nationalId: String, $name: String, $birthDate: Date) {
  findPersons(nationalId: $nationalId, name: $name, birthDate: $birthDate) { id givenName familyName birthDate }
}`;
type Found = { findPersons: { id: string; givenName: string; familyName: string; birthDate: string }[] };
type Entry = { at: string; actorId: string; personId: string; categories: string[]; caseId: string | null; decision: string; reason: string; basis: string | null };

const find = async (variables: Record<string, unknown>, as = "coordinator") => gateway<Found>(FIND, variables, await asUser(as));
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

let startedAt: string;
beforeAll(() => {
  startedAt = new Date(Date.now() - 1000).toISOString();
});

describe("findPersons for an employee doing case work", () => {
  const omid = { id: OMID.personId, givenName: "Omid", familyName: "Rahimi", birthDate: OMID.birthDate };

  it("finds a person by national identity number: id, name and birth date, nothing more", async () => {
    const res = await find({ nationalId: OMID.nationalId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.findPersons).toEqual([omid]);
  });

  it("finds a person by full name and birth date, case and spacing aside — exact matches only", async () => {
    const res = await find({ name: "  omid   RAHIMI ", birthDate: OMID.birthDate });
    expect(res.errors).toBeUndefined();
    expect(res.data!.findPersons).toEqual([omid]);
    // Another day, or part of a name, finds no one: no browsing the register.
    const otherDay = await find({ name: "Omid Rahimi", birthDate: "2016-03-22" });
    expect(otherDay.data!.findPersons).toEqual([]);
    const partOfName = await find({ name: "Omid Rahim", birthDate: OMID.birthDate });
    expect(partOfName.data!.findPersons).toEqual([]);
  });

  it("answers an empty list for a well-formed number in no one's name", async () => {
    const res = await find({ nationalId: NOBODY });
    expect(res.errors).toBeUndefined();
    expect(res.data!.findPersons).toEqual([]);
  });

  it("refuses a malformed search with a plain BAD_USER_INPUT", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ nationalId: "1234567890" }, "nationalId"],
      [{ nationalId: "12345678901" }, "nationalId"], // eleven digits, wrong control digits
      [{ nationalId: OMID.nationalId, name: "Omid Rahimi", birthDate: OMID.birthDate }, "nationalId"],
      [{ name: "Omid Rahimi" }, "birthDate"],
      [{ birthDate: OMID.birthDate }, "name"],
      [{ name: "Omid", birthDate: OMID.birthDate }, "name"],
      [{}, "name"],
    ];
    for (const [variables, field] of cases) {
      const res = await find(variables);
      expect(codeOf(res), JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(res.errors![0]!.extensions!.field, JSON.stringify(variables)).toBe(field);
      // The message says what to do, and never repeats the number.
      expect(res.errors![0]!.message).not.toContain(OMID.nationalId);
    }
  });

  it("writes each person found to registry's access log, which the person and registry's auditors see", async () => {
    const searched = await find({ nationalId: OMID.nationalId });
    expect(searched.errors).toBeUndefined();
    const expected = { actorId: COORDINATOR, personId: OMID.personId, categories: ["IDENTITY"], caseId: null, decision: "GRANTED", reason: PERSON_SEARCH_REASON, basis: "PERSON_SEARCH_BY_NATIONAL_ID" };
    const audit = await gateway<{ registryAuditLog: Entry[] }>(
      `query ($actorId: String, $from: DateTime) { registryAuditLog(actorId: $actorId, from: $from) { at actorId personId categories caseId decision reason basis } }`,
      { actorId: COORDINATOR, from: startedAt },
      await asUser("registry-auditor"),
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.registryAuditLog).toContainEqual(expect.objectContaining(expected));
    expect(audit.data!.registryAuditLog).toContainEqual(expect.objectContaining({ ...expected, basis: "PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE" }));
    // Mariam, Omid's guardian, sees the search in her son's innsyn (he is under 16).
    const innsyn = await gateway<{ person: { registryAccessLog: Entry[] | null } }>(
      `query ($id: ID!) { person(id: $id) { registryAccessLog { at actorId personId categories caseId decision reason basis } } }`,
      { id: OMID.personId },
      await asUser(demoPerson("rahimi", "Mariam").personId),
    );
    expect(innsyn.errors).toBeUndefined();
    expect(innsyn.data!.person.registryAccessLog).toContainEqual(expect.objectContaining(expected));
  });
});

describe("findPersons for anyone else", () => {
  const refusals = [
    ["a citizen", () => asUser("citizen")],
    ["an auditor", () => asUser("nav-auditor")],
    ["the register's auditor", () => asUser("registry-auditor")],
    ["a directory administrator", () => asUser("nav-admin")],
    ["a service's own system", () => asMachine("nav")],
  ] as const;

  it.each(refusals)("%s is refused with FORBIDDEN, the same whether or not the person exists", async (_who, headers) => {
    const [existing, nobody, byName] = await Promise.all([
      gateway<Found>(FIND, { nationalId: OMID.nationalId }, await headers()),
      gateway<Found>(FIND, { nationalId: NOBODY }, await headers()),
      gateway<Found>(FIND, { name: "Omid Rahimi", birthDate: OMID.birthDate }, await headers()),
    ]);
    for (const res of [existing, nobody, byName]) {
      expect(codeOf(res)).toBe("FORBIDDEN");
      expect(res.data?.findPersons ?? null).toBeNull();
    }
    // Nothing tells the two apart: the same message, the same shape.
    const shape = (res: typeof existing) => JSON.stringify({ data: res.data, errors: res.errors!.map((e) => ({ message: e.message, code: e.extensions?.code })) });
    expect(shape(existing)).toBe(shape(nobody));
  });

  it("logs nothing about the person for a refused search: the register was not read", async () => {
    const citizen = demoUser("citizen")!.claims.sub;
    await gateway(FIND, { nationalId: OMID.nationalId }, await asUser("citizen"));
    const audit = await gateway<{ registryAuditLog: Entry[] }>(
      `query ($actorId: String, $from: DateTime) { registryAuditLog(actorId: $actorId, from: $from) { personId reason } }`,
      { actorId: citizen, from: startedAt },
      await asUser("registry-auditor"),
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.registryAuditLog.filter((e) => e.personId === OMID.personId)).toEqual([]);
  });
});
