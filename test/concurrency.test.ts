// Concurrency (hardening 3, R29): accept, reject, withdraw and remove happen exactly once when 50
// conflicting calls on one target arrive at once, from several managers; 50 identical requests
// from one partner user make one request. Every loser gets a userError (never a 500), and the
// stored state afterwards is what the single winner made: one status, its roles, one audit event,
// and an audit chain that verifies. Runs on SQLite and PostgreSQL (DATABASE_URL).
import { QueryFailedError } from "typeorm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseDatabaseUrl } from "../src/config";
import { inTransaction, TRANSACTION_ATTEMPTS } from "../src/db/transaction";
import { UserFailure } from "../src/domain/errors";
import { THROTTLE_LIMITS } from "../src/security/throttle";
import { concurrencyWorld, MANAGERS, REQUEST_CODE } from "./support/fixtures";
import { must } from "./support/client";
import {
  AUDIT_LOG_VERIFY,
  COLLABORATOR_REMOVE,
  REQUEST_ACCEPT,
  REQUEST_CREATE,
  REQUEST_REJECT,
  REQUEST_WITHDRAW,
} from "./support/documents";
import { HttpResult, postGraphql, signIn } from "./support/http";
import { startServer, TestServer } from "./support/server";
import { msg } from "../src/i18n";

const PARALLEL = 50;

let s: TestServer;
const tokens: Record<string, string> = {};
const token = async (key: string) => (tokens[key] ??= await signIn(s.url, `${key}@example.com`, `password-${key}`));

beforeAll(async () => {
  s = await startServer(concurrencyWorld());
  await Promise.all([...MANAGERS, "sam"].map(token));
});
afterAll(async () => s?.close());

// ---- stored state (checks only) --------------------------------------------------------------
const num = (gid: string) => Number(gid.split("/").pop());
const count = async (sql: string) => Number((await s.ds.query<{ n: number | string }[]>(sql))[0].n);
const storeOf = (key: string) => s.gid("Store", "stores", { domain: `${key}.example.com` });
const userOf = (key: string) => s.gid("User", "users", { email: `${key}@example.com` });
async function collaboratorOf(storeKey: string, userKey: string) {
  const [store, user] = await Promise.all([storeOf(storeKey), userOf(userKey)]);
  const rows = await s.ds.query<{ id: number }[]>(
    `SELECT "id" FROM "store_users" WHERE "storeId" = ${num(store)} AND "userId" = ${num(user)} ORDER BY "id"`,
  );
  expect(rows).toHaveLength(1);
  return `gid://latchkey/Collaborator/${rows[0].id}`;
}
const statusOf = async (id: string) =>
  (await s.ds.query<{ status: string }[]>(`SELECT "status" FROM "store_users" WHERE "id" = ${num(id)}`))[0].status;
async function roleNamesOf(id: string): Promise<string[]> {
  const rows = await s.ds.query<{ name: string }[]>(
    `SELECT r."name" AS name FROM "store_user_roles" l JOIN "roles" r ON r."id" = l."roleId" WHERE l."storeUserId" = ${num(id)} ORDER BY r."name"`,
  );
  return rows.map((r) => r.name);
}
const events = (action: string, id: string) =>
  s.ds.query<{ actorName: string }[]>(
    `SELECT "actorName" AS "actorName" FROM "audit_events" WHERE "action" = '${action}' AND "targetType" = 'Collaborator' AND "targetId" = ${num(id)}`,
  );
const notifications = (kind: string, storeKey: string) =>
  storeOf(storeKey).then((store) =>
    count(`SELECT COUNT(*) AS n FROM "notifications" WHERE "kind" = '${kind}' AND "storeId" = ${num(store)}`),
  );

async function chainIsValid() {
  const r = await postGraphql(s.url, AUDIT_LOG_VERIFY, {}, { token: await token("sam") });
  expect(r.body?.errors).toBeUndefined();
  expect(r.body?.data?.auditLogVerify).toMatchObject({ valid: true, problem: null });
}

// ---- the burst ----------------------------------------------------------------------------------
// The shared documents (./support/documents) of the five mutations: each payload is one of these.
interface RacePayload {
  collaborator: { id: string; status: string } | null;
  userErrors: { code: string | null }[];
}

