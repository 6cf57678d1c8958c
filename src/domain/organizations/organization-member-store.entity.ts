import { Entity, ForeignKey, Index, PrimaryColumn } from "typeorm";
import { OrganizationMember } from "./organization-member.entity";
import { Store } from "../stores/store.entity";

/** The stores a Store user administrator is assigned to (R9, R10). */
@Entity("organization_member_stores")
export class OrganizationMemberStore {
  @ForeignKey(() => OrganizationMember, { onDelete: "CASCADE" })
  @PrimaryColumn({ type: "integer" })
  memberId: number;
  @ForeignKey(() => Store, { onDelete: "CASCADE" })
  @Index()
  @PrimaryColumn({ type: "integer" })
  storeId: number;
}
