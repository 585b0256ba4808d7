// Prometheus metrics (/metrics) and OpenTelemetry traces through Hive's own
// plugins. Traces are off unless an OTLP endpoint (or "console") is given, so
// nothing leaves the machine by default. Spans carry operation names and
// hashes, never variables, so no personal data is exported.
import type { GatewayConfigContext, GatewayPlugin } from "@graphql-hive/gateway-runtime";
import useMeshPrometheus from "@graphql-mesh/plugin-prometheus";
import { useOpenTelemetry } from "@graphql-hive/plugin-opentelemetry";
import { openTelemetrySetup } from "@graphql-hive/plugin-opentelemetry/setup";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { ConsoleSpanExporter } from "@opentelemetry/sdk-trace-base";
import type { Telemetry } from "./config.ts";

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
export function telemetryPlugins(telemetry: Telemetry, context: GatewayConfigContext, { fetchMetrics }: { fetchMetrics: boolean }): GatewayPlugin[] {
  const plugins: GatewayPlugin[] = [];
  if (telemetry.metrics) {
    plugins.push(
      useMeshPrometheus({
        log: context.log,
        endpoint: "/metrics",
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
          graphql_gateway_subgraph_execute_errors: true,
        },
        labels: { subgraphName: true },
      }) as unknown as GatewayPlugin,
    );
  }
  if (telemetry.traces) plugins.push(useOpenTelemetry({ ...context, traces: true }) as unknown as GatewayPlugin);
  return plugins;
}
