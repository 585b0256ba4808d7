// The kit's write API without a federation: who may write (the one guard),
// what the checks say (fields, never values), how a record compares, and
// that the published JSON Schema and the import's line check describe the
// same records as the GraphQL input the mutation takes.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import type { Caller } from "../services/kit/auth/caller.ts";
import { VIEW_SERVICES, type ViewService } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { Checks } from "../services/kit/writes/checks.ts";
import { inDirectory, writePermission } from "../services/kit/writes/guard.ts";
import { holds } from "../services/kit/writes/kinds.ts";
import { integrationFiles, jsonSchemaPath, recordJsonSchema, staleIntegrationFiles } from "../scripts/lib/integration-files.ts";
import { lineChecker, recordInput } from "../scripts/lib/import/records.ts";

const employee = (service: string, roles: string[]): Caller => ({ kind: "actor", claims: { sub: `${service}-x`, name: "Ansatt", service: service as ViewService, roles } });
const machine = (service: ViewService): Caller => ({ kind: "machine", clientId: `${service}-integration`, service, scopes: [`${service}:write`] });

describe("the write guard", () => {
  it.each(VIEW_SERVICES)("lets %s's own caseworkers and own machine client write, and no one else", (service) => {
    const other = VIEW_SERVICES.find((s) => s !== service)!;
    expect(writePermission(employee(service, ["caseworker"]), service)).toEqual({ allowed: true, reason: "OWN_SERVICE" });
    expect(writePermission(machine(service), service)).toEqual({ allowed: true, reason: "OWN_SYSTEM" });
    const refused: [Caller, string][] = [
      [machine(other), "NOT_OWN_SERVICE"],
      [employee(other, ["caseworker"]), "NOT_OWN_SERVICE"],
      [employee(service, ["auditor"]), "AUDITOR"],
      // Roles apart: an auditor who is also a caseworker still only audits.
      [employee(service, ["caseworker", "auditor"]), "AUDITOR"],
      [employee(service, []), "NOT_A_WRITER"],
      [employee("samhandling", ["caseworker"]), "NOT_OWN_SERVICE"],
      [{ kind: "actor", claims: { sub: "citizen-p", name: "Innbygger", service: "citizen", roles: ["citizen"], personId: "p" } }, "NOT_OWN_SERVICE"],
      [{ kind: "service", service }, "NOT_OWN_SERVICE"],
      [{ kind: "service", service: "samhandling" }, "NOT_OWN_SERVICE"],
      [{ kind: "anonymous" }, "UNAUTHENTICATED"],
    ];
    for (const [caller, reason] of refused) {
      const permission = writePermission(caller, service);
      expect(permission, JSON.stringify(caller)).toMatchObject({ allowed: false, reason });
      expect(permission.allowed || permission.message).toContain(`Only ${service}'s own staff and ${service}'s own system`);
    }
    // A caseworker by their sign-in writes only while the employee directory holds them as active (issue 17).
    expect(inDirectory(service, true)).toEqual({ allowed: true, reason: "OWN_SERVICE" });
    expect(inDirectory(service, false)).toMatchObject({ allowed: false, reason: "NOT_IN_DIRECTORY", message: expect.stringContaining(`employee of ${service}`) });
  });
});

describe("the checks", () => {
  it("name the field and never repeat the value", () => {
    const checks = new Checks("measure");
    const secret = "Kari Nordmann 12345678901";
    checks.keys({ sourceSystem: "", sourceId: `${secret}\u0000`, personId: " p " });
    checks.text("description", "x".repeat(501) + secret);
    checks.phone("veilederPhone", secret);
    checks.order("startedAt", new Date("2026-10-05"), "endsAt", new Date("2026-10-01"));
    checks.range("grade", 14, 1, 13);
    expect(checks.problems.map((p) => p.field)).toEqual([
      "measure.sourceSystem",
      "measure.sourceId",
      "measure.personId",
      "measure.description",
      "measure.veilederPhone",
      "measure.endsAt",
      "measure.grade",
    ]);
    for (const problem of checks.problems) {
      expect(problem.code).toBe("BAD_USER_INPUT");
      expect(problem.message).not.toContain("Kari");
      expect(problem.message).not.toContain("12345678901");
    }
  });

  it("accept a clean record", () => {
    const checks = new Checks("measure");
    checks.keys({ sourceSystem: "modia", sourceId: "M-1", personId: "p-1" });
    checks.text("description", "Kvalifiseringsprogram", { required: true });
    checks.phone("veilederPhone", "+47 400 01 234");
    checks.order("startedAt", new Date("2026-10-01"), "endsAt", new Date("2026-10-01"));
    expect(checks.problems).toEqual([]);
  });
});

