import { EntitySubscriberInterface, EventSubscriber, InsertEvent } from "typeorm";
import { clock } from "../clock";

/** Every row's createdAt comes from the one clock (R7 and R17 compare against it). */
@EventSubscriber()
export class CreatedAtFromClock implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<{ createdAt?: Date }>) {
    const entity = event.entity;
    if (entity && "createdAt" in event.metadata.propertiesMap && entity.createdAt === undefined)
      entity.createdAt = clock.now();
  }
}
