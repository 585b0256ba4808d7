// "Varsler": the signed-in person's notifications, newest first, a page at a
// time ("Vis flere"), each in words made from its kind and what the hub shows
// of it now, with a link to where it concerns; marking one or all read; and
// what they want to be told about (notifications/Preferences.tsx).
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { Button, Heading, Link, Paragraph, Tag } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "react-router";
import { useClient, useMutation, useQuery } from "urql";
import { readFragment } from "../graphql/generated/fragment-masking.ts";
import {
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  NotificationItemFragmentDoc,
  type MyNotificationsQuery,
  type NotificationItemFragment,
  type NotificationKind,
} from "../graphql/generated/graphql.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDate, formatDateTime, serviceKey } from "../i18n/format.ts";
import type { Lang, Translate } from "../i18n/messages.ts";
import { Notice } from "../cases/ActionForm.tsx";
import { ErrorMessage } from "../shell/ErrorMessage.tsx";
import { casePath, PATHS } from "../shell/navigation.ts";
import { Page } from "../shell/Page.tsx";
import { QueryResult } from "../shell/QueryResult.tsx";
import { Preferences } from "./Preferences.tsx";
import { useUnreadCount } from "./unread.tsx";

type Item = NotificationItemFragment;
const PAGE_SIZE = 20;

/** The kinds about a consent: they lead to "Mine samtykker", where the consent is (the case may be one the citizen takes no part in). */
const CONSENT_KINDS: ReadonlySet<NotificationKind> = new Set(["CONSENT_RECORDED", "CONSENT_EXPIRING"]);
/** The kinds whose time is a meeting's, with its time of day; the others point to a day. */
const MEETING_KINDS: ReadonlySet<NotificationKind> = new Set(["MEETING_SCHEDULED", "MEETING_MOVED", "MEETING_CANCELLED"]);

/** What the notification says, from its kind and the facts the hub gives now. */
function words(t: Translate, lang: Lang, n: Item): string {
  const date = n.at ? (MEETING_KINDS.has(n.kind) ? formatDateTime(lang, n.at) : formatDate(lang, n.at)) : "";
  const service = n.service ? t(serviceKey(n.service)) : "";
  return t(`notifications.kind.${n.kind}`, { case: n.caseTitle ?? t("notifications.caseHidden"), date, service });
}

const itemsOf = (data: MyNotificationsQuery): Item[] => data.myNotifications.edges.map((e) => readFragment(NotificationItemFragmentDoc, e.node));

function NotificationEntry({ item, onRead }: { item: Item; onRead(id: string): void }) {
  const { t, lang } = useI18n();
  const textId = useId();
  // "Merk som lest" goes away once pressed: the keyboard stays at the notification's words, not at the top of the page.
  const text = useRef<HTMLParagraphElement>(null);
  const unread = item.readAt === null;
  const toConsents = CONSENT_KINDS.has(item.kind);
  return (
    <li className={unread ? "entry entry--unread" : "entry"}>
      <Paragraph data-size="sm" className="entry__when">
        {formatDateTime(lang, item.createdAt)}
        {unread && (
          <>
            {" "}
            <Tag data-size="sm" data-color="info">
              {t("notifications.new")}
            </Tag>
          </>
        )}
      </Paragraph>
      <Paragraph id={textId} ref={text} tabIndex={-1} className="entry__focus">
        {words(t, lang, item)}
      </Paragraph>
      <div className="actions">
        <Link asChild aria-describedby={textId}>
          <RouterLink to={toConsents ? PATHS.myConsents : casePath(item.caseId)} onClick={() => unread && onRead(item.id)}>
            {t(toConsents ? "notifications.openConsents" : "notifications.openCase")}
          </RouterLink>
        </Link>
        {unread && (
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-describedby={textId}
            onClick={() => {
              onRead(item.id);
              text.current?.focus();
            }}
          >
            {t("notifications.markRead")}
          </Button>
        )}
      </div>
    </li>
  );
}

