// The signed-in person's unread count, for the header's badge: live from the
// NotificationsLive subscription while its stream is open (live.ts); asked
// for when the app starts, after every navigation, whenever the "Varsler" page
// marks some read, and — only while the stream is down — every 30 seconds.
// One query and one subscription for the whole app, shared through a context.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";
import { useQuery } from "urql";
import { UnreadNotificationCountDocument } from "../graphql/generated/graphql.ts";
import { useLiveNotifications } from "./live.ts";

/** How often the badge asks again while the page stays open and the live stream is down. */
export const UNREAD_POLL_MS = 30_000;

interface Unread {
  /** Unread notifications the person may see now; null before the first answer (or for roles that have none). */
  count: number | null;
  /** Asks again now, e.g. after marking notifications read. */
  refresh(): void;
  /** Goes up whenever new notifications arrive live: the "Varsler" list fetches its newest again. */
  arrivals: number;
}

const UnreadContext = createContext<Unread>({ count: null, refresh: () => undefined, arrivals: 0 });

export function UnreadCountProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  const [result, reexecute] = useQuery({ query: UnreadNotificationCountDocument, pause: !enabled, requestPolicy: "network-only" });
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  // After a navigation (not on the first render, which the query itself covers).
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (!enabled || firstPath.current === pathname) return;
    firstPath.current = pathname;
    refresh();
  }, [enabled, pathname, refresh]);
  const live = useLiveNotifications(enabled);
  const polling = enabled && live.count === null;
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(refresh, UNREAD_POLL_MS);
    return () => clearInterval(timer);
  }, [polling, refresh]);
  // The live count is the newer one while the stream is open; the polled one covers a dropped stream.
  const count = enabled ? (live.count ?? result.data?.unreadNotificationCount ?? null) : null;
  const arrivals = live.arrivals;
  const value = useMemo(() => ({ count, refresh, arrivals }), [count, refresh, arrivals]);
  return <UnreadContext value={value}>{children}</UnreadContext>;
}

export const useUnreadCount = (): Unread => useContext(UnreadContext);
