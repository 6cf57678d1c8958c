import { Entity, PrimaryColumn } from "typeorm";

@Entity("organization_member_roles")
export class OrganizationMemberRole {
  @PrimaryColumn({ type: "integer" }) memberId: number;
  @PrimaryColumn({ type: "integer" }) roleId: number;
}
