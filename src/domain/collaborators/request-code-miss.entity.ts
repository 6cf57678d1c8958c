import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from "typeorm";
import { TimestampColumn } from "../../db/columns";
import { Store } from "../stores/store.entity";
import { User } from "../users/user.entity";

/** A wrong request code (R3); counted to throttle guessing. */
@Entity("request_code_misses")
@Index(["storeId", "createdAt"])
@Index(["userId", "createdAt"])
export class RequestCodeMiss {
  @PrimaryGeneratedColumn() id: number;
  @ForeignKey(() => Store, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  storeId: number;
  @ForeignKey(() => User, { onDelete: "CASCADE" })
  @Column({ type: "integer" })
  userId: number;
  @TimestampColumn() createdAt: Date;
}
