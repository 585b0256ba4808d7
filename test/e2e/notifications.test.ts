// Notifications (issue 21) through the real gateway: each event a change makes
// reaches the right recipients and never the one who made it; the same event
// twice is told once; what a recipient may no longer see (a withdrawn consent,
// an ended membership, a service's entries they may not read) is neither shown
// nor counted; the list pages newest first; preferences switch kinds off; and a
// citizen is told of a consent an employee recorded on their child's behalf.
// (What the scheduler makes, through a gateway: notification-scheduler.test.ts.)
import { describe, expect, it } from "vitest";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { callAs, gateway, okAs } from "../support/graphql.ts";
import { signedSubgraphRequest } from "../support/subgraph.ts";

const OPENER = "skole-kontaktlaerer-1"; // skole: opens each case and holds the baton
const HEALTH = "helse-helsesykepleier-1";
const NAV = "nav-veileder-1";
const SOFIE = demoPersonId("sandvik", "Sofie"); // 9: her guardians consent, with her view
const KARI = demoPersonId("sandvik", "Kari"); // her mother, with parental responsibility

type Vars = Record<string, unknown>;
// `any` here: the suite reads deep into answers whose shapes differ query by query.
const ok = <T = Record<string, any>>(user: string, query: string, variables: Vars = {}, caseId?: string) => okAs<T>(user, query, variables, caseId);

