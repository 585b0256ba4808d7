// Notification e-mail, for those who opted in (preferences: `email` and an
// address they entered themselves — the employee directory holds none). An
// e-mail says only that there are new notifications in the hub, with the web
// app's link: no name, no case, no kind, nothing of what happened, in the
// subject, body or headers. Whether there is anything to tell is decided as
// the recipient's own request would decide it (visibility.ts, through
// `contextAs`): a notification they may no longer see is never e-mailed.
//
// At most one e-mail per recipient per NOTIFY_EMAIL_INTERVAL, whatever the
// number of instances: each claims the next by moving the preference row's
// `lastEmailAt` in one conditional update, which only one of them can win.
// The address is personal data: it goes to the SMTP server and nowhere else —
// never into a log line, never into the answer of anyone but its owner.
import nodemailer from "nodemailer";
import type { Notification, NotificationPreference } from "../../../prisma/samhandling/generated/client.ts";
import type { HubClaims } from "../../kit/auth/caller.ts";
import type { NotifyEmailConfig } from "../../kit/config.ts";
import { createLogger } from "../../kit/log.ts";
import type { Context, Signed } from "../context.ts";
import type { SamhandlingClient } from "../data.ts";
import { visibleNotifications } from "./visibility.ts";

const log = createLogger("samhandling");

/** Unread notifications looked at per recipient and round: one visible one is enough to tell. */
const LOOK_AT = 50;
/** Recipients handled per round; the rest wait for the next. */
const PER_ROUND = 500;

/** The one message there is: the same for everyone, so it can say nothing about anyone. */
export function notificationMessage(appUrl: string): { subject: string; text: string } {
  const link = new URL("/varsler", appUrl).toString();
  return {
    subject: "Nye varsler i samhandlingsløsningen / New notifications",
    text: [
      "Du har nye varsler i samhandlingsløsningen. Logg inn for å lese dem:",
      link,
      "",
      "You have new notifications in the coordination hub. Sign in to read them:",
      link,
      "",
      "Denne e-posten er sendt fordi du har bedt om varsel på e-post. Du kan slå det av under Varsler i løsningen.",
    ].join("\n"),
  };
}

type Contexts = (claims: HubClaims) => Promise<unknown>;

/** Who the preference row belongs to, as they would sign in; null for an employee no longer active. */
async function signedInAs(db: SamhandlingClient, pref: NotificationPreference): Promise<{ who: Signed; claims: HubClaims } | null> {
  if (pref.recipientPersonId) {
    const personId = pref.recipientPersonId;
    return { who: { kind: "citizen", personId }, claims: { sub: `citizen-${personId}`, name: "", service: "citizen", roles: ["citizen"], personId, assurance: "high" } };
  }
  const employee = pref.recipientActorId ? await db.employee.findUnique({ where: { actorId: pref.recipientActorId } }) : null;
  if (!employee?.active) return null;
  const service = employee.service.toLowerCase() as HubClaims["service"];
  return { who: { kind: "employee", actorId: employee.actorId, service }, claims: { sub: employee.actorId, name: employee.displayName, service, roles: employee.roles } };
}

export interface NotificationMailer {
  /** One round now (the timer runs them too); resolves when its e-mail is sent. */
  round(): Promise<void>;
  stop(): Promise<void>;
}

export function notificationMailer(db: SamhandlingClient, config: NotifyEmailConfig, contextAs: Contexts): NotificationMailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  const message = notificationMessage(config.appUrl);

  const tellOne = async (pref: NotificationPreference & { emailAddress: string }, now: Date): Promise<boolean> => {
    const owner = pref.recipientActorId !== null ? { recipientActorId: pref.recipientActorId } : { recipientPersonId: pref.recipientPersonId };
    const pending: Notification[] = await db.notification.findMany({ where: { ...owner, emailedAt: null, readAt: null }, orderBy: { createdAt: "desc" }, take: LOOK_AT });
    if (pending.length === 0) return false;
    const as = await signedInAs(db, pref);
    if (!as) return false;
    const visible = await visibleNotifications((await contextAs(as.claims)) as Context, as.who, pending, now);
    if (visible.length === 0) return false;
    // The claim: only one instance moves lastEmailAt within an interval.
    const since = new Date(now.getTime() - config.intervalMs);
    const { count } = await db.notificationPreference.updateMany({
      where: { id: pref.id, OR: [{ lastEmailAt: null }, { lastEmailAt: { lte: since } }] },
      data: { lastEmailAt: now },
    });
    if (count === 0) return false;
    await db.notification.updateMany({ where: { id: { in: visible.map((v) => v.id) }, emailedAt: null }, data: { emailedAt: now } });
    await transport.sendMail({ from: config.from, to: pref.emailAddress, subject: message.subject, text: message.text });
    return true;
  };

  const round = async () => {
    const now = new Date();
    const since = new Date(now.getTime() - config.intervalMs);
    const prefs = await db.notificationPreference.findMany({
      where: { email: true, emailAddress: { not: null }, OR: [{ lastEmailAt: null }, { lastEmailAt: { lte: since } }] },
      take: PER_ROUND,
    });
    let sent = 0;
    let failed = 0;
    for (const pref of prefs) {
      try {
        if (await tellOne(pref as NotificationPreference & { emailAddress: string }, now)) sent += 1;
      } catch (error) {
        // Never the address or the recipient: only that one failed, and how.
        failed += 1;
        log.warn("notification e-mail not sent", { error: error instanceof Error ? error.name : typeof error });
      }
    }
    if (sent > 0 || failed > 0) log.info("notification e-mail round", { sent, failed });
  };

  let running: Promise<void> = Promise.resolve();
  // Every interval, and at least every minute, so a new notification waits no longer than that past its interval.
  const timer = setInterval(
    () => {
      running = running.then(round).catch((error: unknown) => log.warn("notification e-mail round failed", { error: error instanceof Error ? error.name : typeof error }));
    },
    Math.min(config.intervalMs, 60_000),
  );
  timer.unref();
  return {
    round: () => (running = running.then(round)),
    async stop() {
      clearInterval(timer);
      await running.catch(() => undefined);
      transport.close();
    },
  };
}
