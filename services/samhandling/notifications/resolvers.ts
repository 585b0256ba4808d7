// A person's notifications in the graph: `myNotifications` (paged, newest
// first), `unreadNotificationCount` (the badge), `markNotificationsRead`, and
// their preferences. Every answer passes visibility.ts: what a recipient may
// no longer see is neither shown nor counted, and marking it read is a no-op.
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Notification } from "../../../prisma/samhandling/generated/client.ts";
import { hubError } from "../../kit/errors.ts";
import { connectionType, cursorCodec, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, timeFromPart, timePart, type Page } from "../../kit/paging.ts";
import { callerOf, signedIn, type Context, type Signed } from "../context.ts";
import type { NotificationOwner } from "../data.ts";
import { listLimit, newId, requiredId } from "../input.ts";
import { visibleCases, present } from "../cases/visibility.ts";
import { NOTIFICATION_KIND_VALUES, type NotificationKind } from "./kinds.ts";
import { NotificationPreferences, NotificationPreferencesInput, NotificationView } from "./types.ts";
import { visibleNotifications } from "./visibility.ts";
import { announceTo } from "./signals.ts";

type Key = { at: Date; id: string };

/** A myNotifications cursor: the notification's time and id, its place in the list. */
const notificationCursors = cursorCodec<Key>(
  "my-notifications",
  (k) => [timePart(k.at), k.id],
  ([at, id, ...rest]) => {
    const time = timeFromPart(at);
    return time && id && rest.length === 0 ? { at: time, id } : null;
  },
);

const NotificationConnection = connectionType(
  "Notification",
  NotificationView,
  "A page of your notifications, newest first: only those you may see now, so a page neither shows nor counts the others.",
);

/** The badge counts at most this many: beyond it a client shows "99+" or the like, and the count stays cheap. */
export const UNREAD_COUNT_LIMIT = 100;

/** Rows read per round while a page is filled with visible notifications. */
const ROUND = MAX_PAGE_SIZE + 1;
/** Rounds at most per page: a long run of hidden rows ends a page early (hasNextPage stays true) rather than reading on without bound. */
const MAX_ROUNDS = 5;

const owner = (who: Signed): NotificationOwner => (who.kind === "employee" ? { actorId: who.actorId } : { personId: who.personId });

function notificationsOf(ctx: Context): Signed {
  return signedIn(callerOf(ctx));
}

/**
 * Visible notifications after `after`, newest first, until `want` are found: reads `ROUND` rows at a
 * time and filters them, so hidden rows never take a place on the page. `more` when rows remain unread.
 */
export async function visibleAfter(ctx: Context, who: Signed, after: Key | null, want: number, unreadOnly: boolean): Promise<{ shown: { row: Notification; view: NotificationView }[]; more: boolean }> {
  const shown: { row: Notification; view: NotificationView }[] = [];
  let cursor = after;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await ctx.loaders.notifications.page(owner(who), cursor, ROUND, unreadOnly);
    const views = new Map((await visibleNotifications(ctx, who, rows)).map((v) => [v.id, v]));
    for (const row of rows) {
      const view = views.get(row.id);
      if (view) shown.push({ row, view });
      if (shown.length >= want) return { shown, more: true };
    }
    if (rows.length < ROUND) return { shown, more: false };
    cursor = { at: rows.at(-1)!.createdAt, id: rows.at(-1)!.id };
  }
  return { shown, more: true };
}

export async function unreadCount(ctx: Context, who: Signed): Promise<number> {
  return (await visibleAfter(ctx, who, null, UNREAD_COUNT_LIMIT, true)).shown.length;
}

/** Notifications show case titles, as myCases does: each case's look is logged once, under that case. */
export async function lookAtTitles(ctx: Context, shown: readonly { row: Notification; view: NotificationView }[]): Promise<void> {
  const titled = present(await ctx.loaders.case.loadMany([...new Set(shown.filter((s) => s.view.caseTitle !== null).map((s) => s.row.caseId))]));
  await visibleCases(ctx, titled);
}

/** One address as the person typed it, trimmed; empty removes it. Never echoed in an error: it is personal data. */
function emailAddressOf(raw: string): string | null {
  const address = raw.trim();
  if (address === "") return null;
  if (address.length > 254 || !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(address)) {
    throw hubError("BAD_USER_INPUT", "emailAddress is not an e-mail address (name@example.no, at most 254 characters).", { field: "emailAddress" });
  }
  return address;
}

