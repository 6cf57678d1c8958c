// The server process that `node dist/src/main.js` runs once its command line is parsed:
// config -> data source (migrated; in development, the demo loaded into an empty database) -> server.
// SIGTERM / SIGINT drain: no new connections, in-flight requests finish (at most DRAIN_MS), then
// the data source closes and the process exits 0.
// Tracing first: its instrumentations patch http, graphql and pg as they load (nothing when off).
// What only some starts need (the demo's fixture validation, outgoing mail, Redis) is loaded
// where it is used, so that a production start to /healthz loads no more than it serves with.
import "./observability/tracing-start";
import "reflect-metadata";
import type { DataSource } from "typeorm";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { isDatabaseUnavailable } from "./db/transaction";
import { User } from "./domain/users/user.entity";
import { createServer } from "./server";
import { describeForLog, logger } from "./observability/logger";
import type { Metrics } from "./observability/metrics";
import { shutdownTracing } from "./observability/tracing";
import { startScheduler } from "./scheduler/scheduler";

/** How long in-flight requests may take to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;
/** After the drain, how long closing the server and the data source may take before exiting anyway. */
const CLOSE_MS = 5_000;

/** R5: the outbox's emails sent through SMTP_URL (exactly once across instances). */
function startMail(ds: DataSource, smtpUrl: string, metrics: Metrics) {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createMailTransport } =
    require("./domain/notifications/mailer") as typeof import("./domain/notifications/mailer");
  const { startDeliveryLoop } =
    require("./domain/notifications/delivery") as typeof import("./domain/notifications/delivery");
  /* eslint-enable @typescript-eslint/no-require-imports */
  return startDeliveryLoop(ds, createMailTransport(smtpUrl), { intervalMs: 5_000, metrics });
}

async function serve() {
  const config = loadConfig();
  const ds = createDataSource(config.database);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  // Demo accounts have published passwords: only a development start loads them, never production.
  if (config.loadDemo && (await ds.getRepository(User).count()) === 0) {
    // The fixture's validation (zod) and loader are loaded here only: a production start never needs them.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { readFixtureFile } = require("./seed/fixture") as typeof import("./seed/fixture");
    const { loadFixture } = require("./seed/load") as typeof import("./seed/load");
    /* eslint-enable @typescript-eslint/no-require-imports */
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
  const mail = config.smtpUrl ? startMail(ds, config.smtpUrl, app.metrics) : null;

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

serve().catch((error) => {
  if (error instanceof ConfigError)
    console.error(
      `configuration: ${error.problems.length} problem(s):\n${error.problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  else if (isDatabaseUnavailable(error)) console.error(`database unavailable at start: ${(error as Error).message}`);
  else console.error(describeForLog(error)); // not the error object: a failed query would print its parameters
  process.exit(1);
});
