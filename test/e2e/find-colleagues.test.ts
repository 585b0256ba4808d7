// "Legg til kollega" through the gateway: an employee finds a colleague in
// any service by name to add them to a case — active employees only, no
// auditors, at most 20, and nothing the directory keeps for administrators.
// Citizens, auditors and machines are refused.
import { describe, expect, it } from "vitest";
import { asMachine } from "../support/machines.ts";
import { asUser, gateway } from "../support/graphql.ts";

const FIND = `query ($name: String!) { findColleagues(name: $name) { actorId displayName service unit } }`;
type Found = { findColleagues: { actorId: string; displayName: string; service: string; unit: string | null }[] };
const find = async (name: string, as = "coordinator") => gateway<Found>(FIND, { name }, await asUser(as));
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe("findColleagues", () => {
  it("finds a colleague of another service by part of each name, any case: who, where, and nothing more", async () => {
    const res = await find("kje BAK");
    expect(res.errors).toBeUndefined();
    expect(res.data!.findColleagues).toEqual([{ actorId: "nav-veileder-3", displayName: "Kjetil Bakke", service: "NAV", unit: "NAV Fjordvik" }]);
  });

  it("lists no auditor and no one inactive", async () => {
    const auditors = await find("Revisor");
    expect(auditors.errors).toBeUndefined();
    expect(auditors.data!.findColleagues).toEqual([]);
    // NAV's administrator registers a colleague (unique to this run), then deactivates them: the search no longer finds them.
    const run = Date.now().toString(36);
    const actorId = `nav-soketest-${run}`;
    const admin = await asUser("nav-admin");
    const registered = await gateway(`mutation ($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { actorId } }`, { input: { actorId, displayName: `Søketest ${run}` } }, admin);
    expect(registered.errors).toBeUndefined();
    expect((await find(`søketest ${run}`)).data!.findColleagues).toEqual([{ actorId, displayName: `Søketest ${run}`, service: "NAV", unit: null }]);
    const deactivated = await gateway(`mutation ($a: ID!) { setEmployeeActive(actorId: $a, active: false) { active } }`, { a: actorId }, admin);
    expect(deactivated.errors).toBeUndefined();
    expect((await find(`Søketest ${run}`)).data!.findColleagues).toEqual([]);
  });

  it("answers at most 20, in name order", async () => {
    const res = await find("er");
    expect(res.errors).toBeUndefined();
    const names = res.data!.findColleagues.map((c) => c.displayName);
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThanOrEqual(20);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  });

  it("refuses a search of fewer than two letters a word with a plain BAD_USER_INPUT", async () => {
    for (const name of ["", " ", "K", "Kjetil B"]) {
      const res = await find(name);
      expect(codeOf(res), JSON.stringify(name)).toBe("BAD_USER_INPUT");
      expect(res.errors![0]!.extensions!.field).toBe("name");
    }
  });

  it.each([
    ["a citizen", () => asUser("citizen")],
    ["an auditor", () => asUser("nav-auditor")],
    ["a service's own system", () => asMachine("nav")],
  ] as const)("%s is refused with FORBIDDEN", async (_who, headers) => {
    const res = await gateway<Found>(FIND, { name: "Kjetil" }, await headers());
    expect(codeOf(res)).toBe("FORBIDDEN");
    expect(res.data?.findColleagues ?? null).toBeNull();
  });
});
