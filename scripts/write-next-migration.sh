#!/usr/bin/env bash
# Writes the next migration: what the entities add to a database built by the existing migrations,
# in each engine's dialect (needs PostgreSQL at 127.0.0.1:5432, user postgres, and its psql).
set -euo pipefail
usage() {
  cat <<'USAGE'
usage: scripts/write-next-migration.sh NAME

Builds the project, migrates a scratch SQLite file and a scratch PostgreSQL database with the
existing migrations, asks TypeORM what the entities still need on each, and writes it as
src/db/migrations/<timestamp>-NAME.ts (listed in src/db/migrations/index.ts).

  NAME        the migration's class name, in PascalCase (e.g. ForeignKeys)
  -h, --help  print this help and do nothing else
USAGE
}
case "${1-}" in -h | --help) usage; exit 0 ;; esac
if [ $# -ne 1 ]; then
  echo "write-next-migration.sh: expected one argument, NAME; got $#" >&2
  usage >&2
  exit 2
fi
if ! [[ $1 =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "write-next-migration.sh: NAME must be PascalCase letters and digits (like ForeignKeys), not '$1'" >&2
  usage >&2
  exit 2
fi
name=$1
cd "$(dirname "$0")/.."
npx tsc -p .
migrate='require("reflect-metadata"); const {createDataSource}=require("./dist/src/db/data-source"); const {loadConfig}=require("./dist/src/config"); (async()=>{const ds=createDataSource(loadConfig().database); await ds.initialize(); await ds.runMigrations(); await ds.destroy();})()'
rm -f /tmp/lk-next.sqlite*
DATABASE_URL=sqlite:/tmp/lk-next.sqlite node -e "$migrate"
DATABASE_URL=sqlite:/tmp/lk-next.sqlite node dist/scripts/schema-sql.js > /tmp/lk-sqlite.json
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS lk_migration_gen" -c "CREATE DATABASE lk_migration_gen" test
export PGURL=postgres://postgres@127.0.0.1:5432/lk_migration_gen
DATABASE_URL=$PGURL node -e "$migrate"
DATABASE_URL=$PGURL node dist/scripts/schema-sql.js > /tmp/lk-pg.json
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE lk_migration_gen" test
file=$(node scripts/write-migration.mjs "$name" /tmp/lk-sqlite.json /tmp/lk-pg.json)
cls=$(grep -o 'export class [A-Za-z0-9]*' "$file" | cut -d' ' -f3)
base=$(basename "$file" .ts)
# List it last in index.ts: its import after the others, its class at the end of MIGRATIONS.
node -e '
const fs = require("fs");
const [cls, base] = process.argv.slice(1);
const index = "src/db/migrations/index.ts";
const lines = fs.readFileSync(index, "utf8").split("\n");
const lastImport = lines.map((l) => l.startsWith("import ")).lastIndexOf(true);
lines.splice(lastImport + 1, 0, `import { ${cls} } from "./${base}";`);
fs.writeFileSync(index, lines.join("\n").replace(/,?\s*\];\s*$/, `, ${cls}];\n`));
' "$cls" "$base"
npx prettier --write "$file" src/db/migrations/index.ts > /dev/null
echo "wrote $file"
