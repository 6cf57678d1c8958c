// Scheduled work of one instance: every intervalMs, the expiry sweep (src/scheduler/expiry.ts).
// Several instances may each run a scheduler: the sweep itself makes sure one of them works at a
// time and that every expiry is recorded once. The timer is unref'd (it never keeps the process
// alive); a round never overlaps the previous one; a failed round is logged (JSON, through the
// logger) and counted, and the next one runs.
import type { DataSource } from "typeorm";
import { clock } from "../clock";
import { describeForLog, logger, type Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { runExpirySweep } from "./expiry";

export interface Scheduler {
  /** Stops the timer and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  intervalMs: number;
  /** Where a failed round is logged (default: the process logger). */
  log?: Logger;
  /** Counts each round (latchkey_expiry_sweep_*). */
  metrics?: Pick<Metrics, "sweep">;
}

export function startScheduler(ds: DataSource, options: SchedulerOptions): Scheduler {
  const log = options.log ?? logger;
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (stopped || running) return;
    running = runExpirySweep(ds, clock.now())
      .then(
        (result) => options.metrics?.sweep(result),
        (error) => {
          if (stopped) return;
          options.metrics?.sweep("failed");
          log.error({ job: "expiry-sweep", error: describeForLog(error) }, "scheduled expiry sweep failed");
        },
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
