// The guard's layered service view (issue 4, involvement hints): which layer a
// view shows for which pair of decisions, that both categories go out in the
// one decision call of a request, and that both answers are logged.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { AccessGuard, AccessStatus, type AccessRecorder } from "../services/kit/access.ts";
import type { AccessLogRecord } from "../services/kit/access-log.ts";
import type { Caller, Purpose } from "../services/kit/auth/caller.ts";
import { UNAVAILABLE, type Decision, type DecisionQuestion, type DecisionSource } from "../services/kit/decisions.ts";

const GRANT: Decision = { status: "GRANTED", reason: "CONSENT", basis: "consent:cn-1" };
const NONE: Decision = { status: "RESTRICTED", reason: "NO_CONSENT", basis: null };

const FRONT_DOOR = { name: "Koordinerende enhet", phone: "+47 400 06 000" };

function guardWith(answer: (q: DecisionQuestion) => Decision, caller: Caller = { kind: "actor", claims: { sub: "nav-veileder-1", name: "V", service: "nav", roles: [] } }, purpose: Purpose = { caseId: "c-1" }) {
  const calls: DecisionQuestion[][] = [];
  const logged: AccessLogRecord[] = [];
  const source: DecisionSource = {
    async decide(_request, questions) {
      calls.push([...questions]);
      return questions.map(answer);
    },
  };
  const recorder: AccessRecorder = { async append(records) { logged.push(...records); } };
  const guard = new AccessGuard(
    { service: "helse", caller, purpose, requestId: "r-1", frontDoor: FRONT_DOOR },
    source,
    recorder,
  );
  return { guard, calls, logged };
}

const reads = (data: { involved: boolean; contact: { name: string } | null }) => ({
  full: async () => ({ ...data, contacts: [{ kind: "FASTLEGE" }] }),
  involvement: async () => ({ involved: data.involved, contact: data.contact ? { ...data.contact, role: null, phone: null } : null }),
});

describe("AccessGuard.ifGranted", () => {
  it("gives the data when granted and null otherwise, reading nothing then; both outcomes logged", async () => {
    const granted = guardWith(() => GRANT);
    expect(await granted.guard.ifGranted("p-1", "IDENTITY", async () => ({ name: "N" }))).toEqual({ name: "N" });
    expect(granted.logged).toMatchObject([{ personId: "p-1", categories: ["IDENTITY"], decision: "GRANTED" }]);
    const refused = guardWith(() => NONE);
    let read = false;
    expect(await refused.guard.ifGranted("p-1", "IDENTITY", async () => ((read = true), { name: "N" }))).toBeNull();
    expect(read).toBe(false);
    expect(refused.logged).toMatchObject([{ personId: "p-1", categories: ["IDENTITY"], decision: "RESTRICTED" }]);
  });

  it("says SERVICE_UNAVAILABLE (retryable) when the rules could not be asked, not null — which would read as no such person; reading nothing", async () => {
    const { guard, logged } = guardWith(() => UNAVAILABLE);
    let read = false;
    await expect(guard.ifGranted("p-1", "IDENTITY", async () => ((read = true), { name: "N" }))).rejects.toMatchObject({
      extensions: { code: "SERVICE_UNAVAILABLE", retryable: true, serviceName: "samhandling" },
    });
    expect(read).toBe(false);
    expect(logged).toMatchObject([{ personId: "p-1", categories: ["IDENTITY"], decision: "RESTRICTED", reason: "DECISION_UNAVAILABLE" }]);
  });
});

describe("AccessGuard.serviceView", () => {
  it("shows the full view when SERVICE_DATA is granted", async () => {
    const { guard } = guardWith(() => GRANT);
    const view = await guard.serviceView("p-1", reads({ involved: true, contact: { name: "A" } }));
    expect(view).toMatchObject({ access: { status: AccessStatus.GRANTED }, involved: true, contacts: [{ kind: "FASTLEGE" }] });
  });

  it("shows only the fact and the service's front door when INVOLVEMENT alone is granted, never its own contact (issue 17)", async () => {
    const { guard } = guardWith((q) => (q.category === "INVOLVEMENT" ? GRANT : NONE));
    const view = await guard.serviceView("p-1", reads({ involved: true, contact: { name: "A" } }));
    expect(view).toEqual({
      access: { status: AccessStatus.INVOLVEMENT_ONLY, reason: "CONSENT", basis: "CONSENT", basisReference: "cn-1" },
      involved: true,
      contact: { name: "Koordinerende enhet", role: "kontaktpunkt", phone: "+47 400 06 000" },
    });
  });

  it("names no contact for a service that is not involved now", async () => {
    const { guard } = guardWith((q) => (q.category === "INVOLVEMENT" ? GRANT : NONE));
    const view = await guard.serviceView("p-1", reads({ involved: false, contact: { name: "Former" } }));
    expect(view).toMatchObject({ involved: false, contact: null });
  });

  it("restricts with SERVICE_DATA's reason when neither is granted, the same with or without data", async () => {
    const { guard } = guardWith(() => NONE);
    const withData = await guard.serviceView("p-1", reads({ involved: true, contact: { name: "A" } }));
    const without = await guard.serviceView("p-2", reads({ involved: false, contact: null }));
    expect(withData).toEqual({ access: { status: AccessStatus.RESTRICTED, reason: "NO_CONSENT", basis: null, basisReference: null } });
    expect(without).toEqual(withData);
  });

  it("asks both categories for every person in one decision call, and logs each answer once", async () => {
    const { guard, calls, logged } = guardWith((q) => (q.category === "INVOLVEMENT" ? GRANT : NONE));
    await Promise.all(["p-1", "p-2", "p-1"].map((id) => guard.serviceView(id, reads({ involved: true, contact: null }))));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((q) => `${q.personId}:${q.category}`).sort()).toEqual(["p-1:INVOLVEMENT", "p-1:SERVICE_DATA", "p-2:INVOLVEMENT", "p-2:SERVICE_DATA"]);
    expect(logged.map((r) => `${r.personId}:${r.categories.join()}:${r.decision}`).sort()).toEqual([
      "p-1:INVOLVEMENT:GRANTED",
      "p-1:SERVICE_DATA:RESTRICTED",
      "p-2:INVOLVEMENT:GRANTED",
      "p-2:SERVICE_DATA:RESTRICTED",
    ]);
  });

  it("logs categories decided alike as one entry that names both", async () => {
    const { guard, logged } = guardWith(() => NONE);
    await guard.serviceView("p-1", reads({ involved: true, contact: null }));
    expect(logged.map((r) => `${r.personId}:${r.categories.join()}:${r.decision}:${r.reason}`)).toEqual(["p-1:SERVICE_DATA,INVOLVEMENT:RESTRICTED:NO_CONSENT"]);
  });
});

