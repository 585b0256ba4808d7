// The live side of the badge: the NotificationsLive subscription (server-sent
// events through the gateway, web/src/graphql/client.ts). While its stream is
// open the count comes from it and polling (unread.tsx) rests; when the stream
// fails or ends, the hook says so and subscribes again after a pause, and
// polling takes over until it is back.
import { useEffect, useState } from "react";
import { useSubscription } from "urql";
import { NotificationsLiveDocument } from "../graphql/generated/graphql.ts";

/** How long a dropped stream waits before it subscribes again (the poll covers the gap). */
export const RESUBSCRIBE_MS = 10_000;

export interface LiveNotifications {
  /** The unread count the stream last sent; null until its first event, or while it is down. */
  count: number | null;
  /** Goes up with every event that brought new notifications: a list on screen fetches again when it changes. */
  arrivals: number;
}

export function useLiveNotifications(enabled: boolean): LiveNotifications {
  const [result, resubscribe] = useSubscription({ query: NotificationsLiveDocument, pause: !enabled });
  const [arrivals, setArrivals] = useState(0);
  const update = result.data?.notificationsUpdated;
  useEffect(() => {
    if (update && update.added.length > 0) setArrivals((n) => n + 1);
  }, [update]);
  // Open until its first event (fetching) and while events say more follow (urql's `hasNext`: false once the
  // stream has ended); a failed or finished stream is tried again after a pause.
  // (urql's state carries the last result's `hasNext` though its type does not name it.)
  const more = (result as { hasNext?: boolean }).hasNext === true;
  const open = enabled && !result.error && (result.fetching || more);
  const down = enabled && !open;
  useEffect(() => {
    if (!down) return;
    const timer = setTimeout(() => resubscribe({ requestPolicy: "network-only" }), RESUBSCRIBE_MS);
    return () => clearTimeout(timer);
  }, [down, resubscribe]);
  return { count: open && update ? update.unreadCount : null, arrivals };
}
