// Coordination work through the real gateway: for every demo family, a
// coordinator's realistic flow from a registered concern (or, for the adults,
// an ansvarsgruppe) to a handed-over baton, and what the family overview shows
// before and after a withdrawal; then the rules one by one — who may write as
// which service, which case a request works in, what a stafettlogg reader
// sees, the baton, BTI levels, the plan, and that a failed change writes nothing.
import { describe, expect, it } from "vitest";
import { ageOn, todayInOslo } from "../../services/kit/scalars.ts";
import { demoCaseId, demoCaseMemberId, demoFamilies, demoFamilyId, demoPersonId, fjordvik, type DemoPerson } from "../../demo/fjordvik.ts";
import { asUser, callAs, gateway, okAs } from "../support/graphql.ts";
import { attestedFormConsent } from "../support/tasks.ts";
import { startLocalSignIn } from "./local-sign-in.ts";

const OPENER = "skole-kontaktlaerer-1"; // skole: opens the case and holds the baton first
const HEALTH = "helse-helsesykepleier-1"; // helse: joins, writes, takes over the baton
const NAV = "nav-veileder-1"; // nav: proposed as a competing holder

type Vars = Record<string, unknown>;

// `any` here: these suites read deep into answers whose shapes differ query by query.
const call = <T = Record<string, any>>(actor: string, query: string, variables: Vars = {}, caseId?: string) => callAs<T>(actor, query, variables, caseId);
const ok = <T = Record<string, any>>(actor: string, query: string, variables: Vars = {}, caseId?: string) => okAs<T>(actor, query, variables, caseId);

/** The first error of a request that must fail: its code, message and extensions. */
async function refusal(actor: string, query: string, variables: Vars = {}, caseId?: string) {
  const res = await call(actor, query, variables, caseId);
  expect(res.errors, `${actor} should have been refused`).toBeDefined();
  const [first] = res.errors!;
  return { code: first!.extensions?.code as string, message: first!.message, extensions: first!.extensions ?? {} };
}

async function failure(actor: string, query: string, variables: Vars = {}, caseId?: string): Promise<string | undefined> {
  const res = await call(actor, query, variables, caseId);
  return res.errors?.[0]?.extensions?.code as string | undefined;
}

const world = fjordvik();
const today = todayInOslo();
const plusDays = (n: number, from = today) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ageOf = (p: DemoPerson) => ageOn(new Date(`${p.birthDate}T00:00:00Z`));

/** The person a coordinator would open a BTI case about: the youngest under 24 (BTI covers 0–23). */
function focusOf(persons: readonly DemoPerson[]): DemoPerson | undefined {
  return [...persons].sort((a, b) => (a.birthDate < b.birthDate ? 1 : -1)).find((p) => ageOf(p) < 24);
}

