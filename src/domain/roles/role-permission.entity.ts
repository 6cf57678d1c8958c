import { Entity, PrimaryColumn } from "typeorm";

/** A permission (by handle) held by a role. */
@Entity("role_permissions")
export class RolePermission {
  @PrimaryColumn({ type: "integer" }) roleId: number;
  @PrimaryColumn({ type: "varchar", length: 100 }) handle: string;
}
