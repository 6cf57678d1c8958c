// Tracing on, into memory: imported first by a spec (before anything loads http, graphql or pg,
// which the instrumentations patch as they load), as main.ts loads src/observability/tracing-start.ts.
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { startTracing } from "../../src/observability/tracing-sdk";

/** Every span ended since the last reset(). */
export const exporter = new InMemorySpanExporter();
startTracing({ exporter });