/** The consents that let skole and helse share stafettlogg and service data about the person, from whoever is competent. */
function consentsFor(person: DemoPerson): { givenById: string; capacity: "SELF" | "GUARDIAN"; services: string[]; childView?: string }[] {
  const age = ageOf(person);
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
  id kind btiLevel individualPlan levelDeadline levelOverdue family { id } holder { id service role } stafettlogg { kind authorService } } }`;
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id role service familyChoice } }`;
const REMOVE = `mutation ($caseId: ID!, $memberId: ID!) { removeCaseMember(caseId: $caseId, memberId: $memberId) { leftAt } }`;
const LEVEL = `mutation ($caseId: ID!, $level: Int!, $reason: String!) { changeBtiLevel(caseId: $caseId, level: $level, reason: $reason) {
  btiLevel levelDecidedAt levelOverdue levelHistory { fromLevel toLevel reason decidedBy decidedByService } } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const FORM = `mutation ($input: RecordConsentFormInput!) { recordConsentForm(input: $input) { id } }`;
const APPEND = `mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) {
  id kind text authorName authorService at evaluationDate correctsId responsible { id displayName } } }`;
const SCHEDULE = `mutation ($caseId: ID!, $title: String!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: $title, startsAt: $startsAt) { id status } }`;
const RECORD = `mutation ($id: ID!, $input: RecordMeetingInput!) { recordMeeting(meetingId: $id, input: $input) {
  status participants { id } decisions { text followUps { id dueDate responsibleService status overdue } } } }`;
const GOAL = `mutation ($caseId: ID!, $input: GoalInput!) { addGoal(caseId: $caseId, input: $input) { id term familyPriority status } }`;
const FOLLOW_UP = `mutation ($caseId: ID!, $input: FollowUpInput!) { addFollowUp(caseId: $caseId, input: $input) { id status } }`;
const PROPOSE = `mutation ($caseId: ID!, $to: ID!, $wish: String!) { proposeHandover(caseId: $caseId, toMemberId: $to, familyWish: $wish) { id status familyWish } }`;
const ACCEPT = `mutation ($id: ID!) { acceptHandover(handoverId: $id) { status } }`;
const DECLINE = `mutation ($id: ID!) { declineHandover(handoverId: $id, note: "Har ikke kapasitet nå") { status } }`;
const CANCEL = `mutation ($id: ID!) { cancelHandover(handoverId: $id, note: "Familien vil tenke mer på det") { status responseNote } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;
const CLOSE = `mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Målene er nådd.") { status closedReason } }`;
const OVERVIEW = `query ($id: ID!) { case(id: $id) {
  id btiLevel holder { id } pendingHandover { id }
  subjects { id skole { access { status } } helse { access { status } } nav { access { status } } }
  stafettlogg { kind authorService text }
  followUps(openOnly: true) { description dueDate overdue responsible { id } }
  upcomingMeetings { title }
  goals { text familyPriority status evaluations { status } measures { description } }
  overdueFollowUpCount } }`;
const LOG = `query ($id: ID!) { case(id: $id) { stafettlogg { id kind text authorName authorService at evaluationDate correctsId responsible { id } } } }`;
/** An employee member: their name and service come from the employee directory (issue 17). */
const member = (actorId: string, role = "PROFESSIONAL") => ({ actorId, role });
/** A case other than BTI opens from a referral or decision with its reference (issue 17). */
const REFERRAL = { kind: "REFERRAL", reference: "Henvisning, testarkiv 2026/5" };
const REGISTER = `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`;
/** A concern `actor` registers about `subjectId` (noticed at `noticedAt`, default now): a BTI case opens from it. */
async function concern(actor: string, subjectId: string, text = "Bekymring fra skolen.", noticedAt?: string): Promise<string> {
  return (await ok(actor, REGISTER, { input: { subjectId, text, ...(noticedAt ? { noticedAt } : {}) } })).registerConcern.id;
}

/** Opens a BTI case about `subjectId` as OPENER with the given members; returns its id, the holder's member id and the members' ids by actor. */
async function btiCase(subjectId: string, members: { actorId: string; role: string }[] = [], extra: Vars = {}, concernText?: string, noticedAt?: string) {
  const concernId = await concern(OPENER, subjectId, concernText, noticedAt);
  const opened = (await ok(OPENER, OPEN, { input: { kind: "BTI", title: "BTI – test", subjectIds: [subjectId], concernId, ...extra } })).openCase;
  const ids: Record<string, string> = {};
  for (const m of members) ids[m.actorId] = (await ok(OPENER, ADD, { caseId: opened.id, input: m })).addCaseMember.id;
  return { caseId: opened.id as string, holderId: opened.holder.id as string, ids, opened };
}

const btiFamilies = demoFamilies.filter((f) => focusOf(f.persons));
const adultFamilies = demoFamilies.filter((f) => !focusOf(f.persons));

describe.each(btiFamilies.map((f) => [f.key, f] as const))("coordination flow for the %s family", (_key, family) => {
  it("opens at level 0, decides in time, goes to level 2 with consent, meets, hands over the baton and reacts to a withdrawal", async () => {
    const person = focusOf(family.persons)!;

    // A concern is registered: level 0 with its 14-day deadline, the opener holds the baton.
    const c = (
      await ok(OPENER, OPEN, {
        input: {
          kind: "BTI",
          title: "BTI – bekymring fra skolen",
          subjectIds: [person.personId],
          familyId: family.familyId,
          concernId: await concern(OPENER, person.personId, "Mye fravær og lite overskudd den siste måneden."),
        },
      })
    ).openCase;
    const caseId: string = c.id;
    expect(c).toMatchObject({ kind: "BTI", btiLevel: 0, levelDeadline: plusDays(14), levelOverdue: false, family: { id: family.familyId }, holder: { service: "SKOLE", role: "STAFETTHOLDER" } });
    expect(c.stafettlogg).toEqual([{ kind: "CONCERN", authorService: "SKOLE" }]);

    // Members: helse and nav professionals, and the person for the family. Only members add members.
    expect(await failure(HEALTH, ADD, { caseId, input: member(HEALTH) })).toBe("NOT_FOUND");
    const helseMember = (await ok(OPENER, ADD, { caseId, input: member(HEALTH) })).addCaseMember;
    const navMember = (await ok(OPENER, ADD, { caseId, input: member(NAV) })).addCaseMember;
    await ok(OPENER, ADD, { caseId, input: { personId: person.personId, displayName: person.givenName, role: "FAMILY" } });
    expect(await failure(OPENER, ADD, { caseId, input: member(NAV) })).toBe("CONFLICT");

    // Level 0 decided within the deadline: there is reason for concern. Only the stafettholder decides.
    const one = (await ok(OPENER, LEVEL, { caseId, level: 1, reason: "Tiltak i skolen først." })).changeBtiLevel;
    expect(one).toMatchObject({ btiLevel: 1, levelOverdue: false });
    expect(one.levelDecidedAt).not.toBeNull();
    expect(await failure(HEALTH, LEVEL, { caseId, level: 2, reason: "x" })).toBe("FORBIDDEN");

    // Consent for sharing between skole and helse, from whoever is competent: their signed forms, recorded by the school, attested by health.
    const consentIds: string[] = [];
    for (const consent of consentsFor(person)) {
      consentIds.push(await attestedFormConsent(await asUser(OPENER), await asUser(HEALTH), { caseId, subjectId: person.personId, categories: ["STAFETTLOGG", "SERVICE_DATA"], ...consent }));
    }
    const two = (await ok(OPENER, LEVEL, { caseId, level: 2, reason: "Enkel samhandling med helsesykepleier, med samtykke." })).changeBtiLevel;
    expect(two.levelHistory.map((l: { toLevel: number }) => l.toLevel)).toEqual([1, 2]);

    // Helse writes in the stafettlogg; nav too, and corrects itself with a new entry.
    await ok(HEALTH, APPEND, { caseId, input: { kind: "MEASURE", text: "Samtaler annenhver uke.", responsibleMemberId: helseMember.id, evaluationDate: plusDays(30) } });
    const navEntry = await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "NAV følger opp foreldrene." } });
    const correction = await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "Rettelse: NAV følger opp mor.", correctsId: navEntry.appendStafettlogg.id } });
    expect(correction.appendStafettlogg).toMatchObject({ kind: "NOTE", authorService: "NAV", correctsId: navEntry.appendStafettlogg.id });

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
    // NAV's entries are hidden: no consent covers NAV.
    expect(before.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual(["SKOLE", "HELSE"]);
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

/** Who works with an adult in an ansvarsgruppe (DOMAIN.md): NAV coordinates, the substance service and a peer worker take part. */
const ADULT_TEAMS: Record<string, { coordinator: string; professional: { actor: string; service: string; name: string }; trusted: { actor: string; service: string; name: string; choice: string } }> = {
  eriksen: {
    coordinator: "nav-veileder-2",
    professional: { actor: "helse-rus-1", service: "HELSE", name: "Miljøterapeut" },
    trusted: { actor: "frivillighet-likeperson-1", service: "FRIVILLIGHET", name: "Erfaringskonsulent", choice: "Tor vil ha med erfaringskonsulenten han har møtt før løslatelsen." },
  },
  baer: {
    coordinator: "nav-veileder-2",
    professional: { actor: "helse-psykisk-1", service: "HELSE", name: "Psykiatrisk sykepleier" },
    trusted: { actor: "frivillighet-koordinator-1", service: "FRIVILLIGHET", name: "Frivilligsentralen", choice: "Ole Henrik valgte lederen av turgruppen han går i." },
  },
};

describe.each(adultFamilies.map((f) => [f.key, f] as const))("ansvarsgruppe flow for %s, an adult", (key, family) => {
  it("opens with an individuell plan, adds the family's trusted person, meets with follow-ups, hands over the baton and reacts to a withdrawal", async () => {
    const team = ADULT_TEAMS[key]!;
    expect(team, `a team for ${key}`).toBeDefined();
    const person = family.persons.find((p) => p.role === "ADULT")!;
    const COORD = team.coordinator;
    const PRO = team.professional.actor;

    const c = (
      await ok(COORD, OPEN, {
        input: {
          kind: "ANSVARSGRUPPE",
          title: "Ansvarsgruppe – individuell plan",
          subjectIds: [person.personId],
          familyId: family.familyId,
          individualPlan: true,
          referral: { kind: "DECISION", reference: "Vedtak om individuell plan, testarkiv 2026/6" },
          members: [{ personId: person.personId, displayName: person.givenName, role: "FAMILY" }],
        },
      })
    ).openCase;
    const caseId: string = c.id;
    expect(c).toMatchObject({ kind: "ANSVARSGRUPPE", btiLevel: null, individualPlan: true, levelDeadline: null, levelOverdue: false, family: { id: family.familyId }, holder: { service: "NAV", role: "COORDINATOR" } });
    expect(await failure(COORD, LEVEL, { caseId, level: 1, reason: "x" })).toBe("BAD_USER_INPUT"); // levels belong to BTI

    const pro = (await ok(COORD, ADD, { caseId, input: member(PRO) })).addCaseMember;
    // The trusted person the family chose: their choice is recorded with the membership, and required.
    const trustedInput = { ...member(team.trusted.actor, "TRUSTED_PERSON") };
    expect(await failure(COORD, ADD, { caseId, input: trustedInput })).toBe("BAD_USER_INPUT");
    const trusted = (await ok(COORD, ADD, { caseId, input: { ...trustedInput, familyChoice: team.trusted.choice } })).addCaseMember;
    expect(trusted).toMatchObject({ role: "TRUSTED_PERSON", service: team.trusted.service, familyChoice: team.trusted.choice });

    // He consents himself, signed in, to NAV, health and the voluntary sector sharing.
    const given = await gateway<{ grantConsent: { id: string } }>(GRANT, {
      input: { caseId, subjectId: person.personId, capacity: "SELF", services: ["NAV", "HELSE", "FRIVILLIGHET"], categories: ["INVOLVEMENT", "SERVICE_DATA", "STAFETTLOGG"] },
    }, await asUser(person.personId));
    expect(given.errors).toBeUndefined();
    const consent = given.data!.grantConsent;

    await ok(PRO, APPEND, { caseId, input: { kind: "MEASURE", text: "Poliklinisk oppfølging to ganger i uka.", responsibleMemberId: pro.id, evaluationDate: plusDays(28) } });
    await ok(COORD, APPEND, { caseId, input: { kind: "DECISION", text: "NAV søker om kommunal bolig." } });

    // The plan, added out of the family's order: the long-term goal is the most important.
    const housing = (await ok(COORD, GOAL, { caseId, input: { text: "Et sted å bo fra første dag", term: "SHORT", familyPriority: 2 } })).addGoal;
    const work = (await ok(COORD, GOAL, { caseId, input: { text: "I arbeid innen ett år", term: "LONG", familyPriority: 1 } })).addGoal;
    expect(work).toMatchObject({ term: "LONG", familyPriority: 1, status: "OPEN" });

    const meeting = (await ok(COORD, SCHEDULE, { caseId, title: "Ansvarsgruppemøte", startsAt: new Date().toISOString() })).scheduleMeeting;
    await ok(COORD, SCHEDULE, { caseId, title: "Evaluering av planen", startsAt: new Date(Date.now() + 28 * 86_400_000).toISOString() });
    const held = (
      await ok(COORD, RECORD, {
        id: meeting.id,
        input: {
          participantIds: [c.holder.id, pro.id, trusted.id],
          summary: "Bolig er på plass; arbeid er neste mål.",
          decisions: [
            { text: "Oppfølging hos rus- og psykisk helsetjeneste.", followUp: { description: "Første samtale", responsibleMemberId: pro.id, dueDate: plusDays(7) } },
            { text: "NAV starter arbeidsrettet oppfølging.", followUp: { description: "Avklaringssamtale om arbeid", responsibleMemberId: c.holder.id, dueDate: plusDays(21), goalId: work.id } },
          ],
          evaluations: [{ goalId: housing.id, status: "ACHIEVED", note: "Midlertidig bolig fra første dag." }],
        },
      })
    ).recordMeeting;
    expect(held.decisions.map((d: { followUps: { responsibleService: string }[] }) => d.followUps.map((f) => f.responsibleService))).toEqual([["HELSE"], ["NAV"]]);

    // Handover to the health professional, with his wish.
    const wish = "Han ønsker at den han møter oftest, har ballen.";
    const proposal = (await ok(COORD, PROPOSE, { caseId, to: pro.id, wish })).proposeHandover;
    expect(proposal).toMatchObject({ status: "PROPOSED", familyWish: wish });
    expect((await ok(PRO, ACCEPT, { id: proposal.id })).acceptHandover.status).toBe("ACCEPTED");

    const ADULT_OVERVIEW = `query ($id: ID!) { case(id: $id) {
      individualPlan holder { id role service } handovers { familyWish status from { id } to { id } }
      members { id role familyChoice }
      subjects { id nav { access { status } } helse { access { status reason } } frivillighet { access { status } } }
      stafettlogg { authorService }
      goals { text term familyPriority status evaluations { status note } measures { description } }
      followUps(openOnly: true) { description responsibleService }
      upcomingMeetings { title } } }`;
    const before = (await ok(COORD, ADULT_OVERVIEW, { id: caseId }, caseId)).case;
    expect(before.individualPlan).toBe(true);
    expect(before.holder).toEqual({ id: pro.id, role: "COORDINATOR", service: "HELSE" });
    expect(before.handovers).toEqual([{ familyWish: wish, status: "ACCEPTED", from: { id: c.holder.id }, to: { id: pro.id } }]);
    expect(before.members.find((m: { id: string }) => m.id === trusted.id)).toEqual({ id: trusted.id, role: "TRUSTED_PERSON", familyChoice: team.trusted.choice });
    expect(before.subjects[0]).toMatchObject({ nav: { access: { status: "GRANTED" } }, helse: { access: { status: "GRANTED", reason: "CONSENT" } }, frivillighet: { access: { status: "GRANTED" } } });
    expect(before.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual(["HELSE", "NAV"]);
    expect(before.goals).toEqual([
      { text: "I arbeid innen ett år", term: "LONG", familyPriority: 1, status: "OPEN", evaluations: [], measures: [{ description: "Avklaringssamtale om arbeid" }] },
      { text: "Et sted å bo fra første dag", term: "SHORT", familyPriority: 2, status: "ACHIEVED", evaluations: [{ status: "ACHIEVED", note: "Midlertidig bolig fra første dag." }], measures: [] },
    ]);
    expect(before.followUps).toEqual([{ description: "Første samtale", responsibleService: "HELSE" }, { description: "Avklaringssamtale om arbeid", responsibleService: "NAV" }]);
    expect(before.upcomingMeetings).toEqual([{ title: "Evaluering av planen" }]);

    // He withdraws the consent: NAV, no longer holding the baton, sees neither health's view nor its entries.
    await ok(COORD, WITHDRAW, { id: consent.id });
    const after = (await ok(COORD, ADULT_OVERVIEW, { id: caseId }, caseId)).case;
    expect(after.subjects[0].helse.access).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT" });
    expect(after.subjects[0].nav.access.status).toBe("GRANTED"); // its own records
    expect(after.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual(["NAV"]);
    expect((await ok(PRO, CLOSE, { caseId })).closeCase.status).toBe("CLOSED");
  });
});

describe("writing as a service", () => {
  it("takes a member's service from the directory, and refuses a sign-in for another service than the membership, so nobody writes under another service's name", async () => {
    const child = demoPersonId("rahimi", "Omid");
    const { caseId, ids } = await btiCase(child, [member("barnevern-saksbehandler-2"), member(HEALTH)]);
    const MEMBERS = `query ($id: ID!) { case(id: $id) { members { id actorId service } } }`;
    expect((await ok(OPENER, MEMBERS, { id: caseId }, caseId)).case.members).toContainEqual({ id: ids["barnevern-saksbehandler-2"], actorId: "barnevern-saksbehandler-2", service: "BARNEVERN" });
    // A sign-in for the school (a wrong claim mapping, say) writes nothing as the school, nor as barnevern.
    const local = await startLocalSignIn(43);
    try {
      const asSchool = await local.headers({ sub: "barnevern-saksbehandler-2", name: "Rune Aune", service: "skole", roles: ["caseworker"] }, caseId);
      const write = await local.send(APPEND, { caseId, input: { kind: "NOTE", text: "Skrevet som skole?" } }, asSchool);
      expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(write.errors?.[0]?.message).toMatch(/for BARNEVERN, but you are signed in for SKOLE/);
      for (const [query, variables] of [
        [GOAL, { caseId, input: { text: "x", term: "SHORT", familyPriority: 1 } }],
        [FOLLOW_UP, { caseId, input: { description: "x", responsibleMemberId: ids[HEALTH], dueDate: plusDays(3) } }],
        [ADD, { caseId, input: member(NAV) }],
      ] as const) {
        expect((await local.send(query, variables, asSchool)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    } finally {
      await local.stop();
    }
    const services = async () => (await ok(OPENER, LOG, { id: caseId }, caseId)).case.stafettlogg.map((e: { authorService: string }) => e.authorService);
    // Nothing was written under the school's name: the school sees its own concern as before.
    expect(await services()).toEqual(["SKOLE"]);

    // Signed in for barnevern, the same caseworker writes as barnevern, and the school does not see it without a consent.
    expect((await ok("barnevern-saksbehandler-2", APPEND, { caseId, input: { kind: "NOTE", text: "Barnevernet er orientert." } })).appendStafettlogg.authorService).toBe("BARNEVERN");
    expect(await services()).toEqual(["SKOLE"]);
    // The level decision is labelled with the decider's signed-in service too.
    const level = (await ok(OPENER, LEVEL, { caseId, level: 1, reason: "Tiltak i skolen." })).changeBtiLevel;
    expect(level.levelHistory).toEqual([{ fromLevel: 0, toLevel: 1, reason: "Tiltak i skolen.", decidedBy: OPENER, decidedByService: "SKOLE" }]);
  });
});

describe("the declared case (X-Case-Id)", () => {
  it("answers case(id) only within that case, and refuses a change to one case declared as another", async () => {
    const haugland = demoCaseId("haugland");
    const sara = demoPersonId("haugland", "Sara");
    // NAV's coordinator opens a second case about Sara, with no consent in it.
    const other = (await ok(NAV, OPEN, { input: { kind: "ANSVARSGRUPPE", title: "Økonomi", subjectIds: [sara], referral: REFERRAL } })).openCase.id as string;
    const QUERY = `query ($id: ID!) { case(id: $id) { id subjects { id skole { access { status } } } } }`;

    // Under Haugland's own case Sara's school view is granted by her consent there…
    const own = (await ok(NAV, QUERY, { id: haugland }, haugland)).case;
    expect(own.subjects.find((s: { id: string }) => s.id === sara).skole.access.status).toBe("GRANTED");
    // …asked for under the other case it would have been decided there: refused instead, and without a declared case too.
    for (const declared of [other, undefined]) {
      const res = await call(NAV, QUERY, { id: haugland }, declared);
      expect(res.data?.case ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe("PURPOSE_MISMATCH");
      expect(res.errors?.[0]?.message).toContain(`X-Case-Id: ${haugland}`);
    }
    // The check compares ids only: an unknown case answers the same way.
    expect((await refusal(NAV, QUERY, { id: "c-nosuchcase00" }, other)).code).toBe("PURPOSE_MISMATCH");
    expect((await ok(NAV, QUERY, { id: "c-nosuchcase00" }, "c-nosuchcase00")).case).toBeNull();

    // A change to Haugland declared as the other case is refused; with Haugland declared, or none, it goes through.
    const note = { kind: "NOTE", text: "Notat om bolig." };
    expect((await refusal(NAV, APPEND, { caseId: haugland, input: note }, other)).code).toBe("PURPOSE_MISMATCH");
    expect((await ok(NAV, APPEND, { caseId: other, input: note }, other)).appendStafettlogg.authorService).toBe("NAV");
    expect((await ok(NAV, APPEND, { caseId: other, input: note })).appendStafettlogg.authorService).toBe("NAV");
    // openCase makes a case no request can have declared yet.
    expect((await refusal(NAV, OPEN, { input: { kind: "ANSVARSGRUPPE", title: "x", subjectIds: [sara], referral: REFERRAL } }, haugland)).code).toBe("PURPOSE_MISMATCH");
    // Rows found by id (a meeting) follow their case: the declared case must be it.
    const meeting = (await ok(NAV, SCHEDULE, { caseId: other, title: "Møte", startsAt: new Date(Date.now() + 86_400_000).toISOString() })).scheduleMeeting;
    expect((await refusal(NAV, `mutation ($id: ID!) { cancelMeeting(meetingId: $id) { status } }`, { id: meeting.id }, haugland)).code).toBe("PURPOSE_MISMATCH");
    expect((await ok(NAV, `mutation ($id: ID!) { cancelMeeting(meetingId: $id) { status } }`, { id: meeting.id }, other)).cancelMeeting.status).toBe("CANCELLED");
    await ok(NAV, CLOSE, { caseId: other });
  });
});

describe("a case the caller takes no part in", () => {
  it("answers exactly like an unknown case, for every way of naming it", async () => {
    const berg = demoCaseId("berg");
    const outsider = "helse-helsesykepleier-2"; // in Haugland's case, not in Berg's
    const attempts: [string, (caseId: string) => Vars][] = [
      [APPEND, (caseId) => ({ caseId, input: { kind: "NOTE", text: "x" } })],
      [ADD, (caseId) => ({ caseId, input: member(NAV) })],
      [GOAL, (caseId) => ({ caseId, input: { text: "x", term: "SHORT", familyPriority: 1 } })],
      [`query ($caseId: ID!) { consents(caseId: $caseId) { id } }`, (caseId) => ({ caseId })],
      [FORM, (caseId) => ({ input: { caseId, subjectId: demoPersonId("berg", "Geir"), givenById: demoPersonId("berg", "Geir"), capacity: "SELF", services: ["HELSE"], categories: ["INVOLVEMENT"], formReference: "x" } })],
    ];
    for (const [query, variables] of attempts) {
      // Each within the case it names (X-Case-Id), as a member would send it.
      const existing = await refusal(outsider, query, variables(berg), berg);
      const unknown = await refusal(outsider, query, variables("c-nosuchcase00"), "c-nosuchcase00");
      expect(existing.code, query).toBe("NOT_FOUND");
      expect(existing.message, query).toBe(unknown.message);
    }
    // A citizen who takes no part in it learns no more.
    const citizen = await refusal("emma", `query ($caseId: ID!) { consents(caseId: $caseId) { id } }`, { caseId: berg });
    expect(citizen.code).toBe("NOT_FOUND");
  });
});

describe("opening a case", () => {
  it("takes a household only when it is the register household of every subject", async () => {
    const jonas = demoPersonId("haugland", "Jonas");
    const base = async () => ({ kind: "BTI", title: "BTI", subjectIds: [jonas], concernId: await concern(OPENER, jonas) });
    const opened = (await ok(OPENER, OPEN, { input: { ...(await base()), familyId: demoFamilyId("haugland") } })).openCase;
    expect(opened.family).toEqual({ id: demoFamilyId("haugland") });
    const refusedFor = async (familyId: string, subjectIds = [jonas]) => refusal(OPENER, OPEN, { input: { ...(await base()), subjectIds, familyId } });
    const otherFamily = await refusedFor(demoFamilyId("berg"));
    const unknownFamily = await refusedFor("f-nosuchfamly");
    expect(otherFamily).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "familyId" } });
    // An unknown household and someone else's answer alike.
    expect(unknownFamily.message).toBe(otherFamily.message);
    // The children's father is in the register, but he does not live in the household: he is no subject of a case about Jonas.
    expect((await refusedFor(demoFamilyId("haugland"), [jonas, demoPersonId("haugland", "Kristian")])).code).toBe("BAD_USER_INPUT");
    for (const bad of ["f-\u0000null", "x".repeat(65), "f-with space", "f-Ø"]) expect((await refusedFor(bad)).code, JSON.stringify(bad)).toBe("BAD_USER_INPUT");
    // Nothing was opened by the refused attempts: the opener's cases about Jonas are the one above.
    const mine = (await ok(OPENER, `{ myCases { id } }`)).myCases as { id: string }[];
    const aboutJonas = [];
    for (const { id } of mine) {
      const subjects = (await ok(OPENER, `query ($id: ID!) { case(id: $id) { subjects { id } } }`, { id }, id)).case.subjects as { id: string }[];
      if (subjects.length === 1 && subjects[0]!.id === jonas) aboutJonas.push(id);
    }
    expect(aboutJonas).toEqual([opened.id]);
  });

  it("opens an investeringsteam with a coordinator, and an ansvarsgruppe with an individuell plan", async () => {
    const geir = demoPersonId("berg", "Geir");
    const team = (await ok("samhandling-investeringsleder-1", OPEN, { input: { kind: "INVESTERINGSTEAM", title: "Velferdslab", subjectIds: [geir], familyId: demoFamilyId("berg"), referral: { kind: "DECISION", reference: "Vedtak, testarkiv 2026/8" } } })).openCase;
    expect(team).toMatchObject({ kind: "INVESTERINGSTEAM", btiLevel: null, individualPlan: false, levelDeadline: null, holder: { service: "SAMHANDLING", role: "COORDINATOR" }, stafettlogg: [] });
    const plan = (await ok(NAV, OPEN, { input: { kind: "ANSVARSGRUPPE", title: "IP", subjectIds: [geir], individualPlan: true, referral: REFERRAL } })).openCase;
    expect(plan).toMatchObject({ kind: "ANSVARSGRUPPE", individualPlan: true });
    // A concern belongs to BTI work.
    expect(await failure(NAV, OPEN, { input: { kind: "ANSVARSGRUPPE", title: "x", subjectIds: [geir], concernId: await concern(NAV, geir) } })).toBe("BAD_USER_INPUT");
  });

  it("adds a registry person the family chose as trusted person, with their choice", async () => {
    const ida = demoPersonId("berg", "Ida");
    const { caseId } = await btiCase(ida);
    const line = demoPersonId("berg", "Line");
    const trusted = (await ok(OPENER, ADD, { caseId, input: { personId: line, displayName: "Line (mor)", role: "TRUSTED_PERSON", familyChoice: "Ida vil ha med mamma." } })).addCaseMember;
    expect(trusted).toMatchObject({ role: "TRUSTED_PERSON", service: "FAMILY", familyChoice: "Ida vil ha med mamma." });
    const members = (await ok(OPENER, `query ($id: ID!) { case(id: $id) { members { id role familyChoice person { id } } } }`, { id: caseId }, caseId)).case.members;
    expect(members).toContainEqual({ id: trusted.id, role: "TRUSTED_PERSON", familyChoice: "Ida vil ha med mamma.", person: { id: line } });
    // Only a trusted person carries a family's choice.
    expect(await failure(OPENER, ADD, { caseId, input: { ...member(NAV), familyChoice: "x" } })).toBe("BAD_USER_INPUT");
  });
});

describe("the stafettlogg", () => {
  it("keeps another service's entries from a reader without a STAFETTLOGG consent at every level, and shows them once one covers it", async () => {
    const omid = demoPersonId("rahimi", "Omid"); // 10: his parents consent, with his own view
    const { caseId } = await btiCase(omid, [member(HEALTH)], {}, "Sliten og lei seg.");
    await ok(HEALTH, APPEND, { caseId, input: { kind: "NOTE", text: "Helsesykepleier har hatt en samtale." } });
    const services = async () => (await ok(OPENER, LOG, { id: caseId }, caseId)).case.stafettlogg.map((e: { authorService: string }) => e.authorService);

    expect(await services()).toEqual(["SKOLE"]); // level 0: the school's concern
    await ok(OPENER, LEVEL, { caseId, level: 1, reason: "Tiltak i skolen først." });
    expect(await services()).toEqual(["SKOLE"]); // level 1
    // A consent to health's service data, not its stafettlogg entries, does not open them (his father's signed forms, attested).
    const parent = { givenById: demoPersonId("rahimi", "Ahmad"), capacity: "GUARDIAN", childView: "Det er greit." };
    const form = async (categories: string[]) => attestedFormConsent(await asUser(OPENER), await asUser(HEALTH), { caseId, subjectId: omid, services: ["HELSE"], categories, ...parent });
    await form(["SERVICE_DATA"]);
    expect(await services()).toEqual(["SKOLE"]);
    await form(["STAFETTLOGG"]);
    expect(await services()).toEqual(["SKOLE", "HELSE"]);
    // Health sees its own entries, and the school's only under a consent for SKOLE, which there is none of.
    expect((await ok(HEALTH, LOG, { id: caseId }, caseId)).case.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual(["HELSE"]);
  });

  it("shows Emma's stafettlogg to the school without health's entries, which her own consent keeps to health", async () => {
    const caseId = demoCaseId("nilsen");
    const asSchool = (await ok("skole-ungdomslos-1", LOG, { id: caseId }, caseId)).case.stafettlogg;
    const asHealth = (await ok(HEALTH, LOG, { id: caseId }, caseId)).case.stafettlogg;
    // Health's entries exist (the nurse sees them)…
    expect(asHealth.filter((e: { authorService: string }) => e.authorService === "HELSE").length).toBe(2);
    // …and the school sees only its own: Emma's health consent covers involvement and service data, not the stafettlogg.
    expect(asSchool.length).toBeGreaterThan(0);
    expect(asSchool.every((e: { authorService: string }) => e.authorService === "SKOLE")).toBe(true);
    // Her parents' consent covers the school's entries for health.
    expect(asHealth.filter((e: { authorService: string }) => e.authorService === "SKOLE").map((e: { id: string }) => e.id)).toEqual(asSchool.map((e: { id: string }) => e.id));
    // The correction points to the entry it corrects.
    const fix = asSchool.find((e: { correctsId: string | null }) => e.correctsId !== null);
    expect(asSchool.map((e: { id: string }) => e.id)).toContain(fix.correctsId);
  });

  it("is not opened for barnevern by being a member: only a consent covering STAFETTLOGG opens others' entries (issue 17)", async () => {
    const caseId = demoCaseId("haugland");
    const barnevern = "barnevern-saksbehandler-1";
    await ok(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "Jonas har hatt en fin uke." } });
    await ok(NAV, APPEND, { caseId, input: { kind: "NOTE", text: "Boligsøknaden er sendt." } });
    await ok(barnevern, APPEND, { caseId, input: { kind: "NOTE", text: "Barnevernet tar det opp i møtet." } });
    const res = (await ok(barnevern, `query ($id: ID!) { case(id: $id) {
      subjects { id skole { access { status reason } } } stafettlogg { authorService } } }`, { id: caseId }, caseId)).case;
    const jonas = res.subjects.find((s: { id: string }) => s.id === demoPersonId("haugland", "Jonas"));
    // Sara's consent lets the case's members see the school's data — barnevern as a member, not by a duty of its own.
    expect(jonas.skole.access).toEqual({ status: "GRANTED", reason: "CONSENT" });
    expect(res.stafettlogg.map((e: { authorService: string }) => e.authorService)).toEqual(["BARNEVERN"]);
  });

  it("records author, time, responsible member and evaluation date, and corrections only of entries in the same case", async () => {
    const zahra = demoPersonId("rahimi", "Zahra");
    const { caseId, ids } = await btiCase(zahra, [member(HEALTH)]);
    const sent = Date.now();
    const entry = (await ok(OPENER, APPEND, { caseId, input: { kind: "MEASURE", text: "Fast samtale hver mandag.", responsibleMemberId: ids[HEALTH], evaluationDate: plusDays(21) } })).appendStafettlogg;
    const correction = (await ok(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "Rettelse: samtalen er på tirsdager.", correctsId: entry.id } })).appendStafettlogg;
    // After the concern the case was opened from.
    const [concernEntry, first, second] = (await ok(OPENER, LOG, { id: caseId }, caseId)).case.stafettlogg;
    expect(concernEntry).toMatchObject({ kind: "CONCERN", authorName: "Marte Fossum", authorService: "SKOLE" });
    expect(first).toEqual({ id: entry.id, kind: "MEASURE", text: "Fast samtale hver mandag.", authorName: "Marte Fossum", authorService: "SKOLE", at: expect.any(String), evaluationDate: plusDays(21), correctsId: null, responsible: { id: ids[HEALTH] } });
    expect(Math.abs(Date.parse(first.at) - sent)).toBeLessThan(60_000);
    expect(second).toMatchObject({ id: correction.id, kind: "NOTE", correctsId: entry.id, responsible: null, evaluationDate: null });
    expect(Date.parse(second.at)).toBeGreaterThanOrEqual(Date.parse(first.at));

    expect(await failure(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "x", correctsId: "sl-nosuchentry0" } })).toBe("NOT_FOUND");
    // An entry of another case cannot be corrected from here.
    const otherEntry = (await ok(OPENER, LOG, { id: demoCaseId("haugland") }, demoCaseId("haugland"))).case.stafettlogg[0];
    expect(otherEntry).toBeDefined();
    expect(await failure(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "x", correctsId: otherEntry.id } })).toBe("NOT_FOUND");
    expect(await failure(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "x", evaluationDate: "2020-01-01" } })).toBe("BAD_USER_INPUT");
    expect(await failure(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "x", responsibleMemberId: "m-nosuchmembr" } })).toBe("BAD_USER_INPUT");
  });
});

