// Coordination work through the real gateway: for every demo family, a
// coordinator's realistic flow from a registered concern to a handed-over
// baton, and what the family overview shows before and after a withdrawal.
import { describe, expect, it } from "vitest";
import { ageOn, todayInOslo } from "../../services/kit/scalars.ts";
import { demoCaseId, demoFamilies, demoPersonId, fjordvik, type DemoPerson } from "../../services/kit/demo/fjordvik.ts";
import { asUser, gateway } from "../support/graphql.ts";

const OPENER = "skole-kontaktlaerer-1"; // skole: opens the case and holds the baton first
const HEALTH = "helse-helsesykepleier-1"; // helse: joins, writes, takes over the baton
const NAV = "nav-veileder-1"; // nav: proposed as a competing holder

type Vars = Record<string, unknown>;

async function ok<T = Record<string, any>>(actor: string, query: string, variables: Vars = {}, caseId?: string): Promise<T> {
  const res = await gateway<T>(query, variables, await asUser(actor, caseId));
  if (res.errors) throw new Error(`${actor}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

async function failure(actor: string, query: string, variables: Vars = {}, caseId?: string): Promise<string | undefined> {
  const res = await gateway(query, variables, await asUser(actor, caseId));
  expect(res.status).toBeLessThan(500);
  return res.errors?.[0]?.extensions?.code as string | undefined;
}

const world = fjordvik();
const today = todayInOslo();
const plusDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The person a coordinator would open the case about: the youngest under 24 (BTI covers 0–23), else the eldest adult. */
function focusOf(persons: readonly DemoPerson[]): { person: DemoPerson; bti: boolean } {
  const byAge = [...persons].sort((a, b) => (a.birthDate < b.birthDate ? 1 : -1));
  const young = byAge.find((p) => ageOn(new Date(`${p.birthDate}T00:00:00Z`)) < 24);
  return young ? { person: young, bti: true } : { person: byAge[byAge.length - 1], bti: false };
}

/** The consents that let skole and helse share stafettlogg and service data about the person, from whoever is competent. */
function consentsFor(person: DemoPerson): { givenById: string; capacity: "SELF" | "GUARDIAN"; services: string[]; childView?: string }[] {
  const age = ageOn(new Date(`${person.birthDate}T00:00:00Z`));
  if (age >= 18) return [{ givenById: person.personId, capacity: "SELF", services: ["SKOLE", "HELSE"] }];
  const guardian = world.registry.guardianship.find((g) => g.childId === person.personId && g.parentalResponsibility);
  if (!guardian) throw new Error("demo child without a guardian with parental responsibility");
  const childView = age >= 7 ? "Det er greit at skolen og helsesykepleier snakker sammen." : undefined;
  if (age >= 16) {
    return [
      { givenById: guardian.guardianId, capacity: "GUARDIAN", services: ["SKOLE"], childView },
      { givenById: person.personId, capacity: "SELF", services: ["HELSE"] },
    ];
  }
  return [{ givenById: guardian.guardianId, capacity: "GUARDIAN", services: ["SKOLE", "HELSE"], childView }];
}

const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) {
  id kind btiLevel levelDeadline levelOverdue holder { id service } stafettlogg { kind authorService } } }`;
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id role } }`;
const LEVEL = `mutation ($caseId: ID!, $level: Int!, $reason: String!) { changeBtiLevel(caseId: $caseId, level: $level, reason: $reason) {
  btiLevel levelDecidedAt levelOverdue levelHistory { fromLevel toLevel reason decidedByService } } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const APPEND = `mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) { id kind authorService } }`;
const SCHEDULE = `mutation ($caseId: ID!, $title: String!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: $title, startsAt: $startsAt) { id status } }`;
const RECORD = `mutation ($id: ID!, $input: RecordMeetingInput!) { recordMeeting(meetingId: $id, input: $input) {
  status participants { id } decisions { text followUps { id dueDate responsibleService status overdue } } } }`;
const GOAL = `mutation ($caseId: ID!, $input: GoalInput!) { addGoal(caseId: $caseId, input: $input) { id } }`;
const PROPOSE = `mutation ($caseId: ID!, $to: ID!, $wish: String!) { proposeHandover(caseId: $caseId, toMemberId: $to, familyWish: $wish) { id status } }`;
const ACCEPT = `mutation ($id: ID!) { acceptHandover(handoverId: $id) { status } }`;
const DECLINE = `mutation ($id: ID!) { declineHandover(handoverId: $id, note: "Har ikke kapasitet nå") { status } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;
const OVERVIEW = `query ($id: ID!) { case(id: $id) {
  id btiLevel holder { id } pendingHandover { id }
  subjects { id skole { access { status } } helse { access { status } } nav { access { status } } }
  stafettlogg { kind authorService text }
  followUps(openOnly: true) { description dueDate overdue responsible { id } }
  upcomingMeetings { title }
  goals { text familyPriority status evaluations { status } measures { description } }
  overdueFollowUpCount } }`;

describe.each(demoFamilies.map((f) => [f.key, f] as const))("coordination flow for the %s family", (_key, family) => {
  it("opens at level 0, decides in time, goes to level 2 with consent, meets, hands over the baton and reacts to a withdrawal", async () => {
    const { person, bti } = focusOf(family.persons);

    // A concern is registered: level 0 with its 14-day deadline, the opener holds the baton.
    const opened = await ok(OPENER, OPEN, {
      input: {
        kind: bti ? "BTI" : "ANSVARSGRUPPE",
        title: bti ? "BTI – bekymring fra skolen" : "Ansvarsgruppe – samordnet oppfølging",
        subjectIds: [person.personId],
        familyId: family.familyId,
        holderDisplayName: "Kontaktlærer",
        ...(bti ? { concern: "Mye fravær og lite overskudd den siste måneden." } : {}),
      },
    });
    const c = opened.openCase;
    const caseId: string = c.id;
    expect(c.holder.service).toBe("SKOLE");
    if (bti) {
      expect(c).toMatchObject({ kind: "BTI", btiLevel: 0, levelDeadline: plusDays(14), levelOverdue: false });
      expect(c.stafettlogg).toEqual([{ kind: "CONCERN", authorService: "SKOLE" }]);
    }

    // Members: helse and nav professionals, and the person (or a guardian) for the family.
    const helse = (await ok(HEALTH, ADD, { caseId, input: { actorId: HEALTH, displayName: "Helsesykepleier", service: "HELSE", role: "PROFESSIONAL" } }).catch(() => null)) ?? null;
    expect(helse).toBeNull(); // not a member yet: only members add members
    const helseMember = (await ok(OPENER, ADD, { caseId, input: { actorId: HEALTH, displayName: "Helsesykepleier", service: "HELSE", role: "PROFESSIONAL" } })).addCaseMember;
    const navMember = (await ok(OPENER, ADD, { caseId, input: { actorId: NAV, displayName: "NAV-veileder", service: "NAV", role: "PROFESSIONAL" } })).addCaseMember;
    await ok(OPENER, ADD, { caseId, input: { personId: person.personId, displayName: person.givenName, service: "FAMILY", role: "FAMILY" } });
    expect(await failure(OPENER, ADD, { caseId, input: { actorId: NAV, displayName: "x", service: "NAV", role: "PROFESSIONAL" } })).toBe("CONFLICT");

    if (bti) {
      // Level 0 decided within the deadline: there is reason for concern.
      const one = (await ok(OPENER, LEVEL, { caseId, level: 1, reason: "Tiltak i skolen først." })).changeBtiLevel;
      expect(one).toMatchObject({ btiLevel: 1, levelOverdue: false });
      expect(one.levelDecidedAt).not.toBeNull();
      expect(await failure(HEALTH, LEVEL, { caseId, level: 2, reason: "x" })).toBe("FORBIDDEN"); // only the stafettholder decides
    }

    // Consent for sharing between skole and helse, from whoever is competent.
    const consentIds: string[] = [];
    for (const consent of consentsFor(person)) {
      const granted = await ok(OPENER, GRANT, {
        input: { caseId, subjectId: person.personId, categories: ["STAFETTLOGG", "SERVICE_DATA"], ...consent },
      });
      consentIds.push(granted.grantConsent.id);
    }
    if (bti) {
      const two = (await ok(OPENER, LEVEL, { caseId, level: 2, reason: "Enkel samhandling med helsesykepleier, med samtykke." })).changeBtiLevel;
      expect(two.levelHistory.map((l: { toLevel: number }) => l.toLevel)).toEqual([1, 2]);
    }

    // Helse writes in the stafettlogg; skole reads it under the consent.
    await ok(HEALTH, APPEND, { caseId, input: { kind: "MEASURE", text: "Samtaler annenhver uke.", responsibleMemberId: helseMember.id, evaluationDate: plusDays(30) } });
    const navEntry = await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "NAV følger opp foreldrene." } });
    const correction = await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "Rettelse: NAV følger opp mor.", correctsId: navEntry.appendStafettlogg.id } });
    expect(correction.appendStafettlogg.kind).toBe("NOTE");

    // A meeting with a decision that creates a follow-up, and a plan goal evaluated there.
    const goal = (await ok(OPENER, GOAL, { caseId, input: { text: "Gå på skolen hver dag", term: "SHORT", familyPriority: 1 } })).addGoal;
    const meeting = (await ok(OPENER, SCHEDULE, { caseId, title: "Første møte", startsAt: new Date().toISOString() })).scheduleMeeting;
    await ok(OPENER, SCHEDULE, { caseId, title: "Oppfølgingsmøte", startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString() });
    const held = (
      await ok(OPENER, RECORD, {
        id: meeting.id,
        input: {
          participantIds: [c.holder.id, helseMember.id],
          summary: "Plan for de neste ukene.",
          decisions: [{ text: "Helsesykepleier tar samtaler.", followUp: { description: "Første samtale gjennomført", responsibleMemberId: helseMember.id, dueDate: plusDays(7), goalId: goal.id } }],
          evaluations: [{ goalId: goal.id, status: "OPEN", note: "Godt i gang." }],
        },
      })
    ).recordMeeting;
    expect(held).toMatchObject({ status: "HELD", decisions: [{ followUps: [{ responsibleService: "HELSE", status: "PLANNED", overdue: false }] }] });
    expect(await failure(OPENER, RECORD, { id: meeting.id, input: { participantIds: [c.holder.id], decisions: [] } })).toBe("CONFLICT");

    // The baton: a proposal, a competing second one refused, the holder keeps it until the new holder accepts.
    const proposal = (await ok(OPENER, PROPOSE, { caseId, to: helseMember.id, wish: "Familien ønsker helsesykepleier, som de kjenner." })).proposeHandover;
    expect(await failure(OPENER, PROPOSE, { caseId, to: navMember.id, wish: "—" })).toBe("CONFLICT");
    expect(await failure(NAV, ACCEPT, { id: proposal.id })).toBe("FORBIDDEN");
    const pending = (await ok(OPENER, OVERVIEW, { id: caseId }, caseId)).case;
    expect(pending.holder.id).toBe(c.holder.id);
    expect(pending.pendingHandover.id).toBe(proposal.id);
    expect((await ok(HEALTH, ACCEPT, { id: proposal.id })).acceptHandover.status).toBe("ACCEPTED");
    expect(await failure(HEALTH, ACCEPT, { id: proposal.id })).toBe("CONFLICT");

    // The family overview as the new holder: skole's data under the consent, helse its own, nav none.
    const before = (await ok(HEALTH, OVERVIEW, { id: caseId }, caseId)).case;
    expect(before.holder.id).toBe(helseMember.id);
    expect(before.pendingHandover).toBeNull();
    expect(before.subjects).toEqual([{ id: person.personId, skole: { access: { status: "GRANTED" } }, helse: { access: { status: "GRANTED" } }, nav: { access: { status: "RESTRICTED" } } }]);
    expect(before.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual([...(bti ? ["SKOLE"] : []), "HELSE"]);
    expect(before.followUps).toEqual([{ description: "Første samtale gjennomført", dueDate: plusDays(7), overdue: false, responsible: { id: helseMember.id } }]);
    expect(before.upcomingMeetings).toEqual([{ title: "Oppfølgingsmøte" }]);
    expect(before.goals).toEqual([{ text: "Gå på skolen hver dag", familyPriority: 1, status: "OPEN", evaluations: [{ status: "OPEN" }], measures: [{ description: "Første samtale gjennomført" }] }]);
    expect(before.overdueFollowUpCount).toBe(0);
    expect(await failure(OPENER, LEVEL, { caseId, level: 3, reason: "x" })).toBe("FORBIDDEN");

    // The consent covering skole is withdrawn: skole's view and entries disappear from the overview.
    await ok(OPENER, WITHDRAW, { id: consentIds[0] });
    const after = (await ok(HEALTH, OVERVIEW, { id: caseId }, caseId)).case;
    expect(after.subjects[0].skole.access.status).toBe("RESTRICTED");
    expect(after.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual(["HELSE"]);
  });
});

describe("the baton", () => {
  it("stays with the holder when the proposed member declines, and only one of two concurrent proposals wins", async () => {
    const emma = demoPersonId("nilsen", "Emma");
    const opened = (await ok(OPENER, OPEN, { input: { kind: "BTI", title: "Test", subjectIds: [emma], holderDisplayName: "Kontaktlærer" } })).openCase;
    const caseId: string = opened.id;
    const helse = (await ok(OPENER, ADD, { caseId, input: { actorId: HEALTH, displayName: "Helsesykepleier", service: "HELSE", role: "PROFESSIONAL" } })).addCaseMember;
    const nav = (await ok(OPENER, ADD, { caseId, input: { actorId: NAV, displayName: "NAV", service: "NAV", role: "PROFESSIONAL" } })).addCaseMember;

    const declined = (await ok(OPENER, PROPOSE, { caseId, to: helse.id, wish: "Ingen ønsker" })).proposeHandover;
    expect((await ok(HEALTH, DECLINE, { id: declined.id })).declineHandover.status).toBe("DECLINED");
    const still = (await ok(OPENER, OVERVIEW, { id: caseId }, caseId)).case;
    expect(still.holder.id).toBe(opened.holder.id);

    const headers = await asUser(OPENER);
    const race = await Promise.all(
      [helse.id, nav.id].map((to) => gateway(PROPOSE, { caseId, to, wish: "Begge foreslått samtidig" }, headers)),
    );
    const codes = race.map((r) => (r.errors ? r.errors[0].extensions?.code : "OK")).sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
  });

  it("refuses unknown ids, bad levels and past due dates with stable codes, writing nothing", async () => {
    const caseId = demoCaseId("nilsen");
    expect(await failure("skole-ungdomslos-1", LEVEL, { caseId, level: 7, reason: "x" })).toBe("BAD_USER_INPUT");
    expect(await failure("skole-ungdomslos-1", ACCEPT, { id: "hd-unknown" })).toBe("NOT_FOUND");
    expect(await failure("nav-veileder-2", LEVEL, { caseId, level: 3, reason: "x" })).toBe("FORBIDDEN");
    const bad = await failure("skole-ungdomslos-1", `mutation ($caseId: ID!) { addFollowUp(caseId: $caseId, input: { description: "x", responsibleMemberId: "m-none", dueDate: "2020-01-01" }) { id } }`, { caseId });
    expect(bad).toBe("BAD_USER_INPUT");
    const meeting = (await ok("skole-ungdomslos-1", SCHEDULE, { caseId, title: "Atomisk", startsAt: new Date().toISOString() })).scheduleMeeting;
    // The second follow-up is invalid: neither the decision nor the first follow-up may be saved.
    const members = (await ok("skole-ungdomslos-1", `query ($id: ID!) { case(id: $id) { activeMembers { id service } } }`, { id: caseId })).case.activeMembers;
    const skole = members.find((m: { service: string }) => m.service === "SKOLE").id;
    const code = await failure("skole-ungdomslos-1", RECORD, {
      id: meeting.id,
      input: {
        participantIds: [skole],
        decisions: [
          { text: "A", followUp: { description: "ok", responsibleMemberId: skole, dueDate: plusDays(3) } },
          { text: "B", followUp: { description: "past", responsibleMemberId: skole, dueDate: "2020-01-01" } },
        ],
      },
    });
    expect(code).toBe("BAD_USER_INPUT");
    const after = (await ok("skole-ungdomslos-1", `query ($id: ID!) { case(id: $id) { meetings { id status decisions { id } } followUps { description } } }`, { id: caseId })).case;
    expect(after.meetings.find((m: { id: string }) => m.id === meeting.id)).toEqual({ id: meeting.id, status: "PLANNED", decisions: [] });
    expect(after.followUps.map((f: { description: string }) => f.description)).not.toContain("ok");
  });
});

describe("members, follow-ups and closing", () => {
  it("lets members leave but not the holder, the responsible member finish a follow-up, and only the holder close the case", async () => {
    const tor = demoPersonId("eriksen", "Tor");
    const opened = (await ok(NAV, OPEN, { input: { kind: "ANSVARSGRUPPE", title: "Test", subjectIds: [tor], holderDisplayName: "Veileder" } })).openCase;
    const caseId: string = opened.id;
    expect(opened.btiLevel).toBeNull();
    const helse = (await ok(NAV, ADD, { caseId, input: { actorId: HEALTH, displayName: "Helse", service: "HELSE", role: "PROFESSIONAL" } })).addCaseMember;
    const trusted = (await ok(NAV, ADD, { caseId, input: { personId: tor, displayName: "Tor", service: "FAMILY", role: "FAMILY" } })).addCaseMember;
    expect(await failure(NAV, ADD, { caseId, input: { personId: "p-unknown", displayName: "x", service: "FAMILY", role: "TRUSTED_PERSON" } })).toBe("NOT_FOUND");
    expect(await failure(NAV, ADD, { caseId, input: { actorId: "x", displayName: "x", service: "NAV", role: "COORDINATOR" } })).toBe("BAD_USER_INPUT");

    const REMOVE = `mutation ($caseId: ID!, $memberId: ID!) { removeCaseMember(caseId: $caseId, memberId: $memberId) { leftAt } }`;
    expect(await failure(HEALTH, REMOVE, { caseId, memberId: opened.holder.id })).toBe("CONFLICT");
    expect(await failure(HEALTH, REMOVE, { caseId, memberId: trusted.id })).toBe("FORBIDDEN");

    const followUp = (await ok(NAV, `mutation ($caseId: ID!, $input: FollowUpInput!) { addFollowUp(caseId: $caseId, input: $input) { id status } }`, {
      caseId, input: { description: "Søke bolig", responsibleMemberId: helse.id, dueDate: plusDays(2) },
    })).addFollowUp;
    const STATUS = `mutation ($id: ID!, $status: FollowUpStatus!) { setFollowUpStatus(followUpId: $id, status: $status) { status completedAt } }`;
    const done = (await ok(HEALTH, STATUS, { id: followUp.id, status: "DONE" })).setFollowUpStatus;
    expect(done.status).toBe("DONE");
    expect(done.completedAt).not.toBeNull();

    expect((await ok(HEALTH, REMOVE, { caseId, memberId: helse.id })).removeCaseMember.leftAt).not.toBeNull();
    expect((await ok(HEALTH, `query ($id: ID!) { case(id: $id) { id } }`, { id: caseId })).case).toBeNull();

    const CLOSE = `mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Målene er nådd.") { status closedReason } }`;
    expect((await ok(NAV, CLOSE, { caseId })).closeCase).toEqual({ status: "CLOSED", closedReason: "Målene er nådd." });
    expect(await failure(NAV, GOAL, { caseId, input: { text: "x", term: "SHORT", familyPriority: 1 } })).toBe("CONFLICT");
  });
});

