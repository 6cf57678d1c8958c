import { MigrationInterface, QueryRunner } from "typeorm";

// An index on organization_member_roles.roleId (issue 12 item 6): deleting a role (an
// auto-generated one dropped at an accept, or at a rejection or withdrawal; a role deleted) checks
// and cascades its foreign key there, and without it scanned every organization member's roles.
// The same statements on both engines; the name is TypeORM's for the entity's @Index().
const UP = ['CREATE INDEX "IDX_3f619fd6f139a1881d819bdc20" ON "organization_member_roles" ("roleId") '];
const DOWN = ['DROP INDEX "IDX_3f619fd6f139a1881d819bdc20"'];

export class OrganizationMemberRoleIndex1796170000000 implements MigrationInterface {
  name = "OrganizationMemberRoleIndex1796170000000";

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of DOWN) await q.query(sql);
  }
}
