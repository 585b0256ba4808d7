// Notifications live (issue 21) through the real gateway: a subscription over
// server-sent events hears of another member's stafettlogg entry, never of its
// own; what the subscriber may no longer see (a withdrawn consent, an ended
// membership) is not sent; a subscription without a sign-in is refused; and
// e-mail goes to those who opted in only, saying nothing about anyone.
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { asUser, okAs } from "../support/graphql.ts";
import { subscribeThroughGateway, type Subscribed } from "../support/sse.ts";
import { APPEND, HEALTH, KARI, NAV, OPENER, sofieCaseWithConsent, type CallAs } from "../support/notification-cases.ts";
import { OWN_SETUP_TIMEOUT_MS, ownGatewayPort, startOwnFederation, type OwnFederation } from "../support/own-federation.ts";

const ok = <T = Record<string, any>>(user: string, query: string, variables: Record<string, unknown> = {}) => okAs<T>(user, query, variables);

const LIVE = `subscription { notificationsUpdated { unreadCount added { id kind caseId caseTitle service } } }`;
const REMOVE = `mutation ($caseId: ID!, $memberId: ID!) { removeCaseMember(caseId: $caseId, memberId: $memberId) { leftAt } }`;

const SCHEDULE = `mutation ($caseId: ID!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: "Stafettmøte", startsAt: $startsAt) { id } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;
const MARK = `mutation { markNotificationsRead(all: true) }`;

const inDays = (n: number) => new Date(Date.parse(`${todayInOslo()}T10:00:00Z`) + n * 86_400_000).toISOString();

interface Update {
  notificationsUpdated: { unreadCount: number; added: { id: string; kind: string; caseId: string; caseTitle: string | null; service: string | null }[] };
}

const open: Subscribed<Update>[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** `user`'s live notifications; resolves once the first event (the count now) has arrived. */
async function live(user: string): Promise<Subscribed<Update>> {
  const s = subscribeThroughGateway<Update>(LIVE, await asUser(user));
  open.push(s);
  await expect.poll(() => s.results.length + (s.ended ? 1 : 0), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(s.results[0]?.errors).toBeUndefined();
  return s;
}

/** What a subscription has been told of in one case, oldest first. */
const told = (s: Subscribed<Update>, caseId: string) => s.results.flatMap((r) => r.data?.notificationsUpdated.added ?? []).filter((n) => n.caseId === caseId);
const kindsTold = (s: Subscribed<Update>, caseId: string) => told(s, caseId).map((n) => n.kind);

describe("notifications live through the gateway (SSE)", () => {
  it("refuses a subscription without a sign-in, with the registry's code", async () => {
    const s = subscribeThroughGateway<Update>(LIVE);
    open.push(s);
    await expect.poll(() => s.results.length + (s.ended ? 1 : 0), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(s.results[0]?.data ?? null).toBeNull();
    expect(s.results[0]?.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    await expect.poll(() => s.ended, { timeout: 5_000 }).not.toBeNull();
  });

  it("tells another member of a stafettlogg entry at once, not its author; a withdrawn consent or an ended membership stops it", async () => {
    const c = await sofieCaseWithConsent("Levende varsler: stafettloggen");
    const [opener, health, nav] = await Promise.all([live(OPENER), live(HEALTH), live(NAV)]);

    await ok(HEALTH, APPEND, { caseId: c.caseId, text: "Samtale med Sofie." });
    await expect.poll(() => kindsTold(opener, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY"]);
    expect(told(opener, c.caseId)[0]).toMatchObject({ service: "HELSE", caseTitle: "Levende varsler: stafettloggen" });
    await expect.poll(() => kindsTold(nav, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY"]);
    // The count came with it.
    const last = opener.results.at(-1)!.data!.notificationsUpdated;
    expect(last.unreadCount).toBeGreaterThan(0);

    // Kari withdraws her consent: helse's next entry is told to no one at skole; a meeting helse schedules
    // after it is (the order of events shows that nothing about the entry came before it).
    await ok(KARI, WITHDRAW, { id: c.consentId });
    await ok(HEALTH, APPEND, { caseId: c.caseId, text: "Ny samtale med Sofie." });
    await ok(HEALTH, SCHEDULE, { caseId: c.caseId, startsAt: inDays(7) });
    await expect.poll(() => kindsTold(opener, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY", "MEETING_SCHEDULED"]);
    // The author was never told of its own entries or meeting.
    expect(kindsTold(health, c.caseId)).toEqual([]);

    // Nav leaves the case: helse's next meeting is told to skole, not to nav.
    await expect.poll(() => kindsTold(nav, c.caseId), { timeout: 10_000 }).toContain("MEETING_SCHEDULED");
    const navBefore = kindsTold(nav, c.caseId);
    await ok(OPENER, REMOVE, { caseId: c.caseId, memberId: c.nav });
    await ok(HEALTH, SCHEDULE, { caseId: c.caseId, startsAt: inDays(9) });
    await expect.poll(() => kindsTold(opener, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY", "MEETING_SCHEDULED", "MEETING_SCHEDULED"]);
    expect(kindsTold(nav, c.caseId)).toEqual(navBefore);
  });

  it("updates the count on every open page when the reader marks notifications read", async () => {
    const s = await live(OPENER);
    await ok(OPENER, MARK);
    await expect.poll(() => s.results.at(-1)?.data?.notificationsUpdated.unreadCount, { timeout: 10_000 }).toBe(0);
  });
});

describe("notification e-mail (an own federation with NOTIFY_SMTP_URL set, a local SMTP sink)", () => {
  const SLOT = 2;
  // Beside the own federation's ports (its metrics listen on + 95, private stores on + 90 and + 91).
  const SMTP_PORT = ownGatewayPort(SLOT) + 93;
  const received: { to: string[]; raw: string }[] = [];
  let sink: SMTPServer;
  let hub: OwnFederation;
  const on: CallAs = async (user, query, variables = {}) => {
    const res = await hub.gateway(query, variables, await hub.asUser(user));
    if (res.errors) throw new Error(`${user}: ${JSON.stringify(res.errors)}`);
    return res.data as Record<string, any>;
  };

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(SMTP_PORT, "127.0.0.1", resolve));
    hub = await startOwnFederation(SLOT, { NOTIFY_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, NOTIFY_EMAIL_INTERVAL: "1s" });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  });

  it("tells only those who opted in, once, with a link and nothing about anyone or any case", async () => {
    const address = "marte.fossum@example.test";
    // Nav opts in without an address: nothing can be sent to it. An address that is none is refused.
    await on(NAV, `mutation { updateNotificationPreferences(input: { email: true }) { email } }`);
    const bad = await hub.gateway(`mutation { updateNotificationPreferences(input: { emailAddress: "ikke en adresse" }) { email } }`, {}, await hub.asUser(NAV));
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const prefs = await on(OPENER, `mutation ($a: String) { updateNotificationPreferences(input: { email: true, emailAddress: $a }) { email emailAddress } }`, { a: address });
    expect(prefs.updateNotificationPreferences).toEqual({ email: true, emailAddress: address });

    const title = "E-postvarsel om Sofie";
    const c = await sofieCaseWithConsent(title, on);
    await on(HEALTH, APPEND, { caseId: c.caseId, text: "Samtale med Sofie Sandvik om skolen." });
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const [mail] = received;
    expect(mail!.to).toEqual([address]);
    // Only the recipient's own address: no name, case, kind, service or text anywhere in headers or body.
    const withoutRecipient = mail!.raw.replaceAll(address, "");
    for (const secret of ["Sofie", "Sandvik", "Marte", "Fossum", "Ragnhild", "Eide", title, c.caseId, "STAFETTLOGG", "stafettlogg", "HELSE", "helse", "Samtale"]) {
      expect(withoutRecipient).not.toContain(secret);
    }
    expect(mail!.raw).toContain("/varsler");
    // Nav is told in the hub, not by e-mail (no address); nothing further for Marte while nothing new happens.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(received.map((m) => m.to)).toEqual([[address]]);
    // The address is never logged.
    expect(hub.logSince(0).some((line) => line.includes(address))).toBe(false);
  });
});
