// Column types that differ between the two engines, chosen once from the configured database.
import { Column, ColumnOptions } from "typeorm";
import { configuredDatabaseKind } from "../config";

// Never throws at import time: a bad DATABASE_URL is reported by loadConfig with every other problem.
const isPostgres = () => configuredDatabaseKind() === "postgres";
const timestampType = () => (isPostgres() ? "timestamptz" : "datetime");

export const TimestampColumn = (options: ColumnOptions = {}) => Column({ ...options, type: timestampType() });
/** Set from the application clock on insert (see clock-subscriber), never from the database's own now. */
export const CreatedAtColumn = () => TimestampColumn();
/** JSON kept as text: the same on both engines. */
export const JsonColumn = (options: ColumnOptions = {}) => Column({ ...options, type: "simple-json" });
