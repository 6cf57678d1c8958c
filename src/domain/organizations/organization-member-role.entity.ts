import { Entity, ForeignKey, PrimaryColumn } from "typeorm";
import { OrganizationMember } from "./organization-member.entity";
import { Role } from "../roles/role.entity";

@Entity("organization_member_roles")
export class OrganizationMemberRole {
  @ForeignKey(() => OrganizationMember, { onDelete: "CASCADE" })
  @PrimaryColumn({ type: "integer" })
  memberId: number;
  @ForeignKey(() => Role, { onDelete: "CASCADE" })
  @PrimaryColumn({ type: "integer" })
  roleId: number;
}
