import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";

@Entity("partner_organizations")
export class PartnerOrganization {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 200 }) name: string;
  @Column({ type: "boolean", default: false }) plus: boolean;
  @CreatedAtColumn() createdAt: Date;
}
