// The commands of the README, as built: `npm start` on an empty database, and `npm run seed`.
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDataSource } from "../src/db/data-source";
import { graphql } from "./generated";
import { dataOf, must, TestClient } from "./support/client";
import { freshDatabase } from "./support/server";
import type { DatabaseConfig } from "../src/config";

let db: DatabaseConfig;
let drop: () => Promise<void>;
let server: ChildProcess | undefined;
const urlOf = (d: DatabaseConfig) => (d.kind === "postgres" ? d.url : `sqlite:${d.file}`);

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
});
afterAll(async () => {
  server?.kill("SIGTERM");
  await drop();
});

async function countUsers(): Promise<number> {
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    const [{ n }] = await ds.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM "users"`);
    return Number(n);
  } finally {
    await ds.destroy();
  }
}

test("API: npm start on an empty database migrates it, loads the demo and answers /healthz and sign-ins", async () => {
  server = spawn(process.execPath, ["dist/src/main.js"], {
    env: { ...process.env, DATABASE_URL: urlOf(db), PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  server.stderr!.on("data", (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server!.stdout!.on("data", (d) => {
      out += d;
      const m = /on (http:\/\/localhost:\d+)\/graphql/.exec(out);
      if (m) resolve(m[1]);
    });
    server!.on("exit", (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const answer = await new TestClient(url).gql(
    graphql(`
      mutation StartupDemoSignIn {
        signIn(input: { email: "olivia.hart@example.com", password: "latchkey-demo" }) {
          token
          viewer {
            name
          }
          userErrors {
            code
          }
        }
      }
    `),
  );
  const signIn = must(dataOf(answer).signIn);
  expect(signIn.userErrors).toEqual([]);
  expect(signIn.token).toMatch(/^lk_/);
  server.kill("SIGTERM");
  await new Promise((r) => server!.once("exit", r));
  server = undefined;
});

test("API: npm run seed refuses a bad fixture, naming the entry, and changes nothing", async () => {
  const before = await countUsers();
  expect(before).toBeGreaterThan(0);
  const bad = {
    users: [{ key: "a", email: "a@example.com", name: "A", password: "pw-a" }],
    stores: [{ key: "s", name: "S", domain: "s.example.com", owner: "nobody", requestCode: "12" }],
  };
  const file = `${process.env.TMPDIR ?? "/tmp"}/latchkey-bad-fixture-${process.pid}.json`;
  fs.writeFileSync(file, JSON.stringify(bad));
  const run = spawnSync(process.execPath, ["dist/src/seed/cli.js", file], {
    env: { ...process.env, DATABASE_URL: urlOf(db) },
    encoding: "utf8",
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(/stores\[0\] "s".*unknown user "nobody"/);
  expect(run.stderr).toMatch(/stores\[0\] "s".*requestCode/);
  expect(await countUsers()).toBe(before);
});

test("API: npm run seed -- --help prints the usage and changes nothing; a wrong argument exits 2", async () => {
  const before = await countUsers();
  const seed = (...args: string[]) =>
    spawnSync(process.execPath, ["dist/src/seed/cli.js", ...args], {
      env: { ...process.env, DATABASE_URL: urlOf(db) },
      encoding: "utf8",
    });
  for (const help of ["--help", "-h"]) {
    const run = seed(help);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run seed -- FILE\.json/);
    expect(run.stderr).toBe("");
  }
  for (const args of [[], ["--force", "test/fixtures/world.json"], ["test/fixtures/world.json", "seeds/demo.json"]]) {
    const run = seed(...args);
    expect(run.status, args.join(" ")).toBe(2);
    expect(run.stderr).toMatch(/^(Missing argument|Unknown option '--force'|Unexpected argument 'seeds\/demo\.json')/);
    expect(run.stderr).toMatch(/usage: npm run seed -- FILE\.json/);
    expect(run.stdout).toBe("");
  }
  expect(await countUsers()).toBe(before);
});
