// Prometheus metrics and OpenTelemetry traces through Hive's own plugins.
// Traces are off unless an OTLP endpoint (or "console") is given, so nothing
// leaves the machine by default. Spans carry operation names and hashes,
// never variables, so no personal data is exported.
//
// Metrics are served on a port of their own (index.ts), never on the public
// one, and every label has a bounded set of values: no URL (a GET carries its
// variables there), no error path (list indices), no operation name a client
// chose. A label's every value is a time series kept for the life of the
// process; a client that can choose values can read what others sent and fill
// the gateway's memory. Which operation a request ran is counted by its
// trusted document's name (hub_gateway_requests), anything else as "other".
import type http from "node:http";
import type { GatewayConfigContext, GatewayPlugin } from "@graphql-hive/gateway-runtime";
import useMeshPrometheus, { createCounter } from "@graphql-mesh/plugin-prometheus";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { useOpenTelemetry } from "@graphql-hive/plugin-opentelemetry";
import { openTelemetrySetup } from "@graphql-hive/plugin-opentelemetry/setup";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { ConsoleSpanExporter } from "@opentelemetry/sdk-trace-base";
import type { Telemetry } from "./config.ts";
import type { HttpTimeouts } from "../services/kit/config.ts";
import { hubHttpServer } from "../services/kit/http-server.ts";

let tracingStarted = false;

/** Registers the global tracer provider once per process (before the runtime starts). */
export function startTracing(telemetry: Telemetry): void {
  if (!telemetry.traces || tracingStarted) return;
  tracingStarted = true;
  const exporter = telemetry.traces === "console" ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: telemetry.traces });
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: telemetry.serviceName },
    traces: { exporter, batching: telemetry.traces !== "console" },
  });
}

/**
 * `fetchMetrics`: whether subgraph calls pass the gateway's fetch hooks, which
 * the hub's own transport skips (transport.ts); the time of each call is then
 * in graphql_gateway_subgraph_execute_duration alone, and no empty fetch
 * histogram is declared.
 */
export function telemetryPlugins(
  telemetry: Telemetry,
  context: GatewayConfigContext,
  { fetchMetrics, registry, manifest }: { fetchMetrics: boolean; registry: Registry; manifest: Iterable<{ id: string; name: string; body: string }> },
): GatewayPlugin[] {
  const plugins: GatewayPlugin[] = [];
  if (telemetry.metrics) {
    plugins.push(
      useMeshPrometheus({
        log: context.log,
        registry,
        // Served by index.ts on METRICS_PORT, not by the runtime on the public port.
        endpoint: false as unknown as string,
        // What operators watch: requests, errors and time per phase, per HTTP answer, per subgraph
        // call. Off (the plugin's defaults are merged under these): the deprecated-field counter,
        // which walks every document on every request (about 1 % of the gateway's CPU) for an API
        // with no deprecated fields, a summary that repeats the request histogram, and the rest.
        metrics: {
          graphql_envelop_deprecated_field: false,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_schema_change: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_execute_resolver: false,
          graphql_envelop_request: true,
          graphql_envelop_request_duration: true,
          graphql_envelop_error_result: true,
          graphql_envelop_phase_parse: true,
          graphql_envelop_phase_validate: true,
          graphql_envelop_phase_context: true,
          graphql_envelop_phase_execute: true,
          graphql_yoga_http_duration: true,
          graphql_gateway_fetch_duration: fetchMetrics,
          graphql_gateway_subgraph_execute_duration: true,
          // The plugin's own counter labels each error with the subgraph operation's name, which the
          // JavaScript planner takes from the client's: counted here by subgraph and type alone.
          graphql_gateway_subgraph_execute_errors: createCounter({
            registry,
            counter: { name: "graphql_gateway_subgraph_execute_errors", help: "Number of errors on subgraph execution", labelNames: ["subgraphName", "operationType"] },
            fillLabelsFn: ({ subgraphName, executionRequest }: { subgraphName: string; executionRequest: { operationType?: string } }) => ({
              subgraphName,
              operationType: executionRequest.operationType ?? "query",
            }),
          }),
        },
        // Only labels with a bounded set of values: operation type, HTTP method and status, phase, subgraph.
        labels: { subgraphName: true, operationName: false, url: false, path: false, fieldName: false, typeName: false, returnType: false },
      }) as unknown as GatewayPlugin,
      useRequestsByDocument(registry, manifest),
    );
  }
  if (telemetry.traces) plugins.push(useOpenTelemetry({ ...context, traces: true }) as unknown as GatewayPlugin);
  return plugins;
}

const OTHER = "other";

/**
 * Requests by operation and HTTP status: the operation is the trusted
 * document's name when the request ran a document of the manifest (by
 * `documentId`, the APQ hash, or its text), else "other" — never a name or
 * text the client chose.
 */
function useRequestsByDocument(registry: Registry, manifest: Iterable<{ id: string; name: string; body: string }>): GatewayPlugin {
  // By id, and by text: Hive's persisted-documents plugin may already have put the text in place of the id.
  const names = new Map<string, string>();
  for (const op of manifest) names.set(op.id, op.name).set(op.body, op.name);
  const requests = new Histogram({
    name: "hub_gateway_requests",
    help: "GraphQL requests by trusted document (or other) and HTTP status, and how long each took to answer.",
    labelNames: ["operation", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const started = new WeakMap<Request, number>();
  const operations = new WeakMap<Request, string>();
  return {
    onRequest({ request, url }) {
      if (url.pathname === "/graphql") started.set(request, performance.now());
    },
    onParams({ request, params }) {
      const persisted = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const key = (params as { documentId?: unknown }).documentId ?? persisted ?? params.query;
      operations.set(request, (typeof key === "string" && names.get(key)) || OTHER);
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      if (start === undefined) return;
      requests.observe({ operation: operations.get(request) ?? OTHER, status: String(response.status) }, (performance.now() - start) / 1000);
    },
  };
}

/** A registry for the gateway's metrics, with the process's own (memory, CPU, event-loop delay). */
export function metricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Serves `registry` at /metrics on its own port; anything else there is 404. */
export async function serveMetrics(registry: Registry, at: { port: number; host: string; timeouts: HttpTimeouts }): Promise<http.Server> {
  const server = hubHttpServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "/").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      return res.end("Not found. Metrics are at /metrics.\n");
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Metrics could not be collected.\n");
      },
    );
  }, at.timeouts);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(at.port, at.host, resolve);
  });
  return server;
}
