import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { TimestampColumn } from "../../db/columns";

/** A wrong request code (R3); counted to throttle guessing. */
@Entity("request_code_misses")
@Index(["storeId", "createdAt"])
@Index(["userId", "createdAt"])
export class RequestCodeMiss {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) storeId: number;
  @Column({ type: "integer" }) userId: number;
  @TimestampColumn() createdAt: Date;
}
