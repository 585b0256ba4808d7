// The load test's own judges (test/load/checks.ts): what counts as a
// leaked field, and what a read must show given a consent's history.
import { describe, expect, it } from "vitest";
import { expectedStatus, leakedFields, type ConsentEvent } from "./load/checks.ts";

describe("leakedFields", () => {
  it("allows a granted view everything", () => {
    expect(leakedFields({ access: { status: "GRANTED", reason: "CONSENT" }, involved: true, measures: [] })).toEqual([]);
  });
  it("allows an involvement-only view the fact and the contact, nothing else", () => {
    expect(leakedFields({ access: { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, involved: true, contact: { name: "x" }, measures: null })).toEqual([]);
    expect(leakedFields({ access: { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, involved: true, measures: [] })).toEqual(["measures"]);
  });
  it("allows a restricted view no data at all", () => {
    expect(leakedFields({ access: { status: "RESTRICTED", reason: "NO_CONSENT" }, involved: null, contact: null })).toEqual([]);
    expect(leakedFields({ access: { status: "RESTRICTED", reason: "NO_CONSENT" }, involved: false, contact: null })).toEqual(["involved"]);
  });
});

describe("expectedStatus", () => {
  const events: ConsentEvent[] = [
    { kind: "grant", sentAt: 100, ackAt: 150 },
    { kind: "withdraw", sentAt: 300, ackAt: 350 },
    { kind: "grant", sentAt: 500, ackAt: 550 },
  ];
  it("is restricted before any consent", () => {
    expect(expectedStatus(events, 0, 90)).toBe("RESTRICTED");
  });
  it("is granted between an acknowledged grant and the next withdrawal", () => {
    expect(expectedStatus(events, 160, 290)).toBe("GRANTED");
  });
  it("is restricted from the request after a withdrawal was acknowledged until the next grant is sent", () => {
    expect(expectedStatus(events, 351, 499)).toBe("RESTRICTED");
  });
  it("may be either while a change is in flight or overlaps the read", () => {
    expect(expectedStatus(events, 120, 140)).toBe("EITHER");
    expect(expectedStatus(events, 340, 360)).toBe("EITHER");
    expect(expectedStatus(events, 200, 320)).toBe("EITHER");
  });
  it("treats a change that never was acknowledged as unknown from then on", () => {
    expect(expectedStatus([{ kind: "withdraw", sentAt: 10 }], 50, 60)).toBe("EITHER");
  });
});
