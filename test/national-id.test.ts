// The national identity number's shape, as the registry's search and the web
// app's form check it (services/kit/national-id.ts).
import { describe, expect, it } from "vitest";
import { demoPersons, syntheticNationalId } from "../demo/fjordvik.ts";
import { isNationalId } from "../services/kit/national-id.ts";

describe("isNationalId", () => {
  it("accepts every demo person's number, and the synthetic generator's", () => {
    for (const p of demoPersons) expect(isNationalId(p.nationalId), p.nationalId).toBe(true);
    const generated = syntheticNationalId(new Date("2010-06-15T00:00:00Z"), 123) ?? syntheticNationalId(new Date("2010-06-15T00:00:00Z"), 125)!;
    expect(isNationalId(generated)).toBe(true);
  });

  it("refuses a wrong control digit, any changed digit, the wrong length and anything but digits", () => {
    const good = demoPersons[0]!.nationalId;
    for (let i = 0; i < 11; i++) {
      const changed = good.slice(0, i) + String((Number(good[i]) + 1) % 10) + good.slice(i + 1);
      expect(isNationalId(changed), changed).toBe(false);
    }
    for (const bad of ["", good.slice(0, 10), `${good}0`, ` ${good}`, `${good.slice(0, 6)} ${good.slice(6)}`, "1234567890a", "12345678901"]) {
      expect(isNationalId(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
