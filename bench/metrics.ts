// The subgraphs' own counters (Prometheus /metrics): GraphQL requests received
// (gateway calls and internal ones, e.g. consent decisions) and SQL statements.
import { SERVICE_NAMES, subgraphPort, type ServiceName } from "../services/kit/catalog.ts";

export type Counters = Record<ServiceName, { calls: number; sql: number }>;

function counter(text: string, metric: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${metric}{`));
  return line ? Number(line.split(" ").pop()) : NaN;
}

export async function readCounters(gatewayPort: number): Promise<Counters> {
  const entries = await Promise.all(
    SERVICE_NAMES.map(async (s) => {
      const text = await (await fetch(`http://127.0.0.1:${subgraphPort(s, gatewayPort)}/metrics`)).text();
      return [s, { calls: counter(text, "hub_graphql_requests_total"), sql: counter(text, "hub_sql_statements_total") }] as const;
    }),
  );
  return Object.fromEntries(entries) as Counters;
}

export function perRequest(after: Counters, before: Counters, requests: number): Counters {
  return Object.fromEntries(
    SERVICE_NAMES.map((s) => [s, { calls: (after[s].calls - before[s].calls) / requests, sql: (after[s].sql - before[s].sql) / requests }]),
  ) as Counters;
}

export function totals(counters: Counters): { calls: number; sql: number } {
  return SERVICE_NAMES.reduce((t, s) => ({ calls: t.calls + counters[s].calls, sql: t.sql + counters[s].sql }), { calls: 0, sql: 0 });
}