interface Call {
  /** Who sent it (for the winner's identity), and what it was. */
  who: string;
  kind: string;
  field: string;
  send: () => Promise<HttpResult<Record<string, RacePayload | null>>>;
}

/** Fires every call at once; returns the single winner after checking that every other call lost with one of `loserCodes`. */
async function race(calls: Call[], loserCodes: string[]) {
  const results = await Promise.all(calls.map((c) => c.send()));
  const outcomes = results.map((r, i) => {
    // Never a 500, never a top-level error: a conflict is a business answer.
    expect(r.status, JSON.stringify(r.body ?? r.failure)).toBe(200);
    expect(r.body?.errors, JSON.stringify(r.body?.errors)).toBeUndefined();
    const p = must(must(r.body?.data, "data")[calls[i].field], calls[i].field);
    return { call: calls[i], payload: p };
  });
  const winners = outcomes.filter((o) => o.payload.userErrors.length === 0);
  expect(winners, "exactly one call succeeds").toHaveLength(1);
  expect(winners[0].payload.collaborator).not.toBeNull();
  for (const o of outcomes.filter((o) => o !== winners[0])) {
    expect(o.payload.collaborator).toBeNull();
    expect(o.payload.userErrors).toHaveLength(1);
    expect(loserCodes).toContain(o.payload.userErrors[0].code);
  }
  return winners[0];
}

/** Manager i of MANAGERS assigns role Helper<i+1>, dropping the auto-generated role. */
const acceptCall = async (id: string, i: number): Promise<Call> => {
  const who = MANAGERS[i % MANAGERS.length];
  const role = await s.gid("Role", "roles", {
    name: `Helper${(i % MANAGERS.length) + 1}`,
    storeId: num(await storeOfCollaborator(id)),
  });
  const t = await token(who);
  return {
    who,
    kind: "accept",
    field: "collaboratorRequestAccept",
    send: () =>
      postGraphql(s.url, REQUEST_ACCEPT, { id, input: { roleIds: [role], dropAutoRole: true } }, { token: t }),
  };
};
const rejectCall = async (id: string, i: number): Promise<Call> => {
  const who = MANAGERS[i % MANAGERS.length];
  const t = await token(who);
  return {
    who,
    kind: "reject",
    field: "collaboratorRequestReject",
    send: () => postGraphql(s.url, REQUEST_REJECT, { id }, { token: t }),
  };
};
async function storeOfCollaborator(id: string) {
  const rows = await s.ds.query<{ storeId: number }[]>(
    `SELECT "storeId" AS "storeId" FROM "store_users" WHERE "id" = ${num(id)}`,
  );
  return `gid://latchkey/Store/${rows[0].storeId}`;
}
const autoRoleRows = async (storeKey: string) =>
  count(
    `SELECT COUNT(*) AS n FROM "roles" WHERE "storeId" = ${num(await storeOf(storeKey))} AND "autoGenerated" = ${s.ds.options.type === "postgres" ? "true" : "1"}`,
  );

