// Scheduled work of one instance: every intervalMs, the expiry sweep (src/scheduler/expiry.ts).
// Several instances may each run a scheduler: the sweep itself makes sure one of them works at a
// time and that every expiry is recorded once. The timer is unref'd (it never keeps the process
// alive); a round never overlaps the previous one; a failed round is logged and the next one runs.
import type { DataSource } from "typeorm";
import { clock } from "../clock";
import { runExpirySweep } from "./expiry";

export interface Scheduler {
  /** Stops the timer and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

export function startScheduler(
  ds: DataSource,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): Scheduler {
  const onError =
    options.onError ??
    ((error: unknown) => console.error("scheduled expiry sweep failed:", (error as Error)?.message ?? error));
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (stopped || running) return;
    running = runExpirySweep(ds, clock.now())
      .then(
        () => undefined,
        (error) => {
          if (!stopped) onError(error);
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