describe("the baton", () => {
  const HANDOVERS = `query ($id: ID!) { case(id: $id) { holder { id } pendingHandover { id }
    handovers { id status familyWish proposedAt respondedAt responseNote from { id } to { id } } } }`;

  it("stays with the holder when the proposed member declines, and only one of several concurrent proposals wins", async () => {
    const emma = demoPersonId("nilsen", "Emma");
    const others = [member(HEALTH), member(NAV), member("skole-ot-1"), member("frivillighet-mentor-1")];
    const { caseId, holderId, ids } = await btiCase(emma, others);

    const declined = (await ok(OPENER, PROPOSE, { caseId, to: ids[HEALTH], wish: "Ingen ønsker" })).proposeHandover;
    expect((await ok(HEALTH, DECLINE, { id: declined.id })).declineHandover.status).toBe("DECLINED");
    expect((await ok(OPENER, HANDOVERS, { id: caseId }, caseId)).case.holder.id).toBe(holderId);

    // On PostgreSQL (npm test's second pass) these really run side by side: the case lock, and the
    // database's one-open-proposal index behind it, let exactly one through.
    const headers = await asUser(OPENER);
    const targets = Array.from({ length: 6 }, () => Object.values(ids)).flat();
    const race = await Promise.all(targets.map((to) => gateway(PROPOSE, { caseId, to, wish: "Alle foreslått samtidig" }, headers)));
    const codes = race.map((r) => (r.errors ? r.errors[0]!.extensions?.code : "OK"));
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK")).toEqual(targets.slice(1).map(() => "CONFLICT"));
    const after = (await ok(OPENER, HANDOVERS, { id: caseId }, caseId)).case;
    expect(after.handovers.filter((h: { status: string }) => h.status === "PROPOSED")).toHaveLength(1);
  });

  it("records the family's wish, lets the holder cancel and keep acting while a proposal is open, and refuses a proposal no longer open", async () => {
    const lars = demoPersonId("sandvik", "Lars");
    const { caseId, holderId, ids } = await btiCase(lars, [member(HEALTH), member(NAV)]);
    const wish = "Lars vil at helsesykepleieren skal ha ballen.";
    const first = (await ok(OPENER, PROPOSE, { caseId, to: ids[HEALTH], wish })).proposeHandover;
    expect(first).toMatchObject({ status: "PROPOSED", familyWish: wish });

    // While it is open the holder still holds the baton and acts as such; the proposed member does not.
    expect((await ok(OPENER, LEVEL, { caseId, level: 1, reason: "Tiltak i skolen mens overlevering avklares." })).changeBtiLevel.btiLevel).toBe(1);
    expect(await failure(HEALTH, LEVEL, { caseId, level: 2, reason: "x" })).toBe("FORBIDDEN");
    expect(await failure(HEALTH, CANCEL, { id: first.id })).toBe("FORBIDDEN");

    const cancelled = (await ok(OPENER, CANCEL, { id: first.id })).cancelHandover;
    expect(cancelled).toEqual({ status: "CANCELLED", responseNote: "Familien vil tenke mer på det" });
    // The cancelled offer cannot be taken up any more; the baton is offered to NAV instead.
    expect(await failure(HEALTH, ACCEPT, { id: first.id })).toBe("CONFLICT");
    const second = (await ok(OPENER, PROPOSE, { caseId, to: ids[NAV], wish: "Familien ønsker NAV nå." })).proposeHandover;
    expect((await ok(NAV, ACCEPT, { id: second.id })).acceptHandover.status).toBe("ACCEPTED");
    // The baton has moved: the old holder can no longer act as holder, nor the old offer be answered.
    expect(await failure(OPENER, LEVEL, { caseId, level: 2, reason: "x" })).toBe("FORBIDDEN");
    expect(await failure(OPENER, PROPOSE, { caseId, to: ids[HEALTH], wish: "x" })).toBe("FORBIDDEN");
    expect(await failure(HEALTH, ACCEPT, { id: first.id })).toBe("CONFLICT");
    expect(await failure(HEALTH, DECLINE, { id: first.id })).toBe("CONFLICT");

    const read = (await ok(NAV, HANDOVERS, { id: caseId }, caseId)).case;
    expect(read.holder.id).toBe(ids[NAV]);
    expect(read.pendingHandover).toBeNull();
    expect(read.handovers).toEqual([
      { id: second.id, status: "ACCEPTED", familyWish: "Familien ønsker NAV nå.", proposedAt: expect.any(String), respondedAt: expect.any(String), responseNote: null, from: { id: holderId }, to: { id: ids[NAV] } },
      { id: first.id, status: "CANCELLED", familyWish: wish, proposedAt: expect.any(String), respondedAt: expect.any(String), responseNote: "Familien vil tenke mer på det", from: { id: holderId }, to: { id: ids[HEALTH] } },
    ]);
  });
});

