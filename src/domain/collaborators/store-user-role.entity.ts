import { Entity, Index, PrimaryColumn } from "typeorm";

@Entity("store_user_roles")
export class StoreUserRole {
  @PrimaryColumn({ type: "integer" }) storeUserId: number;
  @Index() @PrimaryColumn({ type: "integer" }) roleId: number;
}
