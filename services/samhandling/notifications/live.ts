// `notificationsUpdated`: a signed-in person's notifications, live. The gateway
// carries it to the client over server-sent events (kit/subscriptions.ts says
// why). A signal (signals.ts) only wakes the subscription; each event is then
// read like `myNotifications` and `unreadNotificationCount`, through
// visibility.ts with a renewed context (new loaders, consent asked afresh): a
// membership ended or a consent withdrawn a moment ago already hides what it
// covered, and nothing the recipient may not see now is sent or counted.
import { Field, Int, ObjectType, Resolver, Root, Subscription } from "type-graphql";
import { callerOf, signedIn, type Context, type Signed } from "../context.ts";
import { NotificationView } from "./types.ts";
import { lookAtTitles, unreadCount, visibleAfter } from "./resolvers.ts";
import { liveKeyOf } from "./signals.ts";

/** How many of the newest notifications an event looks at for new ones: more than a burst between two events. */
const NEWEST = 20;

@ObjectType("NotificationsUpdate", {
  description:
    "What changed in your notifications: the new ones you may see, and the unread count (the badge). The first event comes at once, " +
    "with the count and no new ones; then one whenever a notification for you is written, or you mark some read.",
})
export class NotificationsUpdate {
  @Field(() => Int, { description: "How many of your notifications are unread, of those you may see now (as unreadNotificationCount)." })
  unreadCount!: number;

  @Field(() => [NotificationView], { description: "The notifications written for you since the last event, newest first, of those you may see now." })
  added!: NotificationView[];
}

/** The events of one subscription: an explicit iterator, so that the client leaving (`return`) ends it at once. */
function updates(ctx: Context, who: Signed): AsyncIterableIterator<NotificationsUpdate> {
  const wakeUps = ctx.live.listen(liveKeyOf(who));
  const startedAt = new Date();
  const sent = new Set<string>();
  let lastCount: number | null = null;

  const read = async (): Promise<NotificationsUpdate | null> => {
    const fresh = (await ctx.renewed()) as Context;
    const { shown } = await visibleAfter(fresh, who, null, NEWEST, false);
    const fresher = shown.filter((s) => s.row.createdAt >= startedAt && !sent.has(s.row.id));
    const count = await unreadCount(fresh, who);
    if (fresher.length === 0 && count === lastCount) return null;
    await lookAtTitles(fresh, fresher);
    for (const s of fresher) sent.add(s.row.id);
    lastCount = count;
    return { unreadCount: count, added: fresher.map((s) => s.view) };
  };

  let first = true;
  const next = async (): Promise<IteratorResult<NotificationsUpdate>> => {
    if (first) {
      first = false;
      return { value: (await read())!, done: false };
    }
    for (;;) {
      const woken = await wakeUps.next();
      if (woken.done) return { value: undefined, done: true };
      const update = await read();
      if (update) return { value: update, done: false };
    }
  };
  const finish = async (): Promise<IteratorResult<NotificationsUpdate>> => {
    await wakeUps.return?.();
    return { value: undefined, done: true };
  };
  return {
    next,
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver()
export class NotificationLiveResolver {
  @Subscription(() => NotificationsUpdate, {
    description:
      "Your notifications, live (over server-sent events: send the request with Accept: text/event-stream). For employees and citizens signed in. " +
      "Each event says only what you may see at the moment it is sent; leaving a case or a withdrawn consent stops what they covered at once.",
    subscribe: ({ context }) => {
      const ctx = context as Context;
      // Refused before the stream opens: the error answers the request (FORBIDDEN for no sign-in, as every read of notifications).
      return updates(ctx, signedIn(callerOf(ctx)));
    },
  })
  notificationsUpdated(@Root() update: NotificationsUpdate): NotificationsUpdate {
    return update;
  }
}
