// A list the API gives a page at a time (a Relay connection: edges, pageInfo,
// first/after), shown as one list that grows by "Vis flere". The first page is
// an ordinary query — cached, refreshed after a change like any other — and
// each further page is fetched from the last one's endCursor and appended. A
// fresh first page (a refresh after a change) starts the list again, so no
// page is ever shown beside a newer version of the pages before it.
import { useCallback, useState } from "react";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useClient, useQuery, type AnyVariables, type CombinedError, type OperationContext, type RequestPolicy, type UseQueryState } from "urql";

/** What a page of any connection carries (the generated types of each fit it). */
export interface Connection<Node> {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface Pages<Data, Node> {
  /** The first page's query: loading and error as for any query. */
  result: UseQueryState<Data>;
  /** Every page's entries so far, in the list's order. */
  nodes: Node[];
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last "Vis flere" failed; the entries shown stay. */
  moreError: CombinedError | null;
  showMore: () => void;
  refetch: (opts?: Partial<OperationContext>) => void;
}

interface More<Data, Node> {
  /** The first page these follow; pages after an older first page are dropped. */
  after: Data;
  pages: Connection<Node>[];
}

export function usePages<Data, Vars extends AnyVariables & { after?: string | null }, Node>(args: {
  query: TypedDocumentNode<Data, Vars>;
  variables: Vars;
  /** The list's connection in an answer; null when the answer has none (e.g. an unknown case). */
  connection: (data: Data) => Connection<Node> | null | undefined;
  context?: Partial<OperationContext>;
  requestPolicy?: RequestPolicy;
}): Pages<Data, Node> {
  const { query, variables, connection, context, requestPolicy } = args;
  const client = useClient();
  const [result, refetch] = useQuery<Data, Vars>({ query, variables, context, requestPolicy });
  const [more, setMore] = useState<More<Data, Node> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);

  const first = result.data ? connection(result.data) : null;
  const pages = first ? [first, ...(more && more.after === result.data ? more.pages : [])] : [];
  const last = pages.at(-1);
  const hasMore = Boolean(last?.pageInfo.hasNextPage && last.pageInfo.endCursor);

  const showMore = useCallback(() => {
    const base = result.data;
    const cursor = last?.pageInfo.endCursor;
    if (!base || !cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    // Network-only: a cached later page could belong to an older version of the list.
    void client
      .query<Data, Vars>(query, { ...variables, after: cursor }, { ...context, requestPolicy: "network-only" })
      .toPromise()
      .then((next) => {
        const page = next.data ? connection(next.data) : null;
        if (next.error || !page) setMoreError(next.error ?? null);
        else setMore((prev) => ({ after: base, pages: [...(prev && prev.after === base ? prev.pages : []), page] }));
      })
      .finally(() => setLoadingMore(false));
  }, [client, query, variables, context, connection, result.data, last, loadingMore]);

  return { result, nodes: pages.flatMap((p) => p.edges.map((e) => e.node)), hasMore, loadingMore, moreError, showMore, refetch };
}
