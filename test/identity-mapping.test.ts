// The gateway's identity mapping without a running process: the example
// files for ID-porten, Entra ID and Maskinporten are mappings the gateway
// accepts (alone and together), a faulty file is refused with every fault
// named, and tokens shaped like each provider's become the hub's claims.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hubClaimsOf, SignInRefused, type CitizenDirectory } from "../gateway/identity/claims.ts";
import { checkIdentityMapping, IdentityMappingError, loadIdentityMapping, type CheckedIssuer } from "../gateway/identity/mapping.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

const EXAMPLES = ["idporten", "entra", "maskinporten"].map((name) => path.join(ROOT_DIR, "deploy", `identity-mapping.${name}.example.json`));
const VARIABLES: Record<string, string> = { HUB_AUDIENCE: "https://samhandling.fjordvik.kommune.no", ENTRA_API_CLIENT_ID: "11111111-2222-3333-4444-555555555555", ENTRA_TENANT_ID: "9cd4ea3a-2003-562e-bded-80f2aee6c85e" };
const variables = (name: string) => VARIABLES[name];

const SARA = { personId: "p-sara", name: "Sara Haugland" };
const register: CitizenDirectory = { find: async (nationalId) => (nationalId === "28839299887" ? SARA : null) };

const example = (n: number): CheckedIssuer => loadIdentityMapping(EXAMPLES[n]!, variables)[0]!;
const refusal = async (issuer: CheckedIssuer, payload: Record<string, unknown>) => {
  try {
    await hubClaimsOf(issuer, payload, register);
  } catch (error) {
    if (error instanceof SignInRefused) return error.message;
    throw error;
  }
  throw new Error("not refused");
};

describe("the example mappings in deploy/", () => {
  it("are accepted, each with its issuer, discovery document and audience", () => {
    expect(example(0)).toMatchObject({ issuer: "https://idporten.no", discovery: "https://idporten.no/.well-known/openid-configuration", audience: VARIABLES.HUB_AUDIENCE });
    expect(example(1)).toMatchObject({ issuer: `https://login.microsoftonline.com/${VARIABLES.ENTRA_TENANT_ID}/v2.0`, audience: VARIABLES.ENTRA_API_CLIENT_ID });
    expect(example(2)).toMatchObject({ issuer: "https://maskinporten.no/", discovery: "https://maskinporten.no/.well-known/oauth-authorization-server" });
  });

  it("go together in one file: several issuers at once, each with its own audience", () => {
    const documents = EXAMPLES.map((file) => JSON.parse(fs.readFileSync(file, "utf8")) as { audience: string; issuers: Record<string, unknown>[] });
    const merged = { audience: "${HUB_AUDIENCE}", issuers: documents.flatMap((d) => d.issuers.map((issuer) => ({ audience: d.audience, ...issuer }))) };
    const issuers = checkIdentityMapping(merged, "merged.json", variables);
    expect(issuers.map((i) => [i.issuer, i.audience])).toEqual([
      ["https://idporten.no", VARIABLES.HUB_AUDIENCE],
      [`https://login.microsoftonline.com/${VARIABLES.ENTRA_TENANT_ID}/v2.0`, VARIABLES.ENTRA_API_CLIENT_ID],
      ["https://maskinporten.no/", VARIABLES.HUB_AUDIENCE],
    ]);
  });

  it("name the variables they need when those are not set", () => {
    expect(() => loadIdentityMapping(EXAMPLES[1]!, () => undefined)).toThrow(/audience: names the variable \$\{ENTRA_API_CLIENT_ID\}, which is not set\..*issuers\[0\]\.issuer: names the variable \$\{ENTRA_TENANT_ID\}/);
  });
});