async function preferencesOf(ctx: Context, who: Signed): Promise<NotificationPreferences> {
  const row = await ctx.loaders.notifications.preferences(owner(who));
  const muted = new Set(row?.mutedKinds ?? []);
  return { kinds: NOTIFICATION_KIND_VALUES.map((kind) => ({ kind, enabled: !muted.has(kind) })), email: row?.email ?? false, emailAddress: row?.emailAddress ?? null };
}

@Resolver(() => NotificationView)
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    description:
      "Your notifications a page at a time, newest first (first, after; at most " + MAX_PAGE_SIZE + " a page): what happened in the cases you take part in " +
      "and to your consents. Each says only what you may read now; those you may no longer see are left out. For employees and citizens signed in.",
  })
  async myNotifications(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<NotificationView>> {
    const who = notificationsOf(ctx);
    const request = pageRequest(notificationCursors, args.first, args.after);
    const { shown, more } = await visibleAfter(ctx, who, request.after, request.take, false);
    await lookAtTitles(ctx, shown);
    const page = pageOf(request, shown, (s) => ({ at: s.row.createdAt, id: s.row.id }), notificationCursors, (s) => s.view);
    // A page cut short by hidden rows still says whether more may follow.
    return shown.length <= request.first && more ? { ...page, pageInfo: { ...page.pageInfo, hasNextPage: page.edges.length > 0 } } : page;
  }

  @Query(() => Int, {
    description: `How many of your notifications are unread, of those you may see now (the badge); at most ${UNREAD_COUNT_LIMIT}, shown by a client as "${UNREAD_COUNT_LIMIT - 1}+" or the like.`,
  })
  async unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return unreadCount(ctx, notificationsOf(ctx));
  }

  @Mutation(() => Int, {
    description:
      "Marks your notifications read: those named by ids, or all of them (all: true). Ids that are not yours, or of notifications you may no longer see, change nothing. " +
      "Answers how many unread remain (the badge).",
  })
  async markNotificationsRead(
    @Arg("ids", () => [ID], { nullable: true, description: "The notifications to mark read (at most 50)." }) ids: string[] | null,
    @Arg("all", () => Boolean, { nullable: true, description: "True: every notification of yours. Give either ids or all." }) all: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const who = notificationsOf(ctx);
    if ((ids == null) === (all !== true)) throw hubError("BAD_USER_INPUT", "Give either ids (the notifications to mark read) or all: true, not both and not neither.", { field: "ids" });
    listLimit(ids, "ids");
    const named = all ? null : (ids ?? []).map((id) => requiredId(id, "ids"));
    // Named ones only while the caller may see them: a hidden notification stays as it was (unread, and uncounted).
    const visible = named && (await visibleNotifications(ctx, who, await ctx.loaders.notifications.byIds(owner(who), named))).map((n) => n.id);
    if (visible === null || visible.length > 0) await ctx.loaders.notifications.markRead(owner(who), visible, new Date());
    // The recipient's other open pages update their badge too.
    announceTo(who);
    return unreadCount(ctx, who);
  }

  @Query(() => NotificationPreferences, { description: "What you want to be told, and whether by e-mail too. Until you change them: every kind, no e-mail." })
  async notificationPreferences(@Ctx() ctx: Context): Promise<NotificationPreferences> {
    return preferencesOf(ctx, notificationsOf(ctx));
  }

  @Mutation(() => NotificationPreferences, {
    description: "Changes what you want to be told: the kinds you switch off are no longer made for you (from now on; those made stay), and whether you are told by e-mail too.",
  })
  async updateNotificationPreferences(
    @Arg("input", () => NotificationPreferencesInput, { description: "What to change; what is left out stays as it is." }) input: NotificationPreferencesInput,
    @Ctx() ctx: Context,
  ): Promise<NotificationPreferences> {
    const who = notificationsOf(ctx);
    const current = await preferencesOf(ctx, who);
    const disabled: NotificationKind[] = input.disabledKinds ? [...new Set(input.disabledKinds)] : current.kinds.filter((k) => !k.enabled).map((k) => k.kind);
    const emailAddress = input.emailAddress == null ? current.emailAddress : emailAddressOf(input.emailAddress);
    // Without an address the choice is kept, and nothing is sent until one is entered (notifications/email.ts).
    const email = input.email ?? current.email;
    await ctx.loaders.notifications.savePreferences(owner(who), newId("npref"), { mutedKinds: disabled, email, emailAddress, updatedAt: new Date() });
    return preferencesOf(ctx, who);
  }
}