describe("BTI levels", () => {
  it("shows level 0 overdue when the concern is more than 14 days old, and keeps every move up and down with its reason", async () => {
    const sofie = demoPersonId("sandvik", "Sofie");
    const concernAt = new Date(Date.now() - 20 * 86_400_000);
    const { caseId, opened } = await btiCase(sofie, [], {}, "Bekymring meldt for tre uker siden.", concernAt.toISOString());
    expect(opened).toMatchObject({ btiLevel: 0, levelOverdue: true, levelDeadline: plusDays(14, todayInOslo(concernAt)) });
    expect((await ok(OPENER, `{ myCases { id levelOverdue } }`)).myCases).toContainEqual({ id: caseId, levelOverdue: true });

    const up = "Det er grunn til bekymring: samarbeid med helsesykepleier.";
    const down = "Tiltakene virker; skolen følger opp alene.";
    expect((await ok(OPENER, LEVEL, { caseId, level: 2, reason: up })).changeBtiLevel).toMatchObject({ btiLevel: 2, levelOverdue: false });
    const lowered = (await ok(OPENER, LEVEL, { caseId, level: 1, reason: down })).changeBtiLevel;
    expect(lowered).toMatchObject({ btiLevel: 1, levelOverdue: false });
    expect(lowered.levelHistory).toEqual([
      { fromLevel: 0, toLevel: 2, reason: up, decidedBy: OPENER, decidedByService: "SKOLE" },
      { fromLevel: 2, toLevel: 1, reason: down, decidedBy: OPENER, decidedByService: "SKOLE" },
    ]);
    expect(await failure(OPENER, LEVEL, { caseId, level: 1, reason: "igjen" })).toBe("CONFLICT");
    expect(await failure(OPENER, LEVEL, { caseId, level: 2, reason: " " })).toBe("BAD_USER_INPUT");
    // A concern cannot have been noticed in the future.
    expect(await failure(OPENER, REGISTER, { input: { subjectId: sofie, text: "x", noticedAt: new Date(Date.now() + 86_400_000).toISOString() } })).toBe("BAD_USER_INPUT");
  });
});

