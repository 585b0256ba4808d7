// GraphQL over HTTP as the conformance checks (and the tests) send it: what a
// client sends the gateway, or what the hub sends a subgraph.

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  raw: string;
}

export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return postBody<Data>(url, { query, variables }, headers);
}

/** Sends `body` as it is (a signed call is a whole body): the status, the answer and its raw text. */
export async function postBody<Data = Record<string, unknown>>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: JSON.stringify(body),
  });
  const raw = await response.text();
  let parsed: Omit<GraphQLResponse<Data>, "status" | "raw"> = {};
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    // Not JSON (a proxy's error page): the status and the raw text say what happened.
  }
  return { status: response.status, raw, ...parsed };
}
