// A subscription through the gateway over server-sent events, as a browser's
// graphql-sse client makes it (the web app's, web/src/graphql): every result
// it receives is kept, in order, for a test to wait on with expect.poll.
import { createClient } from "graphql-sse";
import { inject } from "vitest";

export interface Subscribed<Data> {
  /** Every result so far (data or errors), oldest first. */
  results: { data?: Data | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[];
  /** Set when the stream ended: by the server (completed) or with an error. */
  ended: { error?: unknown } | null;
  close(): void;
}

export function subscribeThroughGateway<Data = Record<string, unknown>>(query: string, headers: Record<string, string> = {}, url = inject("gatewayUrl")): Subscribed<Data> {
  const client = createClient({ url, headers, retryAttempts: 0 });
  const subscribed: Subscribed<Data> = {
    results: [],
    ended: null,
    close: () => {
      stop();
      client.dispose();
    },
  };
  const stop = client.subscribe<Data>(
    { query },
    {
      next: (result) => void subscribed.results.push(result as Subscribed<Data>["results"][number]),
      error: (error) => void (subscribed.ended = { error }),
      complete: () => void (subscribed.ended ??= {}),
    },
  );
  return subscribed;
}
