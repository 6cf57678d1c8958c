import { Entity, ForeignKey, Index, PrimaryColumn } from "typeorm";
import { OrganizationMember } from "./organization-member.entity";
import { Role } from "../roles/role.entity";

@Entity("organization_member_roles")
export class OrganizationMemberRole {
  @ForeignKey(() => OrganizationMember, { onDelete: "CASCADE" })
  @PrimaryColumn({ type: "integer" })
  memberId: number;
  /** By role too (a role's deletion checks and cascades here: without it each scanned the table). */
  @ForeignKey(() => Role, { onDelete: "CASCADE" })
  @Index()
  @PrimaryColumn({ type: "integer" })
  roleId: number;
}