function NotificationList({ first, heading }: { first: MyNotificationsQuery; heading: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useI18n();
  const client = useClient();
  const unread = useUnreadCount();
  const [items, setItems] = useState<Item[]>(() => itemsOf(first));
  const [pageInfo, setPageInfo] = useState(first.myNotifications.pageInfo);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [markState, mark] = useMutation(MarkNotificationsReadDocument);
  const [done, setDone] = useState<string | null>(null);

  async function showMore() {
    setLoadingMore(true);
    setMoreError(null);
    const result = await client.query(MyNotificationsDocument, { first: PAGE_SIZE, after: pageInfo.endCursor }, { requestPolicy: "network-only" }).toPromise();
    setLoadingMore(false);
    if (result.error || !result.data) return setMoreError(result.error ?? new Error("no data"));
    const more = itemsOf(result.data);
    setItems((shown) => [...shown, ...more.filter((m) => !shown.some((s) => s.id === m.id))]);
    setPageInfo(result.data.myNotifications.pageInfo);
  }

  // New notifications arrived live (or the count went up): the newest page again, new ones on top
  // (those shown keep their place).
  const seen = useRef({ arrivals: unread.arrivals, count: unread.count });
  useEffect(() => {
    const before = seen.current;
    seen.current = { arrivals: unread.arrivals, count: unread.count };
    const grew = unread.count !== null && before.count !== null && unread.count > before.count;
    if (unread.arrivals === before.arrivals && !grew) return;
    void client
      .query(MyNotificationsDocument, { first: PAGE_SIZE }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        if (!result.data) return;
        const newest = itemsOf(result.data);
        setItems((shown) => [...newest.filter((n) => !shown.some((s) => s.id === n.id)), ...shown]);
      });
  }, [unread.arrivals, unread.count, client]);

  async function markRead(ids: string[] | null) {
    setDone(null);
    const result = await mark(ids ? { ids } : { all: true });
    if (result.error) return;
    const now = new Date().toISOString();
    setItems((shown) => shown.map((n) => (n.readAt === null && (ids === null || ids.includes(n.id)) ? { ...n, readAt: now } : n)));
    setDone(t(ids ? "notifications.markedRead" : "notifications.markedAllRead"));
    // "Merk alle som lest" goes away: the keyboard continues from the list's heading.
    if (!ids) heading.current?.focus();
    unread.refresh();
  }

  const count = unread.count ?? items.filter((n) => n.readAt === null).length;
  return (
    <>
      <Paragraph>{count > 0 ? t("notifications.unreadCount", { count }) : t("notifications.unreadNone")}</Paragraph>
      {count > 0 && (
        <Button type="button" variant="secondary" onClick={() => void markRead(null)} disabled={markState.fetching}>
          {t("notifications.markAllRead")}
        </Button>
      )}
      {markState.error && <ErrorMessage error={markState.error} />}
      <Notice text={done} />
      {items.length === 0 ? (
        <Paragraph>{t("notifications.list.empty")}</Paragraph>
      ) : (
        <ul className="entry-list">
          {items.map((n) => (
            <NotificationEntry key={n.id} item={n} onRead={(id) => void markRead([id])} />
          ))}
        </ul>
      )}
      {moreError ? <ErrorMessage error={moreError} /> : null}
      {pageInfo.hasNextPage && (
        <Button type="button" variant="secondary" onClick={() => void showMore()} aria-busy={loadingMore || undefined} disabled={loadingMore}>
          {t("notifications.more")}
        </Button>
      )}
    </>
  );
}

export function NotificationsPage() {
  const { t } = useI18n();
  // Fresh on every visit: what the person may see changes with the cases and consents behind it.
  const [result] = useQuery({ query: MyNotificationsDocument, variables: { first: PAGE_SIZE }, requestPolicy: "network-only" });
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <Page title={t("nav.notifications")}>
      <Paragraph>{t("notifications.intro")}</Paragraph>
      <section aria-labelledby="notifications-heading">
        <Heading level={2} data-size="md" id="notifications-heading" ref={heading} tabIndex={-1} className="entry__focus">
          {t("notifications.list.title")}
        </Heading>
        <QueryResult result={result}>{(data) => <NotificationList first={data} heading={heading} />}</QueryResult>
      </section>
      <Preferences />
    </Page>
  );
}