describe("the plan", () => {
  it("orders goals by the family's priority whatever the order they came in, and a goal achieved at a meeting says so", async () => {
    const mats = demoPersonId("berg", "Mats");
    const { caseId, holderId } = await btiCase(mats);
    const added = [];
    for (const [text, term, familyPriority] of [["Venner på skolen", "SHORT", 3], ["Trives hjemme", "LONG", 1], ["Fotball to ganger i uka", "SHORT", 2]] as const) {
      added.push((await ok(OPENER, GOAL, { caseId, input: { text, term, familyPriority } })).addGoal);
    }
    expect(added.map((g) => g.term)).toEqual(["SHORT", "LONG", "SHORT"]);
    expect(await failure(OPENER, GOAL, { caseId, input: { text: "x", term: "LONG", familyPriority: 0 } })).toBe("BAD_USER_INPUT");
    const football = added[2]!;
    const meeting = (await ok(OPENER, SCHEDULE, { caseId, title: "Evaluering", startsAt: new Date().toISOString() })).scheduleMeeting;
    await ok(OPENER, RECORD, { id: meeting.id, input: { participantIds: [holderId], decisions: [], evaluations: [{ goalId: football.id, status: "ACHIEVED", note: "Han er med på laget." }] } });
    const goals = (await ok(OPENER, `query ($id: ID!) { case(id: $id) { goals { text term familyPriority status evaluations { status note meetingId } } } }`, { id: caseId }, caseId)).case.goals;
    expect(goals).toEqual([
      { text: "Trives hjemme", term: "LONG", familyPriority: 1, status: "OPEN", evaluations: [] },
      { text: "Fotball to ganger i uka", term: "SHORT", familyPriority: 2, status: "ACHIEVED", evaluations: [{ status: "ACHIEVED", note: "Han er med på laget.", meetingId: meeting.id }] },
      { text: "Venner på skolen", term: "SHORT", familyPriority: 3, status: "OPEN", evaluations: [] },
    ]);
  });
});

