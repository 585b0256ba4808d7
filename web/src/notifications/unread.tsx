// The signed-in person's unread count, for the header's badge: asked for when
// the app starts, after every navigation and every 30 seconds (polling until
// notifications are delivered live), and again whenever the "Varsler" page
// marks some read. One query for the whole app, shared through a context.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";
import { useQuery } from "urql";
import { UnreadNotificationCountDocument } from "../graphql/generated/graphql.ts";

/** How often the badge asks again while the page stays open. */
export const UNREAD_POLL_MS = 30_000;

interface Unread {
  /** Unread notifications the person may see now; null before the first answer (or for roles that have none). */
  count: number | null;
  /** Asks again now, e.g. after marking notifications read. */
  refresh(): void;
}

const UnreadContext = createContext<Unread>({ count: null, refresh: () => undefined });

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
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(refresh, UNREAD_POLL_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);
  const count = enabled ? (result.data?.unreadNotificationCount ?? null) : null;
  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <UnreadContext value={value}>{children}</UnreadContext>;
}

export const useUnreadCount = (): Unread => useContext(UnreadContext);