describe("comparing a stored record with a write", () => {
  it("compares dates by instant and decimals by number, and notices any changed column", () => {
    const stored = { personId: "p", since: new Date("2026-10-01T00:00:00Z"), absencePercent: { toString: () => "12.50" }, office: "NAV Fjordvik", endedAt: null };
    expect(holds(stored, { since: new Date("2026-10-01"), absencePercent: 12.5, office: "NAV Fjordvik", endedAt: null })).toBe(true);
    expect(holds(stored, { since: new Date("2026-10-02") })).toBe(false);
    expect(holds(stored, { absencePercent: 12.51 })).toBe(false);
    expect(holds(stored, { endedAt: new Date("2026-12-01") })).toBe(false);
    expect(holds(stored, { office: "NAV Fjordvik Nord" })).toBe(false);
  });
});

describe("docs/integration/: the JSON Schema of one record", () => {
  const publicSdl = fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8");

  it("is committed as npm run compose writes it, with the write documents", () => {
    expect(staleIntegrationFiles(integrationFiles(publicSdl)), "run `npm run compose` and commit").toEqual([]);
  });

  it.each(VIEW_SERVICES)("describes the same records as %s's GraphQL record input, which the import checks lines against", (service) => {
    const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT_DIR, jsonSchemaPath(service)), "utf8")) as object);
    const check = lineChecker(recordInput(service));
    const involvement = { sourceSystem: "fagsystem", sourceId: "I-1", personId: "p-1", startedOn: "2026-10-01", contact: { name: "Kontakt", phone: "+47 400 00 000" } };
    const samples: [unknown, boolean][] = [
      [{ startInvolvement: involvement }, true],
      [{ endInvolvement: { sourceSystem: "fagsystem", sourceId: "I-1", personId: "p-1", endedOn: "2026-12-01" } }, true],
      [{ startInvolvement: { ...involvement, endedOn: null, frontDoor: null } }, true],
      [{}, false],
      [{ startInvolvement: involvement, endInvolvement: { sourceSystem: "f", sourceId: "I-1", personId: "p-1", endedOn: "2026-12-01" } }, false],
      [{ startInvolvement: { ...involvement, sourceId: undefined } }, false],
      [{ startInvolvement: { ...involvement, startedOn: "1. oktober" } }, false],
      [{ startInvolvement: { ...involvement, colour: "red" } }, false],
      [{ measure2: involvement }, false],
    ];
    for (const [sample, valid] of samples) {
      const line = JSON.stringify(sample);
      expect(validate(JSON.parse(line)), `JSON Schema: ${line}`).toBe(valid);
      expect("record" in check(1, line), `import: ${line}`).toBe(valid);
    }
    // Every operation of the GraphQL input is in the schema, and nothing else.
    const schema = recordJsonSchema(buildSchema(publicSdl), service) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(recordInput(service).getFields()).sort());
  });

  it("makes the import refuse a line by its number and field, never quoting it", () => {
    const check = lineChecker(recordInput("nav"));
    const secret = "Kari Nordmann";
    const results = [
      check(7, `{"measure": {"sourceSystem": "modia", "sourceId": "M-1", "personId": "p", "kind": "${secret}", "description": "x", "status": "ACTIVE", "startedAt": "2026-10-01"}}`),
      check(8, `{"measure": ${secret}}`),
      check(9, `{"measure": {"sourceSystem": "modia", "sourceId": "M-1", "personId": "p", "description": "${secret}", "status": "ACTIVE", "startedAt": "2026-10-01"}}`),
      check(10, `["${secret}"]`),
    ];
    expect(results.map((r) => ("code" in r ? [r.line, r.field] : r))).toEqual([
      [7, "measure.kind"],
      [8, null],
      [9, "measure.kind"],
      [10, null],
    ]);
    for (const r of results) expect(JSON.stringify(r)).not.toContain("Kari");
  });
});
