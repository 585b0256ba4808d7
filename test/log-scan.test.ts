import { describe, expect, it } from "vitest";
import { demoPersons } from "../services/kit/demo/fjordvik.ts";
import { personalDataInLog } from "./support/log-scan.ts";

describe("log scan (run on every e2e log in the global teardown)", () => {
  it("finds a name or national id, and nothing in an id-only log", () => {
    const p = demoPersons[0];
    expect(personalDataInLog(`{"msg":"x","personId":"${p.personId}"}`)).toEqual([]);
    expect(personalDataInLog(`{"msg":"hello ${p.givenName}"}`)).toHaveLength(1);
    expect(personalDataInLog(`{"nid":"${p.nationalId}"}`)).toHaveLength(1);
  });
});