describe("the family overview and my cases", () => {
  it("shows for Haugland, with partial consent, exactly the permitted parts, and the overdue follow-up", async () => {
    const caseId = demoCaseId("haugland");
    const res = (await ok("nav-veileder-1", `query ($id: ID!) { case(id: $id) {
      subjects { id nav { access { status } } skole { access { status } } barnevern { access { status reason } } helse { access { status } } frivillighet { access { status } } }
      overdueFollowUps { description responsibleService } upcomingMeetings { title } goals { familyPriority } } }`, { id: caseId }, caseId)).case;
    for (const s of res.subjects) {
      expect(s.nav.access.status).toBe("GRANTED");
      expect(s.skole.access.status).toBe("GRANTED");
      expect(s.helse.access.status).toBe("RESTRICTED");
      expect(s.frivillighet.access.status).toBe("RESTRICTED");
      expect(s.barnevern.access.status).toBe("RESTRICTED");
    }
    expect(res.overdueFollowUps).toEqual([{ description: "Søknad om kommunal bolig sendt og fulgt opp", responsibleService: "NAV" }]);
    expect(res.goals.map((g: { familyPriority: number }) => g.familyPriority)).toEqual([1, 2]);
  });

  it("lists an employee's cases with overdue counts, and a citizen's own cases", async () => {
    const mine = (await ok("nav-veileder-1", `{ myCases { id overdueFollowUpCount } }`)).myCases;
    expect(mine).toContainEqual({ id: demoCaseId("haugland"), overdueFollowUpCount: 1 });
    const sara = (await ok("citizen", `{ myCases { id title } myConsents { id } }`));
    expect(sara.myCases.map((c: { id: string }) => c.id)).toEqual([demoCaseId("haugland")]);
    expect(sara.myConsents.length).toBeGreaterThan(0);
    const emma = (await ok("emma", `{ myCases { id stafettlogg { kind } } }`)).myCases;
    expect(emma.find((c: { id: string }) => c.id === demoCaseId("nilsen")).stafettlogg.length).toBeGreaterThan(0);

    // Emma (17) decides about her health data herself: she grants, then withdraws, from her own sign-in.
    const granted = (await ok("emma", GRANT, { input: { caseId: demoCaseId("nilsen"), subjectId: demoPersonId("nilsen", "Emma"), capacity: "SELF", services: ["HELSE"], categories: ["INVOLVEMENT"] } })).grantConsent;
    expect((await ok("emma", WITHDRAW, { id: granted.id })).withdrawConsent.id).toBe(granted.id);
    // …but cannot run the case.
    expect(await failure("emma", LEVEL, { caseId: demoCaseId("nilsen"), level: 3, reason: "x" })).toBe("FORBIDDEN");
  });

  it("shows Emma's stafettlogg to the ungdomslos only where her consents cover the writing service", async () => {
    const caseId = demoCaseId("nilsen");
    const entries = (await ok("skole-ungdomslos-1", `query ($id: ID!) { case(id: $id) { stafettlogg { authorService kind correctsId } } }`, { id: caseId }, caseId)).case.stafettlogg;
    expect(entries.some((e: { authorService: string }) => e.authorService === "SKOLE")).toBe(true);
    expect(entries.find((e: { kind: string; correctsId: string | null }) => e.kind === "NOTE")?.correctsId).not.toBeNull();
  });
});