describe("50 conflicting calls at once", () => {
  test("R29: of 50 managers accepting one request at once, exactly one succeeds; the others get NOT_PENDING and the roles are the winner's", async () => {
    const id = await collaboratorOf("acc", "racc");
    const calls = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => acceptCall(id, i)));
    const winner = await race(calls, ["NOT_PENDING"]);
    const winnerRole = `Helper${MANAGERS.indexOf(winner.call.who) + 1}`;

    expect(await statusOf(id)).toBe("ACTIVE");
    expect(await roleNamesOf(id)).toEqual([winnerRole]);
    const accepted = await events("collaborator.accepted", id);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].actorName).toBe(`User ${winner.call.who}`);
    expect(await notifications("collaborator_accepted", "acc")).toBe(1);
    expect(await autoRoleRows("acc")).toBe(0); // dropped once, by the winner
    await chainIsValid();
  });

  test("R29: of 50 managers rejecting one request at once, exactly one succeeds; the others get NOT_PENDING", async () => {
    const id = await collaboratorOf("rej", "rrej");
    const calls = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => rejectCall(id, i)));
    const winner = await race(calls, ["NOT_PENDING"]);

    expect(await statusOf(id)).toBe("REJECTED");
    expect(await roleNamesOf(id)).toEqual([]);
    const rejected = await events("collaborator.rejected", id);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].actorName).toBe(`User ${winner.call.who}`);
    expect(await notifications("collaborator_rejected", "rej")).toBe(1);
    expect(
      await count(`SELECT COUNT(*) AS n FROM "request_blocks" WHERE "storeId" = ${num(await storeOf("rej"))}`),
    ).toBe(1); // R18, once
    expect(await autoRoleRows("rej")).toBe(0);
    await chainIsValid();
  });

  test("R29: 50 withdrawals of one request at once by its requester: exactly one succeeds, the others get NOT_PENDING", async () => {
    const id = await collaboratorOf("wd", "rwd");
    const t = await token("rwd");
    const calls: Call[] = Array.from({ length: PARALLEL }, () => ({
      who: "rwd",
      kind: "withdraw",
      field: "collaboratorRequestWithdraw",
      send: () => postGraphql(s.url, REQUEST_WITHDRAW, { id }, { token: t }),
    }));
    await race(calls, ["NOT_PENDING"]);

    expect(await statusOf(id)).toBe("WITHDRAWN");
    expect(await roleNamesOf(id)).toEqual([]);
    expect(await events("collaborator.withdrawn", id)).toHaveLength(1);
    expect(await autoRoleRows("wd")).toBe(0);
    await chainIsValid();
  });

  test("R16, R29: of 50 managers removing one collaborator at once (with their passwords), exactly one succeeds; the others get NOT_ACTIVE", async () => {
    const id = await collaboratorOf("rm", "rrm");
    // Each password counts on its account as a sign-in does (reserved before it is judged): more
    // than the account's limit in flight at once would be refused as guesses (THROTTLED, see
    // test/brute-force.test.ts). The race spreads its calls so that no manager sends more.
    expect(Math.ceil(PARALLEL / MANAGERS.length)).toBeLessThanOrEqual(THROTTLE_LIMITS.signInByAccount.failures);
    const calls = await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i): Promise<Call> => {
        const who = MANAGERS[i % MANAGERS.length];
        const t = await token(who);
        return {
          who,
          kind: "remove",
          field: "collaboratorRemove",
          send: () => postGraphql(s.url, COLLABORATOR_REMOVE, { id, password: `password-${who}` }, { token: t }),
        };
      }),
    );
    const winner = await race(calls, ["NOT_ACTIVE"]);

    expect(await statusOf(id)).toBe("REMOVED");
    const removed = await events("collaborator.removed", id);
    expect(removed).toHaveLength(1);
    expect(removed[0].actorName).toBe(`User ${winner.call.who}`);
    await chainIsValid();
  });

  test("R29: 25 accepts and 25 rejects of one request racing: exactly one of all 50 wins, and the state is that one decision's", async () => {
    const id = await collaboratorOf("race", "rrace");
    const calls = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => (i % 2 ? rejectCall(id, i) : acceptCall(id, i))),
    );
    const winner = await race(calls, ["NOT_PENDING"]);

    const accepted = await events("collaborator.accepted", id);
    const rejected = await events("collaborator.rejected", id);
    if (winner.call.kind === "accept") {
      expect(await statusOf(id)).toBe("ACTIVE");
      expect(await roleNamesOf(id)).toEqual([`Helper${MANAGERS.indexOf(winner.call.who) + 1}`]);
      expect([accepted.length, rejected.length]).toEqual([1, 0]);
      expect(
        await count(`SELECT COUNT(*) AS n FROM "request_blocks" WHERE "storeId" = ${num(await storeOf("race"))}`),
      ).toBe(0);
    } else {
      expect(await statusOf(id)).toBe("REJECTED");
      expect(await roleNamesOf(id)).toEqual([]);
      expect([accepted.length, rejected.length]).toEqual([0, 1]);
      expect(
        await count(`SELECT COUNT(*) AS n FROM "request_blocks" WHERE "storeId" = ${num(await storeOf("race"))}`),
      ).toBe(1);
    }
    expect([...accepted, ...rejected][0].actorName).toBe(`User ${winner.call.who}`);
    expect(await autoRoleRows("race")).toBe(0);
    await chainIsValid();
  });

  test("R29: 50 identical requests from one partner user at once make one pending request; the others get ALREADY_REQUESTED", async () => {
    const t = await token("rnew");
    const input = {
      storeDomain: "new.example.com",
      requestCode: REQUEST_CODE,
      permissions: ["orders"],
      message: "Hello",
    };
    const calls: Call[] = Array.from({ length: PARALLEL }, () => ({
      who: "rnew",
      kind: "create",
      field: "collaboratorRequestCreate",
      send: () => postGraphql(s.url, REQUEST_CREATE, { input }, { token: t }),
    }));
    const winner = await race(calls, ["ALREADY_REQUESTED"]);

    const id = await collaboratorOf("new", "rnew"); // exactly one row
    expect(winner.payload.collaborator?.id).toBe(id);
    expect(await statusOf(id)).toBe("REQUESTED");
    expect(await events("collaborator.requested", id)).toHaveLength(1);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM "audit_events" WHERE "action" = 'collaborator.requested' AND "storeId" = ${num(await storeOf("new"))}`,
      ),
    ).toBe(1);
    expect(await autoRoleRows("new")).toBe(1); // the losers' auto-generated roles were rolled back
    expect(await notifications("collaborator_request", "new")).toBe(2); // R5: one email, one home notice
    await chainIsValid();
  });
});

describe("retrying colliding transactions", () => {
  const pg = () => s.ds.options.type === "postgres";
  const conflict = (code: string) =>
    new QueryFailedError("UPDATE ...", [], Object.assign(new Error(`conflict ${code}`), { code }));

  test("R29: a unit of work that fails with a serialization failure (40001) or a deadlock (40P01) runs again on PostgreSQL, a bounded number of times, and never on SQLite", async () => {
    for (const code of ["40001", "40P01"]) {
      let runs = 0;
      await expect(
        inTransaction(s.ds, () => {
          runs++;
          return Promise.reject(conflict(code));
        }),
      ).rejects.toBeInstanceOf(QueryFailedError);
      expect(runs).toBe(pg() ? TRANSACTION_ATTEMPTS : 1);

      // PostgreSQL: retried until it goes through. SQLite: the first conflict is final.
      runs = 0;
      const outcome = await inTransaction(s.ds, () => {
        if (++runs < 3) return Promise.reject(conflict(code));
        return Promise.resolve("done");
      }).catch((error: unknown) => error);
      if (pg()) expect([outcome, runs]).toEqual(["done", 3]);
      else expect([outcome instanceof QueryFailedError, runs]).toEqual([true, 1]);
    }
  });

  test("R29: a UserFailure or any other error is never retried", async () => {
    for (const error of [
      new UserFailure("NOT_PENDING", msg("request.notPending", {}, "R29"), ["id"]),
      conflict("23505"),
      new Error("boom"),
    ]) {
      let runs = 0;
      await expect(
        inTransaction(s.ds, () => {
          runs++;
          return Promise.reject(error);
        }),
      ).rejects.toBe(error);
      expect(runs).toBe(1);
    }
  });

  // SQLite queues its writers: they never deadlock.
  test.skipIf(parseDatabaseUrl(process.env.DATABASE_URL).kind !== "postgres")(
    "R29: two transactions that deadlock on PostgreSQL both complete: the one PostgreSQL aborts (40P01) runs again",
    async () => {
      const [a, b] = [await storeOf("acc"), await storeOf("rej")].map(num);
      let locked = 0;
      let bothLocked!: () => void;
      const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
      const runs = { ab: 0, ba: 0 };
      const crossing = (first: number, second: number, key: "ab" | "ba") =>
        inTransaction(s.ds, async (tx) => {
          runs[key]++;
          await tx.query(`UPDATE "stores" SET "name" = "name" WHERE "id" = $1`, [first]);
          if (++locked === 2) bothLocked();
          await barrier; // each holds its first row and now wants the other's
          await tx.query(`UPDATE "stores" SET "name" = "name" WHERE "id" = $1`, [second]);
          return key;
        });
      expect(await Promise.all([crossing(a, b, "ab"), crossing(b, a, "ba")])).toEqual(["ab", "ba"]);
      expect(runs.ab + runs.ba).toBe(3); // exactly one of them was aborted and ran again
    },
  );
});
