#!/usr/bin/env bash
# Writes the next migration: what the entities add to a database built by the existing migrations,
# in each engine's dialect.  Usage: scripts/write-next-migration.sh Name
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
npx tsc -p .
rm -f /tmp/lk-next.sqlite*
DATABASE_URL=sqlite:/tmp/lk-next.sqlite node -e 'require("reflect-metadata"); const {createDataSource}=require("./dist/src/db/data-source"); const {loadConfig}=require("./dist/src/config"); (async()=>{const ds=createDataSource(loadConfig().database); await ds.initialize(); await ds.runMigrations(); await ds.destroy();})()'
DATABASE_URL=sqlite:/tmp/lk-next.sqlite node dist/scripts/schema-sql.js > /tmp/lk-sqlite.json
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS lk_migration_gen" -c "CREATE DATABASE lk_migration_gen" test
export PGURL=postgres://postgres@127.0.0.1:5432/lk_migration_gen
DATABASE_URL=$PGURL node -e 'require("reflect-metadata"); const {createDataSource}=require("./dist/src/db/data-source"); const {loadConfig}=require("./dist/src/config"); (async()=>{const ds=createDataSource(loadConfig().database); await ds.initialize(); await ds.runMigrations(); await ds.destroy();})()'
DATABASE_URL=$PGURL node dist/scripts/schema-sql.js > /tmp/lk-pg.json
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE lk_migration_gen" test
file=$(node scripts/write-migration.mjs "$name" /tmp/lk-sqlite.json /tmp/lk-pg.json)
cls=$(grep -o 'export class [A-Za-z0-9]*' "$file" | cut -d' ' -f3)
base=$(basename "$file" .ts)
sed -i "1i import { $cls } from \"./$base\";" src/db/migrations/index.ts
sed -i "s/\];$/, $cls];/" src/db/migrations/index.ts
echo "wrote $file"
