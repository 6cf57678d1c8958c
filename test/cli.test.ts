// Every command line, as built (`npm test` compiles to dist/ first): `--help` prints the usage and
// does nothing else (exit 0); a wrong argument is an error on stderr with exit code 2 (src/cli.ts).
// The seed CLI is checked in startup.test.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-cli-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A database file that must not come to exist. */
const untouched = (name: string) => path.join(scratch, `${name}.sqlite`);

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Cli {
  script: string;
  /** The first line of its usage. */
  usage: RegExp;
  /** Wrong command lines besides an unknown option, and what the error says. */
  wrong: [string[], RegExp][];
}

const CLIS: Cli[] = [
  {
    script: "dist/src/db/migrate-cli.js",
    usage: /^usage: node dist\/src\/db\/migrate-cli\.js \[revert\]/,
    wrong: [
      [["upgrade"], /Unknown command 'upgrade'/],
      [["revert", "again"], /Unexpected argument 'again'/],
    ],
  },
  {
    script: "dist/src/graphql/emit-schema.js",
    usage: /^usage: node dist\/src\/graphql\/emit-schema\.js/,
    wrong: [[["schema.graphql"], /Unexpected argument 'schema.graphql'/]],
  },
  {
    script: "dist/src/main.js",
    usage: /^usage: node dist\/src\/main\.js/,
    wrong: [[["4000"], /Unexpected argument '4000'/]],
  },
  {
    script: "dist/bench/generate.js",
    usage: /^usage: node dist\/bench\/generate\.js \[options\]/,
    wrong: [
      [["--stores", "many"], /--stores must be an integer >= 2, got "many"/],
      [["--stores"], /--stores/],
      [["--big-store-users", "3"], /--big-store-users \(3\) must be at least the owner and the staff/],
    ],
  },
  {
    script: "dist/bench/run.js",
    usage: /^usage: npm run bench -- \[options\]/,
    wrong: [
      [["--database", "mysql"], /--database must be sqlite or postgres, not mysql/],
      [["--duration", "0"], /--duration must be between 1 and 600 seconds/],
    ],
  },
  {
    script: "dist/bench/bare-server.js",
    usage: /^usage: node dist\/bench\/bare-server\.js RESPONSE\.json/,
    wrong: [[[], /Missing argument/]],
  },
  {
    script: "dist/bench/cold-start.js",
    usage: /^usage: DATABASE_URL=\.\.\. node dist\/bench\/cold-start\.js \[--runs N\]/,
    wrong: [[["--runs", "0"], /--runs must be an integer from 1 to 100/]],
  },
  {
    script: "dist/bench/profile-summary.js",
    usage: /^usage: node dist\/bench\/profile-summary\.js FILE\.cpuprofile/,
    wrong: [
      [[], /Missing argument/],
      [["x.cpuprofile", "--top", "none"], /--top must be a positive integer/],
    ],
  },
];

describe.each(CLIS)("$script", ({ script, usage, wrong }) => {
  const name = path.basename(script, ".js");

  test("CLI: --help and -h print the usage, exit 0 and change nothing", () => {
    const database = untouched(`${name}-help`);
    const schemaBefore = fs.statSync("schema/schema.graphql").mtimeMs;
    for (const help of ["--help", "-h"]) {
      const r = run(script, [help], { DATABASE_URL: `sqlite:${database}`, PORT: "0" });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(usage);
      expect(r.stderr).toBe("");
    }
    expect(fs.existsSync(database)).toBe(false);
    expect(fs.statSync("schema/schema.graphql").mtimeMs).toBe(schemaBefore);
  });

  test("CLI: an unknown option or a wrong argument is an error on stderr with exit code 2", () => {
    const database = untouched(`${name}-wrong`);
    const cases: [string[], RegExp][] = [[["--bogus"], /Unknown option '--bogus'/], ...wrong];
    for (const [args, message] of cases) {
      const r = run(script, args, { DATABASE_URL: `sqlite:${database}`, PORT: "0" });
      expect(r.status, `${script} ${args.join(" ")}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(usage.source.startsWith("^") ? new RegExp(usage.source.slice(1), "m") : usage);
      expect(r.stdout).toBe("");
    }
    expect(fs.existsSync(database)).toBe(false);
  });
});

test("CLI: migrate applies the migrations when asked to, so the checks above are not vacuous", () => {
  const database = untouched("migrate-run");
  const r = run("dist/src/db/migrate-cli.js", [], { DATABASE_URL: `sqlite:${database}` });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/applied /);
  expect(fs.existsSync(database)).toBe(true);
});
