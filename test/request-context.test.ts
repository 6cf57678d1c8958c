// Issue 12, item 3: a request's data (its id's logger, what its log line reports) travels on the
// GraphQL context, not in AsyncLocalStorage: an internal error is still logged with the id of the
// request it arose in, whether in a resolver or in the session lookup before the operation runs.
import "reflect-metadata";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { createLogger } from "../src/observability/logger";
import { loadFixture } from "../src/seed/load";
import { createServer } from "../src/server";
import { queryText } from "./support/client";
import { SIGN_IN } from "./support/documents";
import { migratedDatabase, readFixture } from "./support/server";

let url = "";
let ds: DataSource;
const lines: string[] = [];
let close: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  const { db, drop } = await migratedDatabase();
  ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await loadFixture(ds, readFixture());
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  const app = await createServer(ds, { logger });
  url = `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
  close = async () => {
    await app.close();
    await ds.destroy();
    await drop();
  };
});
afterAll(() => close());

async function post(body: object, headers: Record<string, string>) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
}

/** The log lines about internal errors since `from`. */
const internalErrors = (from: number) =>
  lines
    .slice(from)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === "internal error");

/** Runs `work` with a table renamed away, so that reading it fails as an internal error would. */
async function without<T>(table: string, work: () => Promise<T>): Promise<T> {
  await ds.query(`ALTER TABLE "${table}" RENAME TO "${table}_gone"`);
  try {
    return await work();
  } finally {
    await ds.query(`ALTER TABLE "${table}_gone" RENAME TO "${table}"`);
  }
}

test("an internal error in a resolver is logged once with its request's id, taken from the request's context", async () => {
  const from = lines.length;
  const answer = await without("users", () =>
    post(
      { query: queryText(SIGN_IN), variables: { input: { email: "erin@example.com", password: "password-erin" } } },
      { "x-request-id": "resolver-fault-1" },
    ),
  );
  expect(answer.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  const logged = internalErrors(from);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ level: "error", requestId: "resolver-fault-1", path: "signIn" });
});

test("an internal error in the session lookup, before any operation hook, is logged with its request's id", async () => {
  const from = lines.length;
  const answer = await without("sessions", () =>
    post(
      { query: "query RequestContextViewer { viewer { id } }" },
      {
        "x-request-id": "session-fault-1",
        authorization: "Bearer some-token",
        "apollo-require-preflight": "true",
      },
    ),
  );
  expect(answer.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  const logged = internalErrors(from);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ level: "error", requestId: "session-fault-1" });
});
