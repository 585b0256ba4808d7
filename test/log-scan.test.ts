import { describe, expect, it } from "vitest";
import { demoPersons, demoStaff } from "../demo/fjordvik.ts";
import { demoWorld } from "../demo/index.ts";
import { malformedLogLines, personalDataInLog } from "./support/log-scan.ts";

describe("log scan (run on every e2e log: the shared federation's, each own federation's, each extra gateway's)", () => {
  it("finds a name or national id, and nothing in an id-only log", () => {
    const p = demoPersons[0];
    expect(personalDataInLog(`{"msg":"x","personId":"${p.personId}"}`)).toEqual([]);
    expect(personalDataInLog(`{"msg":"hello ${p.givenName}"}`)).toHaveLength(1);
    expect(personalDataInLog(`{"nid":"${p.nationalId}"}`)).toHaveLength(1);
  });

  it("finds names that start or end with a letter outside ASCII, and only whole words", () => {
    const oystein = Object.values(demoStaff).find((s) => s.displayName.startsWith("Ø"))!;
    expect(personalDataInLog(`{"msg":"called ${oystein.displayName}"}`)).toEqual([`name of employee ${oystein.actorId}`]);
    const p = demoPersons[0];
    expect(personalDataInLog(`{"msg":"x${p.givenName}x ${p.nationalId}0"}`)).toEqual([]);
  });

  it("finds the synthetic persons the run seeded, when told how many", () => {
    const synthetic = demoWorld({ syntheticFamilies: 3, syntheticSeed: 1 }).registry.person.find((p) => !demoPersons.some((d) => d.personId === p.id))!;
    const line = `{"msg":"${synthetic.nationalId}"}`;
    expect(personalDataInLog(line)).toEqual([]);
    expect(personalDataInLog(line, { syntheticFamilies: 3, syntheticSeed: 1 })).toEqual([`national id of person ${synthetic.id}`]);
  });

  it("accepts structured entries and names the lines that are not, or that lack a request id", () => {
    const ok = `{"time":"t","level":"info","component":"nav","msg":"subgraph ready"}`;
    expect(malformedLogLines(`${ok}\n\n`)).toEqual([]);
    expect(malformedLogLines(`${ok}\nTypeError: boom\n`)).toEqual(["line 2: not JSON: TypeError: boom"]);
    expect(malformedLogLines(`{"time":"t","level":"error","component":"http","msg":"request failed"}`)).toEqual(['line 1: "request failed" without a requestId']);
    expect(malformedLogLines(`{"time":"t","level":"error","component":"http","msg":"request failed","requestId":"r-1"}`)).toEqual([]);
    expect(malformedLogLines(`{"level":"info","msg":"x"}`)).toEqual(['line 1: no "time"', 'line 1: no "component"']);
  });
});