describe("AccessGuard before any decision (issue 17)", () => {
  it("refuses an employee who declares no case with PURPOSE_REQUIRED, logged, asking nothing", async () => {
    const { guard, calls, logged } = guardWith(() => GRANT, undefined, null);
    await expect(guard.serviceView("p-1", reads({ involved: true, contact: null }))).rejects.toMatchObject({ extensions: { code: "PURPOSE_REQUIRED" } });
    await expect(guard.ifGranted("p-2", "IDENTITY", async () => ({ name: "N" }))).rejects.toMatchObject({ extensions: { code: "PURPOSE_REQUIRED" } });
    expect(calls).toEqual([]);
    expect(logged.map((r) => `${r.personId}:${r.decision}:${r.reason}`).sort()).toEqual(["p-1:RESTRICTED:NO_PURPOSE", "p-2:RESTRICTED:NO_PURPOSE"]);
  });

  it("asks a citizen for no purpose", async () => {
    const citizen: Caller = { kind: "actor", claims: { sub: "c", name: "C", service: "citizen", roles: ["citizen"], personId: "p-1" } };
    const { guard } = guardWith(() => GRANT, citizen, null);
    expect(await guard.ifGranted("p-1", "IDENTITY", async () => ({ name: "N" }))).toEqual({ name: "N" });
  });

  it("refuses an auditor personal data whatever else their sign-in says, logged as AUDITOR", async () => {
    const auditor: Caller = { kind: "actor", claims: { sub: "helse-auditor-1", name: "R", service: "helse", roles: ["auditor", "caseworker"] } };
    const { guard, calls, logged } = guardWith(() => GRANT, auditor);
    await expect(guard.serviceView("p-1", reads({ involved: true, contact: null }))).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(calls).toEqual([]);
    expect(logged).toMatchObject([{ personId: "p-1", decision: "RESTRICTED", reason: "AUDITOR" }]);
  });
});

describe("AccessGuard without an access log: no log entry, no data", () => {
  /** A guard whose decisions all grant and whose log refuses every write. */
  function unloggedGuard() {
    const source: DecisionSource = { async decide(_request, questions) { return questions.map(() => GRANT); } };
    // Fails only after the data has been read (the read runs while the entry is written): still nothing is released.
    const recorder: AccessRecorder = { async append() { await new Promise((r) => setTimeout(r, 20)); throw new Error("database unreachable"); } };
    const guard = new AccessGuard(
      { service: "helse", caller: { kind: "actor", claims: { sub: "helse-1", name: "H", service: "helse", roles: [] } }, purpose: { caseId: "c-1" }, requestId: "r-1", frontDoor: FRONT_DOOR },
      source,
      recorder,
    );
    const read: string[] = [];
    const spied = {
      full: async () => (read.push("full"), { involved: true, contact: null, contacts: [{ kind: "FASTLEGE" }] }),
      involvement: async () => (read.push("involvement"), { involved: true, contact: null }),
    };
    return { guard, read, spied };
  }

  it("refuses a granted service view with ACCESS_LOG_UNAVAILABLE, though its data was already read", async () => {
    const { guard, read, spied } = unloggedGuard();
    await expect(guard.serviceView("p-1", spied)).rejects.toMatchObject({ extensions: { code: "ACCESS_LOG_UNAVAILABLE" } });
    expect(read).toEqual(["full"]);
  });

  it("says ACCESS_LOG_UNAVAILABLE when the read fails too (a database that is down fails both)", async () => {
    const { guard } = unloggedGuard();
    const failing = { full: async () => Promise.reject(new Error("connection refused")), involvement: async () => Promise.reject(new Error("connection refused")) };
    await expect(guard.serviceView("p-1", failing)).rejects.toMatchObject({ extensions: { code: "ACCESS_LOG_UNAVAILABLE" } });
  });

  it("refuses a granted single-category view the same way", async () => {
    const { guard, read } = unloggedGuard();
    await expect(guard.ifGranted("p-1", "IDENTITY", async () => (read.push("identity"), { name: "N" }))).rejects.toMatchObject({
      extensions: { code: "ACCESS_LOG_UNAVAILABLE" },
    });
    expect(read).toEqual(["identity"]);
  });

  it("refuses a locally made decision (case membership) and a bare decision alike", async () => {
    const { guard } = unloggedGuard();
    await expect(guard.recordLocal(["p-1"], "CASE", GRANT)).rejects.toMatchObject({ extensions: { code: "ACCESS_LOG_UNAVAILABLE" } });
    await expect(guard.decide("p-1", "SERVICE_DATA")).rejects.toMatchObject({ extensions: { code: "ACCESS_LOG_UNAVAILABLE" } });
  });
});
