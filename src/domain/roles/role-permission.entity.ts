import { Entity, ForeignKey, PrimaryColumn } from "typeorm";
import { Role } from "./role.entity";

/** A permission (by handle) held by a role. */
@Entity("role_permissions")
export class RolePermission {
  @ForeignKey(() => Role, { onDelete: "CASCADE" })
  @PrimaryColumn({ type: "integer" })
  roleId: number;
  @PrimaryColumn({ type: "varchar", length: 100 }) handle: string;
}
