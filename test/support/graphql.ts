// A minimal GraphQL-over-HTTP client for tests: what a municipal frontend sends.
import { inject } from "vitest";
import { subgraphPort, type ServiceName } from "../../services/kit/catalog.ts";
import type { AcrLevel } from "../../identity/claims.ts";
import { sampleValue } from "./metrics.ts";
import { bearerHeaders } from "./tokens.ts";
import { postGraphQL, type GraphQLResponse } from "../../conformance/http.ts";

export { postGraphQL, type GraphQLResponse } from "../../conformance/http.ts";

/** Through the gateway, as a client would. */
export function gateway<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  return postGraphQL<Data>(inject("gatewayUrl"), query, variables, headers);
}

export function subgraphUrl(service: ServiceName): string {
  return `http://127.0.0.1:${subgraphPort(service, inject("gatewayPort"))}`;
}

/** Reads one counter from a subgraph's Prometheus endpoint. */
export async function subgraphCounter(service: ServiceName, metric: string): Promise<number> {
  const value = sampleValue(await (await fetch(`${subgraphUrl(service)}/metrics`)).text(), metric);
  if (Number.isNaN(value)) throw new Error(`${service} has no metric ${metric}`);
  return value;
}

/**
 * Headers for a request as `user`, signed in at the federation's identity
 * provider, optionally declaring a case as purpose: a demo user key (see
 * `npm run token`), any employee's actor id (synthetic staff too), or any
 * person's id or national id in the register (a citizen, at `acr`: high unless asked).
 */
export function asUser(user: string, caseId?: string, acr?: AcrLevel): Promise<Record<string, string>> {
  return bearerHeaders(inject("identityIssuer"), user, caseId, acr);
}

/** As a demo user (within a case, if given): the answer, never a 5xx. */
export async function callAs<Data = Record<string, unknown>>(user: string, query: string, variables: Record<string, unknown> = {}, caseId?: string): Promise<GraphQLResponse<Data>> {
  const res = await gateway<Data>(query, variables, await asUser(user, caseId));
  if (res.status >= 500) throw new Error(`${user}: HTTP ${res.status} ${JSON.stringify(res.errors)}`);
  return res;
}

/** As a demo user (within a case, if given): the data, or a thrown error naming the user and the errors. */
export async function okAs<Data = Record<string, unknown>>(user: string, query: string, variables: Record<string, unknown> = {}, caseId?: string): Promise<Data> {
  const res = await callAs<Data>(user, query, variables, caseId);
  if (res.errors) throw new Error(`${user}: ${JSON.stringify(res.errors)}`);
  return res.data as Data;
}
