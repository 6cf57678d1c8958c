import { MigrationInterface, QueryRunner } from "typeorm";

// An index on store_users (storeId, userType, id) (issue 12): a page of a store's collaborators is
// read by it in id order, from the cursor on, and stops at the page's end; with (storeId, userType,
// status) every collaborator of the store was read and sorted for each page.
// The same statements on both engines; the name is TypeORM's for the entity's @Index().
const UP = ['CREATE INDEX "IDX_7232eebba1d0a0250f0d4cc68b" ON "store_users" ("storeId", "userType", "id") '];
const DOWN = ['DROP INDEX "IDX_7232eebba1d0a0250f0d4cc68b"'];

export class StoreUserCollaboratorPageIndex1796166000000 implements MigrationInterface {
  name = "StoreUserCollaboratorPageIndex1796166000000";

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of DOWN) await q.query(sql);
  }
}