interface Note {
  id: string;
  kind: string;
  caseId: string;
  caseTitle: string | null;
  at: string | null;
  service: string | null;
  readAt: string | null;
}
const NOTE = "id kind caseId caseTitle at service readAt createdAt";
const LIST = `query ($first: Int, $after: String) { myNotifications(first: $first, after: $after) { edges { cursor node { ${NOTE} } } pageInfo { hasNextPage endCursor } } }`;
const COUNT = `{ unreadNotificationCount }`;
const MARK = `mutation ($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;
const PREFS = `{ notificationPreferences { kinds { kind enabled } email } }`;
const SET_PREFS = `mutation ($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { kinds { kind enabled } email } }`;

const REGISTER = `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`;
const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id holder { id } } }`;
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
const REMOVE = `mutation ($caseId: ID!, $memberId: ID!) { removeCaseMember(caseId: $caseId, memberId: $memberId) { leftAt } }`;
const PROPOSE = `mutation ($caseId: ID!, $to: ID!) { proposeHandover(caseId: $caseId, toMemberId: $to, familyWish: "Familien ønsker helsesykepleier.") { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptHandover(handoverId: $id) { status } }`;
const DECLINE = `mutation ($id: ID!) { declineHandover(handoverId: $id, note: "Ikke nå") { status } }`;
const APPEND = `mutation ($caseId: ID!, $text: String!) { appendStafettlogg(caseId: $caseId, input: { kind: NOTE, text: $text }) { id } }`;
const SCHEDULE = `mutation ($caseId: ID!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: "Stafettmøte", startsAt: $startsAt) { id } }`;
const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!) { rescheduleMeeting(meetingId: $id, startsAt: $startsAt) { startsAt } }`;
const CANCEL = `mutation ($id: ID!) { cancelMeeting(meetingId: $id) { status } }`;
const FOLLOW_UP = `mutation ($caseId: ID!, $input: FollowUpInput!) { addFollowUp(caseId: $caseId, input: $input) { id } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const FORM = `mutation ($input: RecordConsentFormInput!) { recordConsentForm(input: $input) { id } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;

const plusDays = (n: number) => new Date(Date.parse(`${todayInOslo()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number, hour = 10) => `${plusDays(n)}T${String(hour).padStart(2, "0")}:00:00.000Z`;

/** Every notification `user` sees now, newest first (walking the pages). */
async function allNotes(user: string): Promise<Note[]> {
  const out: Note[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { myNotifications: { edges: { node: Note }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ok(user, LIST, { first: 100, after });
    out.push(...page.myNotifications.edges.map((e) => e.node));
    if (!page.myNotifications.pageInfo.hasNextPage) return out;
    after = page.myNotifications.pageInfo.endCursor;
  }
}

/** What `user` sees of one case: its notifications' kinds, newest first. */
async function notesIn(user: string, caseId: string): Promise<Note[]> {
  return (await allNotes(user)).filter((n) => n.caseId === caseId);
}
const kinds = (notes: Note[]) => notes.map((n) => n.kind);
const unread = async (user: string) => (await ok<{ unreadNotificationCount: number }>(user, COUNT)).unreadNotificationCount;

/** A BTI case about Sofie, opened by OPENER (who holds the baton), with HEALTH and NAV; the members' ids. */
async function sofieCase(title: string) {
  const concernId = (await ok(OPENER, REGISTER, { input: { subjectId: SOFIE, text: "Bekymring fra skolen (varsler)." } })).registerConcern.id;
  const opened = (await ok(OPENER, OPEN, { input: { kind: "BTI", title, subjectIds: [SOFIE], concernId } })).openCase;
  const health = (await ok(OPENER, ADD, { caseId: opened.id, input: { actorId: HEALTH, role: "PROFESSIONAL" } })).addCaseMember.id as string;
  const nav = (await ok(OPENER, ADD, { caseId: opened.id, input: { actorId: NAV, role: "PROFESSIONAL" } })).addCaseMember.id as string;
  return { caseId: opened.id as string, holder: opened.holder.id as string, health, nav };
}

/** Kari joins the case as family: a guardian gives a consent in a case she takes part in. */
async function kariJoins(caseId: string): Promise<void> {
  await ok(OPENER, ADD, { caseId, input: { personId: KARI, displayName: "Kari Sandvik", role: "FAMILY" } });
}

/** Kari, signed in (a member of the case), consents for Sofie to `services`' `categories` in it; the consent's id. */
async function kariConsents(caseId: string, services: string[], categories: string[]): Promise<string> {
  const input = { caseId, subjectId: SOFIE, givenById: KARI, capacity: "GUARDIAN", services, categories, childView: "Det er greit." };
  return (await ok(KARI, GRANT, { input })).grantConsent.id;
}

describe("notifications through the gateway", () => {
  it("tells of a handover proposed, declined and accepted: the proposed member, then the proposer — never the one who acted", async () => {
    const c = await sofieCase("Varsler: stafettpinnen");
    const first = (await ok(OPENER, PROPOSE, { caseId: c.caseId, to: c.health })).proposeHandover.id;
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["HANDOVER_PROPOSED"]);
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);
    expect(await notesIn(NAV, c.caseId)).toEqual([]);

    await ok(HEALTH, DECLINE, { id: first });
    expect(kinds(await notesIn(OPENER, c.caseId))).toEqual(["HANDOVER_DECLINED"]);
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["HANDOVER_PROPOSED"]);

    const second = (await ok(OPENER, PROPOSE, { caseId: c.caseId, to: c.health })).proposeHandover.id;
    await ok(HEALTH, ACCEPT, { id: second });
    expect(kinds(await notesIn(OPENER, c.caseId))).toEqual(["HANDOVER_ACCEPTED", "HANDOVER_DECLINED"]);
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["HANDOVER_PROPOSED", "HANDOVER_PROPOSED"]);
    const [told] = await notesIn(OPENER, c.caseId);
    // Rendered now, from what the recipient may read: the case's title, nothing of the family's wish or the note.
    expect(told).toMatchObject({ caseTitle: "Varsler: stafettpinnen", at: null, service: null, readAt: null });
  });

  it("tells the case's professionals of a stafettlogg entry only while they may read its service's entries", async () => {
    const c = await sofieCase("Varsler: stafettloggen");
    await ok(HEALTH, APPEND, { caseId: c.caseId, text: "Samtale med Sofie." });
    // Written for skole and nav, not the author; shown to neither: no consent lets them read helse's entries.
    expect(await notesIn(HEALTH, c.caseId)).toEqual([]);
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);
    expect(await notesIn(NAV, c.caseId)).toEqual([]);

    // Kari consents for Sofie to helse's stafettlogg, for the case's members: skole's and nav's are shown it now.
    await kariJoins(c.caseId);
    const consentId = await kariConsents(c.caseId, ["HELSE"], ["STAFETTLOGG"]);
    const [seen] = await notesIn(OPENER, c.caseId);
    expect(seen).toMatchObject({ kind: "STAFETTLOGG_ENTRY", service: "HELSE", caseTitle: "Varsler: stafettloggen" });
    expect(kinds(await notesIn(NAV, c.caseId))).toEqual(["STAFETTLOGG_ENTRY"]);

    // Withdrawn: hidden again at once, and not counted.
    const before = await unread(OPENER);
    await ok(KARI, WITHDRAW, { id: consentId });
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);
    expect(await unread(OPENER)).toBe(before - 1);

    // Skole's own entry: helse may not read skole's entries without consent either, so no one is shown it.
    await ok(OPENER, APPEND, { caseId: c.caseId, text: "Notat fra skolen." });
    expect(await notesIn(HEALTH, c.caseId)).toEqual([]);
  });

  it("tells the members of a meeting scheduled, moved and cancelled, with its time now; an ended membership hides them at once", async () => {
    const c = await sofieCase("Varsler: møter");
    const meetingId = (await ok(OPENER, SCHEDULE, { caseId: c.caseId, startsAt: inDays(7) })).scheduleMeeting.id;
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["MEETING_SCHEDULED"]);
    expect(kinds(await notesIn(NAV, c.caseId))).toEqual(["MEETING_SCHEDULED"]);
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);

    await ok(HEALTH, RESCHEDULE, { id: meetingId, startsAt: inDays(8, 12) });
    // Moved to the same time again: no move, nothing told.
    await ok(HEALTH, RESCHEDULE, { id: meetingId, startsAt: inDays(8, 12) });
    expect(kinds(await notesIn(OPENER, c.caseId))).toEqual(["MEETING_MOVED"]);
    const navNotes = await notesIn(NAV, c.caseId);
    expect(kinds(navNotes)).toEqual(["MEETING_MOVED", "MEETING_SCHEDULED"]);
    // Both show the meeting's time now.
    expect(navNotes.map((n) => n.at)).toEqual([inDays(8, 12), inDays(8, 12)]);
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["MEETING_SCHEDULED"]);

    await ok(OPENER, CANCEL, { id: meetingId });
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["MEETING_CANCELLED", "MEETING_SCHEDULED"]);

    // Nav leaves the case: nothing of it is shown or counted, nor can it be marked read.
    const navUnread = await unread(NAV);
    const navIds = (await notesIn(NAV, c.caseId)).map((n) => n.id);
    expect(navIds).toHaveLength(3);
    await ok(OPENER, REMOVE, { caseId: c.caseId, memberId: c.nav });
    expect(await notesIn(NAV, c.caseId)).toEqual([]);
    expect(await unread(NAV)).toBe(navUnread - 3);
    expect((await ok(NAV, MARK, { ids: navIds })).markNotificationsRead).toBe(navUnread - 3);
    // Marking hidden ones changed nothing: back in the case, nav sees them again, still unread.
    await ok(OPENER, ADD, { caseId: c.caseId, input: { actorId: NAV, role: "PROFESSIONAL" } });
    expect((await notesIn(NAV, c.caseId)).map((n) => n.readAt)).toEqual([null, null, null]);
  });

  it("tells the responsible member of a follow-up assigned to them, with its due date, unless they assigned it themselves", async () => {
    const c = await sofieCase("Varsler: oppfølging");
    await ok(OPENER, FOLLOW_UP, { caseId: c.caseId, input: { description: "Kartlegge lesing", responsibleMemberId: c.health, dueDate: plusDays(14) } });
    await ok(OPENER, FOLLOW_UP, { caseId: c.caseId, input: { description: "Ringe hjem", responsibleMemberId: c.holder, dueDate: plusDays(3) } });
    const told = await notesIn(HEALTH, c.caseId);
    expect(told.map((n) => [n.kind, n.at?.slice(0, 10)])).toEqual([["FOLLOW_UP_ASSIGNED", plusDays(14)]]);
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);
    expect(await notesIn(NAV, c.caseId)).toEqual([]);
  });

  it("tells a citizen of a consent an employee recorded on her child's behalf, until it is withdrawn", async () => {
    const c = await sofieCase("Varsler: samtykke");
    const input = { caseId: c.caseId, subjectId: SOFIE, givenById: KARI, capacity: "GUARDIAN", services: ["SKOLE"], categories: ["SERVICE_DATA"], childView: "Greit.", formReference: "Skjema 2026/21" };
    const consentId = (await ok(OPENER, FORM, { input })).recordConsentForm.id;
    const mine = (await allNotes(KARI)).filter((n) => n.caseId === c.caseId);
    // Kari takes no part in the case (she gave the consent as Sofie's guardian): told without the case's title.
    expect(mine).toEqual([expect.objectContaining({ kind: "CONSENT_RECORDED", caseTitle: null, service: null })]);
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);

    // Once she joins the case, the same notification shows its title: rendered when read, from what she may read then.
    await kariJoins(c.caseId);
    expect((await allNotes(KARI)).filter((n) => n.caseId === c.caseId)).toEqual([expect.objectContaining({ kind: "CONSENT_RECORDED", caseTitle: "Varsler: samtykke" })]);

    // A consent she gives herself, signed in, tells no one.
    await kariConsents(c.caseId, ["HELSE"], ["INVOLVEMENT"]);
    expect((await allNotes(KARI)).filter((n) => n.caseId === c.caseId)).toHaveLength(1);

    const before = await unread(KARI);
    await ok(KARI, WITHDRAW, { id: consentId });
    expect((await allNotes(KARI)).filter((n) => n.caseId === c.caseId)).toEqual([]);
    expect(await unread(KARI)).toBe(before - 1);
  });

  it("tells the case's stafettholder of an involvement signal once, and hides it when the consent behind it is withdrawn", async () => {
    const c = await sofieCase("Varsler: involvering");
    await kariJoins(c.caseId);
    const consentId = await kariConsents(c.caseId, ["NAV"], ["INVOLVEMENT"]);
    const start = { involvementId: `varsler-${Date.now().toString(36)}`, personId: SOFIE, startedOn: todayInOslo(), frontDoorName: "NAV Fjordvik", frontDoorPhone: "+47 55 55 33 33" };
    const started = `mutation ($service: String!, $starts: [InvolvementStartInput!]!) { _involvementStarted(service: $service, starts: $starts) }`;
    // As nav's own process tells samhandling (services/kit/writes/signals.ts); twice, as a retry would.
    for (let i = 0; i < 2; i++) {
      const res = await signedSubgraphRequest("samhandling", started, { service: "nav", starts: [start] }, { service: "nav" });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    }
    const told = await notesIn(OPENER, c.caseId);
    expect(told.map((n) => [n.kind, n.service])).toEqual([["INVOLVEMENT_SIGNAL", "NAV"]]);
    expect(await notesIn(HEALTH, c.caseId)).toEqual([]);

    await ok(KARI, WITHDRAW, { id: consentId });
    expect(await notesIn(OPENER, c.caseId)).toEqual([]);
  });

  it("pages newest first without repeats, marks read by id or all, and refuses a request that says neither", async () => {
    const c = await sofieCase("Varsler: sider");
    for (let day = 1; day <= 5; day++) await ok(OPENER, SCHEDULE, { caseId: c.caseId, startsAt: inDays(day) });
    const everything = await allNotes(HEALTH);
    const walked: Note[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { myNotifications: { edges: { node: Note }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ok(HEALTH, LIST, { first: 2, after });
      expect(page.myNotifications.edges.length).toBeLessThanOrEqual(2);
      walked.push(...page.myNotifications.edges.map((e) => e.node));
      if (!page.myNotifications.pageInfo.hasNextPage) break;
      after = page.myNotifications.pageInfo.endCursor;
    }
    expect(walked.map((n) => n.id)).toEqual(everything.map((n) => n.id));
    const times = everything.map((n) => (n as Note & { createdAt: string }).createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(Array(5).fill("MEETING_SCHEDULED"));

    // One read by id: the count drops by one, and someone else's id changes nothing.
    const before = await unread(HEALTH);
    const [newest] = await notesIn(HEALTH, c.caseId);
    expect((await ok(HEALTH, MARK, { ids: [newest!.id] })).markNotificationsRead).toBe(before - 1);
    const [navNewest] = await notesIn(NAV, c.caseId);
    const navBefore = await unread(NAV);
    await ok(HEALTH, MARK, { ids: [navNewest!.id] });
    expect(await unread(NAV)).toBe(navBefore);
    expect((await notesIn(HEALTH, c.caseId))[0]!.readAt).not.toBeNull();

    expect((await ok(HEALTH, MARK, { all: true })).markNotificationsRead).toBe(0);
    expect((await notesIn(HEALTH, c.caseId)).every((n) => n.readAt !== null)).toBe(true);

    for (const variables of [{}, { ids: [newest!.id], all: true }]) {
      const res = await callAs(HEALTH, MARK, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const bad = await callAs(HEALTH, LIST, { first: 2, after: "not-a-cursor" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps preferences per person: every kind on and no e-mail by default; a kind switched off is not made", async () => {
    const defaults = (await ok(NAV, PREFS)).notificationPreferences;
    expect(defaults.email).toBe(false);
    expect(defaults.kinds.every((k: { enabled: boolean }) => k.enabled)).toBe(true);
    expect(defaults.kinds.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(["HANDOVER_PROPOSED", "FOLLOW_UP_OVERDUE", "CONSENT_EXPIRING", "INVOLVEMENT_SIGNAL"]));

    try {
      const changed = (await ok(NAV, SET_PREFS, { input: { disabledKinds: ["MEETING_SCHEDULED"], email: true } })).updateNotificationPreferences;
      expect(changed.email).toBe(true);
      expect(changed.kinds.filter((k: { enabled: boolean }) => !k.enabled).map((k: { kind: string }) => k.kind)).toEqual(["MEETING_SCHEDULED"]);
      // Left out: unchanged.
      expect((await ok(NAV, SET_PREFS, { input: { email: false } })).updateNotificationPreferences.kinds.find((k: { kind: string }) => k.kind === "MEETING_SCHEDULED").enabled).toBe(false);

      const c = await sofieCase("Varsler: valg");
      const meetingId = (await ok(OPENER, SCHEDULE, { caseId: c.caseId, startsAt: inDays(4) })).scheduleMeeting.id;
      expect(await notesIn(NAV, c.caseId)).toEqual([]);
      expect(kinds(await notesIn(HEALTH, c.caseId))).toEqual(["MEETING_SCHEDULED"]);
      await ok(OPENER, CANCEL, { id: meetingId });
      expect(kinds(await notesIn(NAV, c.caseId))).toEqual(["MEETING_CANCELLED"]);
    } finally {
      await ok(NAV, SET_PREFS, { input: { disabledKinds: [], email: false } });
    }
    // The citizen has hers too.
    expect((await ok(KARI, PREFS)).notificationPreferences.email).toBe(false);
    // Anonymous: no one's notifications.
    const anonymous = await gateway(COUNT);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
