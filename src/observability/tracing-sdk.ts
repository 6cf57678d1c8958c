// The OpenTelemetry SDK (@opentelemetry/sdk-node) with the HTTP, GraphQL and pg instrumentations,
// loaded only when tracing is on: by tracing-start.ts (main.ts's first import) with the OTLP/HTTP
// exporter of OTEL_EXPORTER_OTLP_ENDPOINT, or by a test with its own exporter. Instrumentations
// patch modules as they are required, so this runs before http, graphql and pg are loaded.
// Only traces: the metrics stay prom-client's (/metrics), the logs pino's; no resolver spans.
import { trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { useTracer } from "./tracing";

/** Paths whose requests are not traced: probes and scrapes, every few seconds. */
const UNTRACED_PATHS = /^\/(metrics|healthz|readyz)(\?|$)/;

export interface TracingOptions {
  /** The OTLP/HTTP endpoint (config.otlpEndpoint): spans go in batches to `<endpoint>/v1/traces`. */
  endpoint?: string;
  /** Another exporter (tests: InMemorySpanExporter), each span exported as it ends. */
  exporter?: SpanExporter;
}

export function startTracing(options: TracingOptions): void {
  const spanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces` }));
  const sdk = new NodeSDK({
    serviceName: "latchkey",
    spanProcessors: [spanProcessor],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? ""),
        // Outgoing HTTP is the exporter's own; requests are traced from where they come in.
        ignoreOutgoingRequestHook: () => true,
      }),
      // parse, validate and execute; not one span per field.
      new GraphQLInstrumentation({ ignoreResolveSpans: true, mergeItems: true }),
      // Statements without their values; none outside a traced request (background work).
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  // A runner that loaded node:http another way (vitest imports it) gets it patched now.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("http");
  useTracer(trace.getTracer("latchkey"), () => sdk.shutdown());
}
