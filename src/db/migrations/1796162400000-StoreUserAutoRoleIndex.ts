import { MigrationInterface, QueryRunner } from "typeorm";

// An index on store_users.autoRoleId (issue 12): the gate reads the request an auto-generated
// role was made for (R6) by it, batched for a page; without it each read scanned every account.
// The same statements on both engines; the name is TypeORM's for the entity's @Index().
const UP = ['CREATE INDEX "IDX_8df5d2678909ae95f2f2859950" ON "store_users" ("autoRoleId") '];
const DOWN = ['DROP INDEX "IDX_8df5d2678909ae95f2f2859950"'];

export class StoreUserAutoRoleIndex1796162400000 implements MigrationInterface {
  name = "StoreUserAutoRoleIndex1796162400000";

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of DOWN) await q.query(sql);
  }
}