describe("a change that fails", () => {
  it("writes nothing when the second decision's follow-up turns out wrong inside the meeting's transaction", async () => {
    const caseId = demoCaseId("nilsen");
    const los = "skole-ungdomslos-1";
    expect(await failure(los, LEVEL, { caseId, level: 7, reason: "x" })).toBe("BAD_USER_INPUT");
    expect(await failure(los, ACCEPT, { id: "hd-unknown" })).toBe("NOT_FOUND");
    expect(await failure("nav-veileder-2", LEVEL, { caseId, level: 3, reason: "x" })).toBe("NOT_FOUND");
    expect(await failure(los, FOLLOW_UP, { caseId, input: { description: "x", responsibleMemberId: "m-none", dueDate: plusDays(3) } })).toBe("BAD_USER_INPUT");
    expect(await failure(los, FOLLOW_UP, { caseId, input: { description: "x", responsibleMemberId: demoCaseMemberId("nilsen", los), dueDate: "2020-01-01" } })).toBe("BAD_USER_INPUT");

    const meeting = (await ok(los, SCHEDULE, { caseId, title: "Atomisk", startsAt: new Date().toISOString() })).scheduleMeeting;
    const goal = (await ok(los, GOAL, { caseId, input: { text: "Fullføre Vg2", term: "LONG", familyPriority: 9 } })).addGoal;
    const self = demoCaseMemberId("nilsen", los);
    // The first decision and its follow-up are written before the second follow-up's member is looked up, under the case lock.
    const failed = await refusal(los, RECORD, {
      id: meeting.id,
      input: {
        participantIds: [self],
        summary: "Skal ikke lagres.",
        decisions: [
          { text: "A", followUp: { description: "Lagres ikke", responsibleMemberId: self, dueDate: plusDays(3), goalId: goal.id } },
          { text: "B", followUp: { description: "Ukjent ansvarlig", responsibleMemberId: "m-nosuchmembr", dueDate: plusDays(3) } },
        ],
        evaluations: [{ goalId: goal.id, status: "ACHIEVED" }],
      },
    });
    expect(failed).toMatchObject({ code: "BAD_USER_INPUT", extensions: { field: "decisions[1].followUp.responsibleMemberId" } });
    const after = (await ok(los, `query ($id: ID!) { case(id: $id) { meetings { id status summary decisions { id } } followUps { description } goals { id status measures { id } evaluations { id } } } }`, { id: caseId }, caseId)).case;
    expect(after.meetings.find((m: { id: string }) => m.id === meeting.id)).toEqual({ id: meeting.id, status: "PLANNED", summary: null, decisions: [] });
    expect(after.followUps.map((f: { description: string }) => f.description)).not.toContain("Lagres ikke");
    expect(after.goals.find((g: { id: string }) => g.id === goal.id)).toEqual({ id: goal.id, status: "OPEN", measures: [], evaluations: [] });
    // The same meeting recorded correctly afterwards goes through: the failed attempt left no trace to conflict with.
    await ok(los, RECORD, { id: meeting.id, input: { participantIds: [self], decisions: [{ text: "A" }] } });
  });
});

