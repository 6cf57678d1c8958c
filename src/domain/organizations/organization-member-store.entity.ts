import { Entity, Index, PrimaryColumn } from "typeorm";

/** The stores a Store user administrator is assigned to (R9, R10). */
@Entity("organization_member_stores")
export class OrganizationMemberStore {
  @PrimaryColumn({ type: "integer" }) memberId: number;
  @Index() @PrimaryColumn({ type: "integer" }) storeId: number;
}