describe("a faulty mapping", () => {
  const faults = (document: unknown) => {
    try {
      checkIdentityMapping(document, "bad.json", variables);
    } catch (error) {
      expect(error).toBeInstanceOf(IdentityMappingError);
      return (error as IdentityMappingError).problems;
    }
    throw new Error("accepted");
  };

  it("is refused with every fault and where it is", () => {
    const citizens = { when: "pid", nationalId: "pid", acr: "acr", accepted: ["idporten-loa-substantial"], high: ["idporten-loa-high"] };
    expect(
      faults({
        audience: "hub",
        issuers: [
          { issuer: "https://idp.example", citizens, machines: { when: "pid", clientId: "client_id", scopes: { "x:write": { service: "nav" } } } },
          { issuer: "https://idp.example", employees: { when: "oid", actorId: "oid", name: "name", roles: { claim: "roles", values: { Admin: "administrator" } } } },
          { issuer: "ftp://idp.example" },
        ],
      }),
    ).toEqual([
      'issuers[0].citizens.high: "idporten-loa-high" is not among the accepted levels.',
      "issuers[0]: two sections share one `when` claim, so a token could not say which kind it is.",
      'issuers[1].employees.roles.values["Admin"]: "administrator" is not a role the hub gives employees (caseworker, auditor, admin).',
      'issuers[2].issuer: must be an http(s) URL, got "ftp://idp.example".',
      "issuers[2]: maps no kind of token: give it `citizens`, `employees` or `machines`.",
      'issuers[1].issuer: "https://idp.example" is listed twice.',
    ]);
    expect(faults({ audience: "hub", issuers: [] })).toEqual(["issuers: must be a non-empty list: the gateway would trust no one."]);
    // A hub role no mapping may give: an employee can never become a machine.
    expect(faults({ audience: "hub", issuers: [{ issuer: "https://x.example", employees: { when: "oid", actorId: "oid", name: "name", groups: { claim: "groups", values: { g: { service: "nav", roles: ["integration"] } } } } }] })).toEqual([
      'issuers[0].employees.groups.values["g"].roles: "integration" is not a role the hub gives employees (caseworker, auditor, admin).',
    ]);
  });
});

describe("tokens shaped like each provider's, mapped", () => {
  it("ID-porten: the register's person for pid, the level from acr; no level, an unknown one or an unknown person refused", async () => {
    const idporten = example(0);
    expect(await hubClaimsOf(idporten, { sub: "pairwise", pid: "28839299887", acr: "idporten-loa-high" }, register)).toEqual({
      sub: "citizen-p-sara",
      name: "Sara Haugland",
      service: "citizen",
      roles: ["citizen"],
      personId: "p-sara",
      assurance: "high",
    });
    expect(await hubClaimsOf(idporten, { pid: "28839299887", acr: "idporten-loa-substantial" }, register)).toMatchObject({ assurance: "substantial" });
    expect(await refusal(idporten, { pid: "28839299887" })).toMatch(/level of assurance/);
    expect(await refusal(idporten, { pid: "28839299887", acr: "idporten-loa-low" })).toMatch(/level of assurance/);
    expect(await refusal(idporten, { pid: "12345678901", acr: "idporten-loa-high" })).toMatch(/No person/);
    expect(await refusal(idporten, { oid: "someone" })).toMatch(/neither a person's nor a service system's/);
  });

  it("Entra ID: service and unit from the groups, roles from the app roles, unknown values ignored, two services refused", async () => {
    const entra = example(1);
    const groups = ["00000000-0000-0000-0000-000000000101", "a-group-the-hub-does-not-know"];
    expect(await hubClaimsOf(entra, { oid: "7c0f…", name: "Ingrid Solberg", roles: ["Samhandling.Saksbehandler", "Other.App.Role"], groups }, register)).toEqual({
      sub: "7c0f…",
      name: "Ingrid Solberg",
      service: "nav",
      roles: ["caseworker"],
      unit: "NAV Fjordvik",
    });
    expect(await hubClaimsOf(entra, { oid: "a1", roles: ["Samhandling.Revisor"], groups: ["00000000-0000-0000-0000-000000000209"] }, register)).toEqual({ sub: "a1", name: "a1", service: "registry", roles: ["auditor"] });
    expect(await refusal(entra, { oid: "x", groups: ["00000000-0000-0000-0000-000000000101", "00000000-0000-0000-0000-000000000103"] })).toMatch(/several services \(nav, skole\)/);
    expect(await refusal(entra, { oid: "x", roles: ["Samhandling.Saksbehandler"] })).toMatch(/no group or app role/);
  });

  it("Maskinporten: the service of the one scope it knows; other scopes ignored, two services refused", async () => {
    const maskinporten = example(2);
    const token = { client_id: "0d2b…", consumer: { authority: "iso6523-actorid-upis", ID: "0192:910000001" } };
    expect(await hubClaimsOf(maskinporten, { ...token, scope: "fjordvik:samhandling/nav.write other:scope" }, register)).toEqual({
      sub: "0d2b…",
      name: "0d2b…",
      service: "nav",
      roles: ["integration"],
      scopes: ["fjordvik:samhandling/nav.write"],
    });
    expect(await refusal(maskinporten, { ...token, scope: "fjordvik:samhandling/nav.write fjordvik:samhandling/skole.write" })).toMatch(/several services/);
  });
});
