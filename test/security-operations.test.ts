// Operations and guessing (issue 11, findings 1, 12, 14, 15, 16): demo data only in development,
// a first production account without a known password, password hashing, brute force on the
// password asked again (collaboratorRemove), TOTP replay, password-reset requests, client
// addresses behind a proxy (TRUST_PROXY), and /metrics off the public API.
import { randomBytes, scryptSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { must } from "./support/client";
import { SIGN_IN } from "./support/documents";
import { startServer, type TestServer } from "./support/server";
import { User } from "../src/domain/users/user.entity";

/** A password hash as Latchkey wrote them before argon2id: scrypt at N=2^14, r=8, p=1. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
}

const ARGON2ID_OWASP = /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/;

describe("on world.json", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => s?.close());

  const storedHash = async (key: string) =>
    (await s.ds.getRepository(User).findOneByOrFail({ email: `${key}@example.com` })).passwordHash;

  test("Passwords: new hashes are argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane)", async () => {
    expect(await storedHash("stan")).toMatch(ARGON2ID_OWASP);
  });

  test("Passwords: an old scrypt hash signs in and is upgraded to argon2id at that sign-in; a wrong password upgrades nothing", async () => {
    const legacy = legacyScryptHash("password-owen");
    await s.ds.getRepository(User).update({ email: "owen@example.com" }, { passwordHash: legacy });
    const anon = s.anonymous();
    const wrong = must(
      (await anon.data(SIGN_IN, { input: { email: "owen@example.com", password: "password-nope" } })).signIn,
    );
    expect(wrong.userErrors.map((e) => e.code)).toEqual(["INVALID_CREDENTIALS"]);
    expect(await storedHash("owen")).toBe(legacy);

    const ok = must(
      (await anon.data(SIGN_IN, { input: { email: "owen@example.com", password: "password-owen" } })).signIn,
    );
    expect(ok.userErrors).toEqual([]);
    expect(ok.token).toBeTruthy();
    const upgraded = await storedHash("owen");
    expect(upgraded).toMatch(ARGON2ID_OWASP);
    // The upgraded hash signs in too.
    const again = must(
      (await anon.data(SIGN_IN, { input: { email: "owen@example.com", password: "password-owen" } })).signIn,
    );
    expect(again.userErrors).toEqual([]);
    expect(await storedHash("owen")).toBe(upgraded);
  });
});
