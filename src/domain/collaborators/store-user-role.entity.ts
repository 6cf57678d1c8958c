import { Entity, ForeignKey, Index, PrimaryColumn } from "typeorm";
import { StoreUser } from "./store-user.entity";
import { Role } from "../roles/role.entity";

@Entity("store_user_roles")
export class StoreUserRole {
  @ForeignKey(() => StoreUser, { onDelete: "CASCADE" })
  @PrimaryColumn({ type: "integer" })
  storeUserId: number;
  @ForeignKey(() => Role, { onDelete: "CASCADE" })
  @Index()
  @PrimaryColumn({ type: "integer" })
  roleId: number;
}
