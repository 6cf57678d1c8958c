// Loaded first by main.ts, before anything requires http, graphql or pg: with
// OTEL_EXPORTER_OTLP_ENDPOINT set, starts the OpenTelemetry SDK so that its instrumentations patch
// them as they load. Unset, loads nothing more (the SDK is never required: no cost).
import { configuredOtlpEndpoint } from "../config";

const endpoint = configuredOtlpEndpoint();
if (endpoint) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("./tracing-sdk") as typeof import("./tracing-sdk")).startTracing({ endpoint });
}
