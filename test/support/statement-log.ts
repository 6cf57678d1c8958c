// The SQL statements a server runs while a piece of a test runs: a TypeORM logger to start the
// server with, and `during`, which returns what ran while its function did (statement counts).
import type { Logger } from "typeorm";

export function statementLog() {
  let recording: string[] | null = null;
  const logger: Logger = {
    logQuery: (query) => void recording?.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  return {
    logger,
    /** `run`'s result and the statements logged while it ran, in order. */
    during: async <T>(run: () => Promise<T>): Promise<[T, string[]]> => {
      const statements: string[] = [];
      recording = statements;
      try {
        return [await run(), statements];
      } finally {
        recording = null;
      }
    },
  };
}
