// `npm run seed -- FILE.json`: empties the configured database and loads the fixture FILE.
// A bad fixture is reported entry by entry and changes nothing (exit 1).
import "reflect-metadata";
import { loadConfig } from "../config";
import { createDataSource } from "../db/data-source";
import { StoreUser } from "../domain/collaborators/store-user.entity";
import { Organization } from "../domain/organizations/organization.entity";
import { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import { Role } from "../domain/roles/role.entity";
import { Store } from "../domain/stores/store.entity";
import { User } from "../domain/users/user.entity";
import { readFixtureFile } from "./fixture";
import { loadFixture } from "./load";

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    console.error("usage: node dist/src/seed/cli.js FILE.json");
    return 2;
  }
  const { fixture, errors } = readFixtureFile(file);
  if (errors.length) {
    for (const e of errors) console.error(e);
    console.error(`${file}: ${errors.length} error${errors.length === 1 ? "" : "s"}; the database was not touched.`);
    return 1;
  }
  const ds = createDataSource(loadConfig().database);
  await ds.initialize();
  try {
    await ds.runMigrations();
    await loadFixture(ds, fixture);
    const m = ds.manager;
    const [users, organizations, stores, partners, roles, staff, collaborators] = await Promise.all([
      m.count(User),
      m.count(Organization),
      m.count(Store),
      m.count(PartnerOrganization),
      m.count(Role),
      m.countBy(StoreUser, { userType: "STAFF" }),
      m.countBy(StoreUser, { userType: "COLLABORATOR" }),
    ]);
    console.log(
      `Loaded ${file}: ${users} users, ${organizations} organizations, ${stores} stores, ${partners} partner organizations, ` +
        `${roles} roles, ${staff} staff accounts, ${collaborators} collaborator accounts.`,
    );
    return 0;
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