describe("members, follow-ups and closing", () => {
  it("lets members leave but not the holder, the responsible member finish a follow-up, and only the holder close the case", async () => {
    const tor = demoPersonId("eriksen", "Tor");
    const opened = (await ok(NAV, OPEN, { input: { kind: "ANSVARSGRUPPE", title: "Test", subjectIds: [tor], referral: REFERRAL } })).openCase;
    const caseId: string = opened.id;
    expect(opened.btiLevel).toBeNull();
    const helse = (await ok(NAV, ADD, { caseId, input: member(HEALTH) })).addCaseMember;
    const family = (await ok(NAV, ADD, { caseId, input: { personId: tor, displayName: "Tor", role: "FAMILY" } })).addCaseMember;
    expect(await failure(NAV, ADD, { caseId, input: { personId: "p-unknown", displayName: "x", role: "TRUSTED_PERSON", familyChoice: "x" } })).toBe("NOT_FOUND");
    expect(await failure(NAV, ADD, { caseId, input: member("x", "COORDINATOR") })).toBe("BAD_USER_INPUT");

    expect(await failure(HEALTH, REMOVE, { caseId, memberId: opened.holder.id })).toBe("CONFLICT");
    expect(await failure(HEALTH, REMOVE, { caseId, memberId: family.id })).toBe("FORBIDDEN");

    const followUp = (await ok(NAV, FOLLOW_UP, { caseId, input: { description: "Søke bolig", responsibleMemberId: helse.id, dueDate: plusDays(2) } })).addFollowUp;
    const STATUS = `mutation ($id: ID!, $status: FollowUpStatus!) { setFollowUpStatus(followUpId: $id, status: $status) { status completedAt } }`;
    const done = (await ok(HEALTH, STATUS, { id: followUp.id, status: "DONE" })).setFollowUpStatus;
    expect(done.status).toBe("DONE");
    expect(done.completedAt).not.toBeNull();

    expect((await ok(HEALTH, REMOVE, { caseId, memberId: helse.id })).removeCaseMember.leftAt).not.toBeNull();
    expect((await ok(HEALTH, `query ($id: ID!) { case(id: $id) { id } }`, { id: caseId }, caseId)).case).toBeNull();
    expect(await failure(HEALTH, APPEND, { caseId, input: { kind: "NOTE", text: "x" } })).toBe("NOT_FOUND");

    expect((await ok(NAV, CLOSE, { caseId })).closeCase).toEqual({ status: "CLOSED", closedReason: "Målene er nådd." });
    expect(await failure(NAV, GOAL, { caseId, input: { text: "x", term: "SHORT", familyPriority: 1 } })).toBe("CONFLICT");
  });
});

