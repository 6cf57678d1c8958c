// Issue 14 item 1: the example client (examples/client), a program typed from the schema by GraphQL
// Code Generator, runs against the real server. It is compiled with its own tsconfig (which
// type-checks it against its generated types, test/codegen.test.ts keeping them fresh) and run as
// a child process, as a client developer runs it, on a fresh database with the demo data
// (seeds/demo.json, what `npm start` loads in development). The assertions read codes, statuses,
// permission handles and names from the data, never the server's message texts.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AuditEvent } from "../src/domain/audit/audit-event.entity";
import { StoreUser } from "../src/domain/collaborators/store-user.entity";
import { startServer, type TestServer } from "./support/server";

const run = promisify(execFile);
const exampleClient = (url: string) => run(process.execPath, ["dist/examples/client/main.js", url]);

/** Every line of the output matching `re`, with its groups. */
const lines = (output: string, re: RegExp) =>
  output.split("\n").flatMap((l) => {
    const m = re.exec(l);
    return m ? [m] : [];
  });

/** The one line of the output matching `re`, and its groups. */
function line(output: string, re: RegExp): RegExpExecArray {
  const found = lines(output, re);
  expect(found, `exactly one line matching ${String(re)} in:\n${output}`).toHaveLength(1);
  return found[0];
}

/** The indented lines under the line `header`. */
function under(output: string, header: string): string[] {
  const all = output.split("\n");
  const start = all.indexOf(header);
  expect(start, `a line "${header}" in:\n${output}`).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((l, i) => i > start && !l.startsWith("  "));
  return all.slice(start + 1, end === -1 ? undefined : end);
}

describe("the example client against the demo data", () => {
  let server: TestServer;
  let stdout = "";

  beforeAll(async () => {
    server = await startServer("seeds/demo.json");
    await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "examples/client/tsconfig.json"]);
    const first = await exampleClient(`${server.url}/graphql`);
    stdout = first.stdout;
    expect(first.stderr).toBe("");
  });
  afterAll(() => server?.close());

  test("issue 14 item 1: the partner's request is created, previewed and accepted, as the database shows", async () => {
    const [, gid, status, asked] = line(
      stdout,
      /^Requested access to Acme Outfitters EU \(acme-eu\.example\.com\): request (\S+), status (\w+), asking for (.+)$/,
    );
    expect([status, asked]).toEqual(["REQUESTED", "orders, products.view"]);
    expect(under(stdout, "Preview of accepting:")).toEqual([
      "  role Yuki Sato x Acme Outfitters EU: orders, products.view",
      "  permissions: orders, products.view",
      "  sensitive: none",
      "  beyond requested: none",
    ]);
    const [, accepted, acceptedAt, roles, permissions] = line(
      stdout,
      /^Accepted: status (\w+) at (\S+), roles (.+), permissions (.+)$/,
    );
    expect([accepted, roles, permissions]).toEqual([
      "ACTIVE",
      "Yuki Sato x Acme Outfitters EU",
      "orders, products.view",
    ]);
    // DateTimeISO arrives as the ISO string the generated types say.
    expect(new Date(acceptedAt).toISOString()).toBe(acceptedAt);

    expect(gid).toMatch(/^gid:\/\/latchkey\/Collaborator\/\d+$/);
    const row = await server.ds.getRepository(StoreUser).findOneByOrFail({ id: Number(gid.split("/").pop()) });
    expect(row.status).toBe("ACTIVE");
    expect(`gid://latchkey/User/${row.userId}`).toBe(
      await server.gid("User", "users", { email: "yuki.sato@example.com" }),
    );
  });

  test("issue 14 item 1: explainAccess allows the requested permission through the role and the partner setting, not another", () => {
    const allowed = under(stdout, "explainAccess Yuki Sato orders: allowed");
    expect(allowed.map((l) => /^ {2}([A-Z_]+)/.exec(l)?.[1]).sort()).toEqual(["PARTNER_SETTING", "ROLE"]);
    expect(allowed.filter((l) => l.startsWith("  ROLE Yuki Sato x Acme Outfitters EU: "))).toHaveLength(1);
    expect(line(stdout, /^explainAccess Yuki Sato customers: (\w+)$/)[1]).toBe("denied");
  });

  test("issue 14 item 1: the audit trail printed is the store's: the request by the partner, the acceptance by the owner", () => {
    const events = lines(stdout, /^ {2}(\S+) (\S+) by (.+?) on Collaborator Yuki Sato (\{.*\})$/).map(
      ([, createdAt, action, actor, details]) => ({
        createdAt,
        action,
        actor,
        details: JSON.parse(details) as unknown,
      }),
    );
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ["collaborator.requested", "Yuki Sato"],
      ["collaborator.accepted", "Olivia Hart"],
    ]);
    expect(events[1].details).toMatchObject({
      roles: [{ name: "Yuki Sato x Acme Outfitters EU", permissions: ["orders", "products.view"] }],
      autoRoleDropped: false,
    });
    expect(events[0].createdAt <= events[1].createdAt).toBe(true);
  });

  test("issue 14 item 1: run again, the example stops at the refused request with its code, exit status 1, changing nothing", async () => {
    const before = await server.ds.getRepository(AuditEvent).count();
    const second = await exampleClient(`${server.url}/graphql`).then(
      () => expect.fail("the second run succeeded"),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/collaboratorRequestCreate refused: ALREADY_COLLABORATOR at input\.storeDomain/);
    expect(second.stdout).not.toMatch(/^Accepted/m);
    // Only the partner's sign-in is new.
    const added = await server.ds.getRepository(AuditEvent).find({ where: {}, order: { id: "ASC" }, skip: before });
    expect(added.map((e) => e.action)).toEqual(["user.signed_in"]);
  });
});
