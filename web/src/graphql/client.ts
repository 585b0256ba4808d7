// The app's one GraphQL client (urql). Every request carries the session's
// access token. With `trustedDocumentsOnly` an operation travels as its
// trusted-document id alone (the persisted-query hash the gateway looks up in
// its manifest), never as text — as production requires.
import { Client, cacheExchange, fetchExchange, type Exchange, type OperationContext } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import type { RuntimeConfig } from "../runtime-config.ts";
import type { Auth } from "../auth/auth.ts";

/** The id codegen embedded in a document (web/codegen.ts); a document without one was not generated, so it cannot be trusted. */
export function trustedDocumentIdOf(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: unknown } } | null)?.__meta__?.hash;
  if (typeof hash !== "string") throw new Error("An operation without a trusted-document id: write it in a .graphql file under web/src and run `npm run web:codegen`.");
  return hash;
}

/**
 * The context of an operation that works in a case: it declares the case
 * (header X-Case-Id), under which every view of a person in the answer is
 * decided and `case(id)` answers. Keep it stable across renders (useMemo) or
 * urql sends the query again.
 *
 *   const context = useMemo(() => inCase(caseId), [caseId]);
 *   const [result] = useQuery({ query: CaseOverviewDocument, variables: { id: caseId }, context });
 */
export const inCase = (caseId: string): Partial<OperationContext> => ({ fetchOptions: { headers: { "x-case-id": caseId } } });

export function graphqlClient(config: RuntimeConfig, auth: Auth): Client {
  const exchanges: Exchange[] = [cacheExchange];
  if (config.trustedDocumentsOnly) {
    exchanges.push(
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        // The live notifications (a subscription) are a trusted document too.
        enableForSubscriptions: true,
        // POST, as every other request (see preferGetMethod below).
        preferGetForPersistedQueries: false,
        generateHash: async (_text, document) => {
          try {
            return trustedDocumentIdOf(document);
          } catch (error) {
            // Sent as text instead, which the gateway refuses plainly (PERSISTED_DOCUMENT_REQUIRED); a throw here would hang the query.
            console.error((error as Error).message);
            return null;
          }
        },
      }),
    );
  }
  exchanges.push(fetchExchange);
  return new Client({
    url: config.gatewayUrl,
    exchanges,
    // Never a cached answer across sessions: personal data is fetched fresh for each page.
    requestPolicy: "cache-and-network",
    // Subscriptions over the same authorised fetch, as server-sent events (Accept: text/event-stream):
    // the gateway streams them, and no second connection or protocol needs a token of its own.
    fetchSubscriptions: true,
    // POST only: a GET would put the variables — a national id in a search, say — into the URL, and URLs get logged.
    preferGetMethod: false,
    fetch: async (input, init) => {
      const token = await auth.getAccessToken();
      const headers = new Headers(init?.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      return fetch(input, { ...init, headers, credentials: "omit", referrerPolicy: "no-referrer" });
    },
  });
}
