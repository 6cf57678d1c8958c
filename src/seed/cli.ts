// `npm run seed -- FILE.json`: empties the configured database and loads the fixture FILE.
// A bad fixture is reported entry by entry and changes nothing (exit 1); a wrong command line
// exits 2, `--help` prints the usage; neither touches the database.
import "reflect-metadata";
import { parseCommandLine } from "../cli";
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

const USAGE = `usage: npm run seed -- FILE.json   (or: node dist/src/seed/cli.js FILE.json)
  Empties the database of DATABASE_URL (default sqlite:data/latchkey.sqlite) and loads the
  fixture FILE.json (format: docs/fixtures.md). A bad fixture is reported entry by entry, exits 1
  and changes nothing.
  -h, --help   print this and exit`;

async function main(file: string): Promise<number> {
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

const { positionals } = parseCommandLine({ usage: USAGE, positionals: { min: 1, max: 1 } });
main(positionals[0]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
