#!/usr/bin/env bash
# Rewrites the initial migration from the entities (only while nothing has shipped on it).
set -euo pipefail
usage() {
  cat <<'USAGE'
usage: scripts/regenerate-initial-migration.sh

Deletes src/db/migrations/*-Initial.ts and writes it again from the entities, for SQLite and
PostgreSQL (needs PostgreSQL at 127.0.0.1:5432, user postgres, and its psql). Only while no
database has been migrated with it: later changes go in a new migration
(scripts/write-next-migration.sh NAME). Takes no arguments.

  -h, --help  print this help and do nothing else
USAGE
}
case "${1-}" in -h | --help) usage; exit 0 ;; esac
if [ $# -ne 0 ]; then
  echo "regenerate-initial-migration.sh: takes no arguments; got '$1'" >&2
  usage >&2
  exit 2
fi
cd "$(dirname "$0")/.."
rm -f src/db/migrations/*-Initial.ts
echo 'export const MIGRATIONS: Function[] = [];' > src/db/migrations/index.ts # the real list is written below
npx tsc -p .
rm -f /tmp/lk-empty.sqlite*
DATABASE_URL=sqlite:/tmp/lk-empty.sqlite node dist/scripts/schema-sql.js > /tmp/lk-sqlite.json
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS lk_migration_gen" -c "CREATE DATABASE lk_migration_gen" test
DATABASE_URL=postgres://postgres@127.0.0.1:5432/lk_migration_gen node dist/scripts/schema-sql.js > /tmp/lk-pg.json
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE lk_migration_gen" test
file=$(node scripts/write-migration.mjs Initial /tmp/lk-sqlite.json /tmp/lk-pg.json)
cls=$(grep -o 'export class [A-Za-z0-9]*' "$file" | cut -d' ' -f3)
base=$(basename "$file" .ts)
printf 'import type { MigrationInterface } from "typeorm";\nimport { %s } from "./%s";\n\nexport const MIGRATIONS: (new () => MigrationInterface)[] = [%s];\n' "$cls" "$base" "$cls" > src/db/migrations/index.ts
npx prettier --write "$file" src/db/migrations/index.ts > /dev/null
echo "wrote $file"
