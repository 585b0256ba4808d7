// "Hvem har sett" shows every service's access log about a person as one list,
// newest first, while each service gives its log a page at a time. An entry
// may only be shown once no unread page of any service could hold a newer
// one: so the merged list stops at the horizon — the oldest loaded entry of
// the service that has more and whose loaded entries reach least far back —
// and the next page read is always that service's. A fresh first answer (the
// page queried again) starts the pages over.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useClient, type CombinedError } from "urql";
import { SERVICE_NAMES, type ServiceName } from "../../../services/kit/catalog.ts";
import type { EntryFields } from "../accessLog/words.ts";
import { readFragment, type FragmentType } from "../graphql/generated/fragment-masking.ts";
import { AccessLogItemFragmentDoc, PersonAccessLogsFragmentDoc } from "../graphql/generated/graphql.ts";
import type { Connection } from "../shell/pages.ts";
import { MORE_DOCUMENTS } from "./service-documents.ts";

export interface Look {
  service: ServiceName;
  entry: EntryFields;
}

/** One service's log as far as it is read. */
export interface ServiceLog {
  entries: EntryFields[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export type Logs = Partial<Record<ServiceName, ServiceLog>>;

type ItemConnection = Connection<FragmentType<typeof AccessLogItemFragmentDoc>>;

const logOf = (page: ItemConnection): ServiceLog => ({
  entries: page.edges.map((e) => readFragment(AccessLogItemFragmentDoc, e.node)),
  endCursor: page.pageInfo.endCursor ?? null,
  hasNextPage: Boolean(page.pageInfo.hasNextPage && page.pageInfo.endCursor),
});

/** The first page of every log the reader may see; null when they may see none (a log is null where the rules give the reader nothing). */
export function firstPages(person: FragmentType<typeof PersonAccessLogsFragmentDoc>): Logs | null {
  const fields = readFragment(PersonAccessLogsFragmentDoc, person);
  const logs: Logs = {};
  let visible = false;
  for (const service of SERVICE_NAMES) {
    const page = fields[`${service}AccessLogPage`];
    if (!page) continue;
    visible = true;
    logs[service] = logOf(page);
  }
  return visible ? logs : null;
}

// ISO instants in UTC compare as strings.
const newestFirst = (a: Look, b: Look) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : 0);

/**
 * The entries that can be shown in order, newest first, and the service whose
 * next page moves the horizon (null when every log is read to its end).
 */
export function inOrder(logs: Logs): { looks: Look[]; next: ServiceName | null } {
  let next: ServiceName | null = null;
  let horizon: string | null = null;
  for (const service of SERVICE_NAMES) {
    const log = logs[service];
    if (!log?.hasNextPage) continue;
    const oldest = log.entries.at(-1)?.at ?? null;
    // A log with more but nothing loaded (never so from the API, which fills a page before saying there is more) holds everything back.
    if (oldest === null || horizon === null || oldest > horizon) {
      horizon = oldest ?? "\uffff";
      next = service;
    }
  }
  const looks: Look[] = [];
  for (const service of SERVICE_NAMES) for (const entry of logs[service]?.entries ?? []) if (horizon === null || entry.at >= horizon) looks.push({ service, entry });
  return { looks: looks.sort(newestFirst), next };
}

export interface PersonLogs {
  /** null when the reader may see none of the person's logs. */
  looks: Look[] | null;
  /** Whether a later page of some log is still unread. */
  unread: boolean;
  loadingMore: boolean;
  moreError: CombinedError | null;
  /** Reads the next page that moves the horizon. */
  readMore: () => void;
}

export function usePersonLogs(personId: string, person: FragmentType<typeof PersonAccessLogsFragmentDoc>): PersonLogs {
  const client = useClient();
  const first = useMemo(() => firstPages(person), [person]);
  const [read, setRead] = useState<{ after: Logs | null; logs: Logs } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  useEffect(() => setMoreError(null), [first]);

  const logs = read && read.after === first ? read.logs : first;
  const ordered = useMemo(() => (logs ? inOrder(logs) : null), [logs]);

  const readMore = useCallback(() => {
    const service = ordered?.next;
    const log = service && logs?.[service];
    if (!service || !log?.endCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    // Network-only: a cached later page could belong to an older version of the log.
    void client
      .query(MORE_DOCUMENTS[service], { personId, after: log.endCursor }, { requestPolicy: "network-only" })
      .toPromise()
      .then((answer) => {
        if (answer.error) {
          setMoreError(answer.error);
          return;
        }
        // No page (the log is no longer the reader's to see): nothing more is read from it.
        const page = answer.data?.person?.entries;
        const more: ServiceLog = page ? logOf(page) : { entries: [], endCursor: null, hasNextPage: false };
        setRead((prev) => {
          const base = prev && prev.after === first ? prev.logs : first;
          if (!base) return prev;
          const had = base[service];
          return { after: first, logs: { ...base, [service]: { ...more, entries: [...(had?.entries ?? []), ...more.entries] } } };
        });
      })
      .finally(() => setLoadingMore(false));
  }, [client, personId, first, logs, ordered, loadingMore]);

  return { looks: ordered?.looks ?? null, unread: ordered?.next != null, loadingMore, moreError, readMore };
}
