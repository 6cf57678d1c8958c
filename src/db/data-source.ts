// The data source from DATABASE_URL: SQLite (better-sqlite3, WAL) by default, PostgreSQL by URL.
import fs from "node:fs";
import path from "node:path";
import { DataSource, Logger } from "typeorm";
import type { DatabaseConfig } from "../config";
import { tracingEnabled } from "../observability/tracing";
import { CacheInvalidation } from "./cache-invalidation";
import { CreatedAtFromClock } from "./clock-subscriber";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { QuerySpans } from "./query-spans";

export function createDataSource(db: DatabaseConfig, options: { logger?: Logger } = {}): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // SQLite's statements as spans while tracing runs (PostgreSQL's come from the pg instrumentation).
    subscribers:
      tracingEnabled() && db.kind === "sqlite"
        ? [CreatedAtFromClock, CacheInvalidation, QuerySpans]
        : [CreatedAtFromClock, CacheInvalidation],
    synchronize: false,
    logging: false,
    logger: options.logger,
  };
  if (db.kind === "postgres") {
    return new DataSource({
      ...common,
      type: "postgres",
      url: db.url,
      extra: { max: 10, connectionTimeoutMillis: 5000 /* PostgreSQL down: fail in 5 s, never hang */ },
    });
  }
  if (db.file !== ":memory:") fs.mkdirSync(path.dirname(db.file), { recursive: true });
  return new DataSource({
    ...common,
    type: "better-sqlite3",
    database: db.file,
    enableWAL: true,
    prepareDatabase: (raw: { pragma(s: string): unknown }) => {
      raw.pragma("busy_timeout = 5000");
      raw.pragma("foreign_keys = ON");
    },
  });
}
