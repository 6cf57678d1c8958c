// The hook services call after a commit: the events go to the bus of the server that owns the
// data source (registered by createServer); without one (scripts, seeding) nothing is sent.
import type { DataSource } from "typeorm";
import { logger } from "../observability/logger";
import type { EventBus } from "./pubsub";

const buses = new WeakMap<DataSource, EventBus>();

export function registerBus(ds: DataSource, bus: EventBus): void {
  buses.set(ds, bus);
}

export function unregisterBus(ds: DataSource, bus: EventBus): void {
  if (buses.get(ds) === bus) buses.delete(ds);
}

export function busOf(ds: DataSource): EventBus | undefined {
  return buses.get(ds);
}

/** A collaborator request was committed: every instance's subscribers for the store hear of it. Never fails the caller. */
export function collaboratorRequested(ds: DataSource, storeId: number, collaboratorId: number): void {
  const bus = buses.get(ds);
  if (!bus) return;
  bus.publish({ kind: "collaborator_requested", storeId, collaboratorId }).catch((error) => {
    logger.error(
      { component: "realtime", error: error instanceof Error ? error.message : typeof error },
      "realtime: publish failed",
    );
  });
}
