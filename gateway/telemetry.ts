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
import type { Telemetry } from "./hardening.ts";

let tracingStarted = false;

/** Registers the global tracer provider once per process (before the runtime starts). */
export function startTracing(telemetry: Telemetry): void {
  if (!telemetry.traces || tracingStarted) return;
  tracingStarted = true;
  const exporter = telemetry.traces === "console" ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: telemetry.traces });
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: process.env.OTEL_SERVICE_NAME ?? "samhandling-gateway" },
    traces: { exporter, batching: telemetry.traces !== "console" },
  });
}

export function telemetryPlugins(telemetry: Telemetry, context: GatewayConfigContext): GatewayPlugin[] {
  const plugins: GatewayPlugin[] = [];
  if (telemetry.metrics) {
    plugins.push(
      useMeshPrometheus({
        log: context.log,
        endpoint: "/metrics",
        metrics: true,
        labels: { subgraphName: true },
      }) as unknown as GatewayPlugin,
    );
  }
  if (telemetry.traces) plugins.push(useOpenTelemetry({ ...context, traces: true }) as unknown as GatewayPlugin);
  return plugins;
}