describe("the family overview and my cases", () => {
  it("shows for Haugland, with partial consent, exactly the permitted parts: data where granted, nothing where not, and only the permitted stafettlogg entries", async () => {
    const caseId = demoCaseId("haugland");
    // Each service writes in the log; Sara's consent covers service data from school and NAV, not their log entries.
    await ok(OPENER, APPEND, { caseId, input: { kind: "NOTE", text: "Skolen har avtalt leksehjelp." } });
    await ok("nav-bolig-1", APPEND, { caseId, input: { kind: "NOTE", text: "Boligkontoret har mottatt søknaden." } });
    await ok("barnevern-saksbehandler-1", APPEND, { caseId, input: { kind: "NOTE", text: "Tas opp i møtet." } });
    const res = (await ok("nav-veileder-1", `query ($id: ID!) { case(id: $id) {
      subjects { id
        nav { access { status } involved measures { kind } }
        skole { access { status } involved enrolments { institution } }
        barnevern { access { status reason } involved phase }
        helse { access { status } involved contacts { kind } }
        frivillighet { access { status } involved activities { kind } } }
      stafettlogg { authorService text }
      overdueFollowUps { description responsibleService } upcomingMeetings { title } goals { familyPriority } } }`, { id: caseId }, caseId)).case;
    expect(res.subjects).toHaveLength(4);
    for (const s of res.subjects) {
      expect(s.nav.access.status).toBe("GRANTED");
      expect(s.skole.access.status).toBe("GRANTED");
      expect(s.skole.enrolments).toEqual(expect.any(Array));
      expect(s.nav.measures).toEqual(expect.any(Array));
      expect(s.helse).toEqual({ access: { status: "RESTRICTED" }, involved: null, contacts: null });
      expect(s.frivillighet).toEqual({ access: { status: "RESTRICTED" }, involved: null, activities: null });
      expect(s.barnevern).toEqual({ access: { status: "RESTRICTED", reason: expect.stringMatching(/^(REFUSED|NO_CONSENT)$/) }, involved: null, phase: null });
    }
    const sara = res.subjects.find((s: { id: string }) => s.id === demoPersonId("haugland", "Sara"));
    expect(sara.nav.measures.map((m: { kind: string }) => m.kind)).toContain("HOUSING_FOLLOW_UP");
    const jonas = res.subjects.find((s: { id: string }) => s.id === demoPersonId("haugland", "Jonas"));
    expect(jonas.skole.enrolments.map((e: { institution: string }) => e.institution)).toContain("Fjordvik ungdomsskole");
    // NAV's own entries only: the school's and barnevern's are left out, not blanked.
    expect(res.stafettlogg.length).toBeGreaterThan(0);
    expect(res.stafettlogg.every((e: { authorService: string }) => e.authorService === "NAV")).toBe(true);
    expect(res.stafettlogg.map((e: { text: string }) => e.text)).toContain("Boligkontoret har mottatt søknaden.");
    expect(res.overdueFollowUps).toEqual([{ description: "Søknad om kommunal bolig sendt og fulgt opp", responsibleService: "NAV" }]);
    expect(res.upcomingMeetings).toHaveLength(1);
    expect(res.goals.map((g: { familyPriority: number }) => g.familyPriority)).toEqual([1, 2]);
  });

  it("lists an employee's cases with overdue counts, and a citizen's own cases", async () => {
    const mine = (await ok("nav-veileder-1", `{ myCases { id overdueFollowUpCount } }`)).myCases;
    expect(mine).toContainEqual({ id: demoCaseId("haugland"), overdueFollowUpCount: 1 });
    const sara = await ok("citizen", `{ myCases { id title } myConsents { id } }`);
    expect(sara.myCases.map((c: { id: string }) => c.id)).toContain(demoCaseId("haugland"));
    expect(sara.myConsents.length).toBeGreaterThan(0);
    const emma = (await ok("emma", `{ myCases { id stafettlogg { kind } } }`)).myCases;
    expect(emma.find((c: { id: string }) => c.id === demoCaseId("nilsen")).stafettlogg.length).toBeGreaterThan(0);

    // Emma (17) decides about her health data herself: she grants, then withdraws, from her own sign-in.
    const granted = (await ok("emma", GRANT, { input: { caseId: demoCaseId("nilsen"), subjectId: demoPersonId("nilsen", "Emma"), capacity: "SELF", services: ["HELSE"], categories: ["INVOLVEMENT"] } })).grantConsent;
    expect((await ok("emma", WITHDRAW, { id: granted.id })).withdrawConsent.id).toBe(granted.id);
    // …but cannot run the case.
    expect(await failure("emma", LEVEL, { caseId: demoCaseId("nilsen"), level: 3, reason: "x" })).toBe("FORBIDDEN");
  });
});
