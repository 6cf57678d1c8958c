// config -> data source (migrated; in development, the demo loaded into an empty database) -> server.
// SIGTERM / SIGINT drain: no new connections, in-flight requests finish (at most DRAIN_MS), then
// the data source closes and the process exits 0.
// Tracing first: its instrumentations patch http, graphql and pg as they load (nothing when off).
import "./observability/tracing-start";
import "reflect-metadata";
import { parseCommandLine } from "./cli";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { isDatabaseUnavailable } from "./db/transaction";
import { User } from "./domain/users/user.entity";
import { readFixtureFile } from "./seed/fixture";
import { loadFixture } from "./seed/load";
import { createServer } from "./server";
import { describeForLog, logger } from "./observability/logger";
import { shutdownTracing } from "./observability/tracing";
import { startScheduler } from "./scheduler/scheduler";
import { createMailTransport } from "./domain/notifications/mailer";
import { startDeliveryLoop } from "./domain/notifications/delivery";

/** How long in-flight requests may take to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;
/** After the drain, how long closing the server and the data source may take before exiting anyway. */
const CLOSE_MS = 5_000;

const USAGE = `usage: node dist/src/main.js   (npm start)
Serves the GraphQL API on http://localhost:PORT/graphql: migrates the database first and, in
development (NODE_ENV unset, development or test), loads the demo fixture into an empty one; a production
start leaves an empty database empty (its first account: npm run account:create). Takes no
arguments; configured by the environment:
  PORT                                  HTTP port (4000)
  DATABASE_URL                          postgres://user@host:5432/db or sqlite:path/to.sqlite (sqlite:data/latchkey.sqlite)
  NODE_ENV=production                   no Sandbox, introspection or "Did you mean" suggestions
  REDIS_URL                             brute-force counters, query-cost buckets and events in Redis, shared by every instance
  CORS_ORIGINS                          comma-separated browser origins allowed by CORS (none)
  COST_BUCKET_SIZE, COST_LEAK_PER_SECOND   the per-user query-cost bucket (1000, 50)
  DEMO_FIXTURE                          the fixture loaded into an empty development database (seeds/demo.json)
  SWEEP_INTERVAL_MS, LOG_LEVEL, SMTP_URL   expiry sweep interval (60000), pino level (info), outgoing mail
  TRUST_PROXY                           load balancers (addresses or CIDRs, comma-separated) whose X-Forwarded-For
                                        gives the client's address for per-address limits (none: the socket's)
  METRICS_PORT                          serve /metrics on this port of its own (internal network)
  METRICS_TOKEN                         serve /metrics on PORT to "Authorization: Bearer METRICS_TOKEN" only
                                        (neither: /metrics is not served)
  OTEL_EXPORTER_OTLP_ENDPOINT           send traces (OpenTelemetry, OTLP/HTTP) to this collector (none: no tracing)
  REDIS_KEY_PREFIX                      prefix of every key in Redis (latchkey): deployments sharing one Redis differ`;

async function main() {
  const config = loadConfig();
  const ds = createDataSource(config.database);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  // Demo accounts have published passwords: only a development start loads them, never production.
  if (config.loadDemo && (await ds.getRepository(User).count()) === 0) {
    const { fixture, errors } = readFixtureFile(config.demoFixture);
    if (errors.length) throw new Error(`demo fixture ${config.demoFixture} is invalid:\n${errors.join("\n")}`);
    await loadFixture(ds, fixture);
    console.log(`empty database: loaded the demo from ${config.demoFixture}`);
  }
  const app = await createServer(ds, config);
  const port = await app.listen(config.port);
  if (config.metricsPort !== null)
    console.log(`metrics on http://localhost:${await app.listenMetrics(config.metricsPort)}/metrics`);
  // The plain line stays on stdout whatever LOG_LEVEL is: tests and the bench wait for it.
  console.log(`Latchkey on http://localhost:${port}/graphql (${config.database.kind})`);
  logger.info({ port, database: config.database.kind, logLevel: config.logLevel }, "listening");
  // Errors of the background work are logged as JSON through the logger; its work is counted in /metrics.
  const scheduler = startScheduler(ds, { intervalMs: config.sweepIntervalMs, metrics: app.metrics });
  // R5: with SMTP_URL the outbox's emails are sent (exactly once across instances); without it they stay in the outbox.
  const mail = config.smtpUrl
    ? startDeliveryLoop(ds, createMailTransport(config.smtpUrl), {
        intervalMs: 5_000,
        metrics: app.metrics,
      })
    : null;

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new connections; finishing in-flight requests (at most ${DRAIN_MS / 1000} s)`);
    // app.close() stops listening at once and resolves when every connection has ended. Keep-alive
    // connections end as soon as they are idle; whatever still runs after DRAIN_MS is cut.
    const idle = setInterval(() => app.server.closeIdleConnections(), 50);
    const cut = setTimeout(() => {
      logger.error(`requests still running after ${DRAIN_MS / 1000} s: closing their connections`);
      app.server.closeAllConnections();
    }, DRAIN_MS);
    setTimeout(() => {
      logger.error("shutdown did not finish in time");
      process.exit(1);
    }, DRAIN_MS + CLOSE_MS).unref();
    try {
      await app.close();
    } catch (error) {
      logger.error({ error: describeForLog(error) }, "closing the server failed");
    } finally {
      clearInterval(idle);
      clearTimeout(cut);
    }
    await mail?.stop();
    await scheduler.stop();
    await ds.destroy();
    // The spans still batched are exported before the exit.
    await shutdownTracing().catch((error: unknown) =>
      logger.error({ error: describeForLog(error) }, "exporting the last spans failed"),
    );
    console.log("stopped");
    process.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop(signal).catch((error: unknown) => {
      logger.error({ error: describeForLog(error) }, "shutdown failed");
      process.exit(1);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

parseCommandLine({ usage: USAGE });
main().catch((error) => {
  if (error instanceof ConfigError)
    console.error(
      `configuration: ${error.problems.length} problem(s):\n${error.problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  else if (isDatabaseUnavailable(error)) console.error(`database unavailable at start: ${(error as Error).message}`);
  else console.error(describeForLog(error)); // not the error object: a failed query would print its parameters
  process.exit(1);
});
