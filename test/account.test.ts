// Account security (R27): two-step sign-in with an authenticator app (TOTP) and recovery codes,
// the notice of a sign-in from a new device, password change and reset, the preferred language.
// One server for the file; each group uses its own users of world.json (dan: two-step sign-in,
// kira: devices, pat: password change, kai/pax/pete: reset, nora: language, owen: refusals).
import { authenticator } from "otplib";
import { IsNull } from "typeorm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { clock } from "../src/clock";
import { AuditEvent } from "../src/domain/audit/audit-event.entity";
import { Notification } from "../src/domain/notifications/notification.entity";
import { KnownDevice } from "../src/domain/users/known-device.entity";
import { PasswordResetToken } from "../src/domain/users/password-reset-token.entity";
import { RecoveryCode } from "../src/domain/users/recovery-code.entity";
import { Session } from "../src/domain/users/session.entity";
import { User } from "../src/domain/users/user.entity";
import { graphql } from "./generated";
import type { ClientKind } from "./generated/graphql";
import { dataOf, must, queryText, type GqlResult, type TypedDocumentNode } from "./support/client";
import { startServer, TestClient, TestServer } from "./support/server";

let s: TestServer;

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());
afterEach(() => clock.reset());

const email = (key: string) => `${key}@example.com`;
const codes = (errors: readonly { code: string | null }[]) => errors.map((e) => e.code);

const SIGN_IN = graphql(`
  mutation AccountSignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      viewer {
        id
        email
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const VIEWER = graphql(`
  query AccountViewer {
    viewer {
      id
      email
      name
      preferredLanguage
      twoFactorEnabled
    }
  }
`);
const ENROLL = graphql(`
  mutation AccountTwoFactorEnroll {
    twoFactorEnroll {
      otpauthUri
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const CONFIRM = graphql(`
  mutation AccountTwoFactorConfirm($otp: String!) {
    twoFactorConfirm(otp: $otp) {
      recoveryCodes
      user {
        email
        twoFactorEnabled
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const DISABLE = graphql(`
  mutation AccountTwoFactorDisable($password: String!) {
    twoFactorDisable(password: $password) {
      user {
        email
        twoFactorEnabled
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const PASSWORD_CHANGE = graphql(`
  mutation AccountPasswordChange($current: String!, $next: String!) {
    passwordChange(currentPassword: $current, newPassword: $next) {
      user {
        email
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const RESET_REQUEST = graphql(`
  mutation AccountPasswordResetRequest($email: String!) {
    passwordResetRequest(email: $email) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const RESET = graphql(`
  mutation AccountPasswordReset($token: String!, $password: String!) {
    passwordReset(token: $token, newPassword: $password) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const VIEWER_UPDATE = graphql(`
  mutation AccountViewerUpdate($input: ViewerUpdateInput!) {
    viewerUpdate(input: $input) {
      user {
        name
        preferredLanguage
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const STORE_OWNER = graphql(`
  query AccountStoreOwner($id: ID!) {
    store(id: $id) {
      owner {
        email
        preferredLanguage
        twoFactorEnabled
      }
    }
  }
`);

/** A request with our own User-Agent (the harness's client always sends Node's). */
async function rawGql<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  options: { userAgent?: string; token?: string } = {},
): Promise<GqlResult<R>> {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.userAgent !== undefined ? { "user-agent": options.userAgent } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: queryText(document), variables }),
  });
  return (await res.json()) as GqlResult<R>;
}

async function signIn(
  key: string,
  extra: { password?: string; otp?: string; client?: ClientKind; userAgent?: string } = {},
) {
  const input = {
    email: email(key),
    password: extra.password ?? `password-${key}`,
    ...(extra.otp !== undefined ? { otp: extra.otp } : {}),
    ...(extra.client ? { client: extra.client } : {}),
  };
  const result = await rawGql(SIGN_IN, { input }, { userAgent: extra.userAgent });
  return must(dataOf(result).signIn, "the signIn payload");
}

const userRow = (key: string) => s.ds.getRepository(User).findOneByOrFail({ email: email(key) });
const liveSessions = async (key: string) =>
  s.ds.getRepository(Session).count({ where: { userId: (await userRow(key)).id, revokedAt: IsNull() } });
const mail = async (key: string, kind: string) =>
  await s.ds.getRepository(Notification).find({ where: { recipient: email(key), kind }, order: { id: "ASC" } });
const events = async (key: string, action: string) =>
  s.ds.getRepository(AuditEvent).find({ where: { actorId: (await userRow(key)).id, action }, order: { id: "ASC" } });
const totpNow = (secret: string, at = clock.now()) => authenticator.clone({ epoch: at.getTime() }).generate(secret);
/** Codes the server accepts now (one step either side). */
const validCodes = (secret: string) =>
  [-30_000, 0, 30_000].map((d) => totpNow(secret, new Date(clock.now().getTime() + d)));
const wrongCode = (secret: string) =>
  must(
    ["000000", "111111", "222222", "333333"].find((c) => !validCodes(secret).includes(c)),
    "a code the server refuses now",
  );

describe("two-step sign-in (dan)", () => {
  let secret = "";
  let recoveryCodes: string[] = [];

  test("R27: twoFactorEnroll gives an otpauth:// URI for the authenticator app; the secret waits for confirmation and sign-in needs no code yet", async () => {
    const dan = await s.as("dan");
    const r = must((await dan.data(ENROLL)).twoFactorEnroll, "the twoFactorEnroll payload");
    expect(r.userErrors).toEqual([]);
    expect(r.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(r.otpauthUri).toMatch(
      /^otpauth:\/\/totp\/Latchkey:dan%40example\.com\?secret=[A-Z2-7]+&(.+&)?issuer=Latchkey(&|$)/,
    );
    const uri = new URL(must(r.otpauthUri, "otpauthUri"));
    expect(decodeURIComponent(uri.pathname)).toBe("/Latchkey:dan@example.com");
    expect(uri.searchParams.get("secret")).toBe(r.secret);
    expect(uri.searchParams.get("issuer")).toBe("Latchkey");
    secret = must(r.secret, "secret");

    const row = await userRow("dan");
    expect(row.totpPendingSecret).toBe(secret);
    expect(row.totpSecret).toBeNull();
    expect((await dan.data(VIEWER)).viewer.twoFactorEnabled).toBe(false);
    // Not on until confirmed: the password alone still signs in.
    const plain = await signIn("dan");
    expect(plain.userErrors).toEqual([]);
    expect(plain.token).toBeTruthy();
  });

  test("R27: twoFactorConfirm refuses a wrong code and changes nothing", async () => {
    const dan = await s.as("dan");
    const r = must(
      (await dan.data(CONFIRM, { otp: wrongCode(secret) })).twoFactorConfirm,
      "the twoFactorConfirm payload",
    );
    expect(codes(r.userErrors)).toEqual(["INVALID_OTP"]);
    expect(r.recoveryCodes).toBeNull();
    expect(r.user).toBeNull();
    const row = await userRow("dan");
    expect(row.totpSecret).toBeNull();
    expect(row.totpPendingSecret).toBe(secret);
    expect(await s.ds.getRepository(RecoveryCode).countBy({ userId: row.id })).toBe(0);
    expect(await events("dan", "user.two_factor_enabled")).toEqual([]);
  });

  test("R27: twoFactorConfirm with the app's current code turns it on and shows 10 single-use recovery codes once, stored hashed", async () => {
    const dan = await s.as("dan");
    const r = must(
      (await dan.data(CONFIRM, { otp: totpNow(secret) })).twoFactorConfirm,
      "the twoFactorConfirm payload",
    );
    expect(r.userErrors).toEqual([]);
    expect(r.user).toEqual({ email: "dan@example.com", twoFactorEnabled: true });
    expect(r.recoveryCodes).toHaveLength(10);
    expect(new Set(r.recoveryCodes).size).toBe(10);
    recoveryCodes = must(r.recoveryCodes, "recoveryCodes");
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const row = await userRow("dan");
    expect(row.totpSecret).toBe(secret);
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpEnabledAt).not.toBeNull();
    const stored = await s.ds.getRepository(RecoveryCode).findBy({ userId: row.id });
    expect(stored).toHaveLength(10);
    for (const c of stored) {
      expect(c.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(c.usedAt).toBeNull();
    }
    const [event] = await events("dan", "user.two_factor_enabled");
    expect(JSON.stringify(event.details)).not.toContain(secret);
    for (const code of recoveryCodes) expect(JSON.stringify(event.details)).not.toContain(code);
    expect(await mail("dan", "two_factor_enabled")).toHaveLength(1);

    // Already on: neither a new enrolment nor a second confirmation, and nothing changes.
    const again = must((await dan.data(ENROLL)).twoFactorEnroll, "the twoFactorEnroll payload");
    expect(codes(again.userErrors)).toEqual(["TWO_FACTOR_ENABLED"]);
    expect(again.secret).toBeNull();
    expect(again.otpauthUri).toBeNull();
    expect(codes(must((await dan.data(CONFIRM, { otp: totpNow(secret) })).twoFactorConfirm).userErrors)).toEqual([
      "TWO_FACTOR_ENABLED",
    ]);
    const after = await userRow("dan");
    expect([after.totpSecret, after.totpPendingSecret]).toEqual([secret, null]);
    expect(await s.ds.getRepository(RecoveryCode).countBy({ userId: row.id })).toBe(10);
  });

  test("R27: with two-step sign-in on, signIn asks for a code only after the password: OTP_REQUIRED, INVALID_OTP, then a token", async () => {
    const sessionsBefore = await liveSessions("dan");
    // A wrong password says nothing of two-step sign-in.
    const wrongPassword = await signIn("dan", { password: "password-nope" });
    expect(codes(wrongPassword.userErrors)).toEqual(["INVALID_CREDENTIALS"]);
    expect(codes((await signIn("dan", { password: "password-nope", otp: totpNow(secret) })).userErrors)).toEqual([
      "INVALID_CREDENTIALS",
    ]);

    const missing = await signIn("dan");
    expect(codes(missing.userErrors)).toEqual(["OTP_REQUIRED"]);
    expect(missing.userErrors[0].field).toEqual(["input", "otp"]);
    expect(missing.token).toBeNull();
    expect(missing.viewer).toBeNull();
    const wrong = await signIn("dan", { otp: wrongCode(secret) });
    expect(codes(wrong.userErrors)).toEqual(["INVALID_OTP"]);
    expect(wrong.token).toBeNull();
    expect(codes((await signIn("dan", { otp: "not-a-code" })).userErrors)).toEqual(["INVALID_OTP"]);
    expect(await liveSessions("dan")).toBe(sessionsBefore);

    const ok = await signIn("dan", { otp: totpNow(secret) });
    expect(ok.userErrors).toEqual([]);
    // expect.any is typed `any` by vitest: an asymmetric matcher, not a value.
    expect(ok.viewer).toEqual({ id: expect.any(String) as unknown, email: "dan@example.com" });
    expect((await new TestClient(s.url, ok.token).data(VIEWER)).viewer.email).toBe("dan@example.com");
    expect(await liveSessions("dan")).toBe(sessionsBefore + 1);
  });

  test("R27: the TOTP code is checked at the application clock: a code five minutes old is refused", async () => {
    const old = totpNow(secret);
    clock.advance(5 * 60_000);
    if (!validCodes(secret).includes(old))
      expect(codes((await signIn("dan", { otp: old })).userErrors)).toEqual(["INVALID_OTP"]);
    expect((await signIn("dan", { otp: totpNow(secret) })).userErrors).toEqual([]);
  });

  test("R27: a recovery code signs in once and never again", async () => {
    const [first, second] = recoveryCodes;
    const ok = await signIn("dan", { otp: first });
    expect(ok.userErrors).toEqual([]);
    expect(ok.token).toBeTruthy();
    const before = await liveSessions("dan");
    const again = await signIn("dan", { otp: first });
    expect(codes(again.userErrors)).toEqual(["INVALID_OTP"]);
    expect(again.token).toBeNull();
    expect(await liveSessions("dan")).toBe(before);

    // Typed loosely (upper case, no dash) it is the same code.
    expect((await signIn("dan", { otp: second.replace("-", "").toUpperCase() })).userErrors).toEqual([]);
    const row = await userRow("dan");
    expect(await s.ds.getRepository(RecoveryCode).count({ where: { userId: row.id, usedAt: IsNull() } })).toBe(8);
    const [used] = await events("dan", "user.recovery_code_used");
    expect(used.details).toEqual({ recoveryCodesLeft: 9 });
  });

  test("R27: twoFactorDisable asks the password (INVALID_PASSWORD changes nothing); then sign-in needs no code and the recovery codes are gone", async () => {
    const dan = await s.as("dan");
    const wrong = must(
      (await dan.data(DISABLE, { password: "password-nope" })).twoFactorDisable,
      "the twoFactorDisable payload",
    );
    expect(codes(wrong.userErrors)).toEqual(["INVALID_PASSWORD"]);
    expect(wrong.user).toBeNull();
    const row = await userRow("dan");
    expect(row.totpSecret).toBe(secret);
    expect(await s.ds.getRepository(RecoveryCode).countBy({ userId: row.id })).toBe(10);
    expect(codes((await signIn("dan")).userErrors)).toEqual(["OTP_REQUIRED"]);

    const r = must(
      (await dan.data(DISABLE, { password: "password-dan" })).twoFactorDisable,
      "the twoFactorDisable payload",
    );
    expect(r.userErrors).toEqual([]);
    expect(r.user).toEqual({ email: "dan@example.com", twoFactorEnabled: false });
    const after = await userRow("dan");
    expect([after.totpSecret, after.totpPendingSecret, after.totpEnabledAt]).toEqual([null, null, null]);
    expect(await s.ds.getRepository(RecoveryCode).countBy({ userId: row.id })).toBe(0);
    expect(await events("dan", "user.two_factor_disabled")).toHaveLength(1);
    expect(await mail("dan", "two_factor_disabled")).toHaveLength(1);
    expect((await signIn("dan")).userErrors).toEqual([]);
    // A code that is no longer anything.
    expect((await signIn("dan", { otp: recoveryCodes[5] })).userErrors).toEqual([]);

    expect(codes(must((await dan.data(DISABLE, { password: "password-dan" })).twoFactorDisable).userErrors)).toEqual([
      "TWO_FACTOR_NOT_ENABLED",
    ]);
  });
});

describe("refusals (owen)", () => {
  test("R27: twoFactorConfirm before twoFactorEnroll is TWO_FACTOR_NOT_ENROLLED; twoFactorDisable when off is TWO_FACTOR_NOT_ENABLED; nothing changes", async () => {
    const owen = await s.as("owen");
    const before = await userRow("owen");
    const confirm = must(
      (await owen.data(CONFIRM, { otp: "123456" })).twoFactorConfirm,
      "the twoFactorConfirm payload",
    );
    expect(codes(confirm.userErrors)).toEqual(["TWO_FACTOR_NOT_ENROLLED"]);
    expect(confirm.recoveryCodes).toBeNull();
    const disable = must(
      (await owen.data(DISABLE, { password: "password-owen" })).twoFactorDisable,
      "the twoFactorDisable payload",
    );
    expect(codes(disable.userErrors)).toEqual(["TWO_FACTOR_NOT_ENABLED"]);
    expect(await userRow("owen")).toEqual(before);
    expect(await s.ds.getRepository(RecoveryCode).countBy({ userId: before.id })).toBe(0);
  });

  test("API: the account mutations need a signed-in viewer; the two password-reset steps are public", async () => {
    const anon = s.anonymous();
    const calls: (() => Promise<GqlResult<unknown>>)[] = [
      () => anon.gql(ENROLL, {}),
      () => anon.gql(CONFIRM, { otp: "123456" }),
      () => anon.gql(DISABLE, { password: "x" }),
      () => anon.gql(PASSWORD_CHANGE, { current: "x", next: "long-enough-password" }),
      () => anon.gql(VIEWER_UPDATE, { input: { preferredLanguage: "da" } }),
    ];
    for (const call of calls) {
      const r = await call();
      expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect(
      must((await anon.data(RESET_REQUEST, { email: "nobody@example.com" })).passwordResetRequest).userErrors,
    ).toEqual([]);
    expect(
      codes(
        must((await anon.data(RESET, { token: "nope", password: "long-enough-password" })).passwordReset).userErrors,
      ),
    ).toEqual(["INVALID_TOKEN"]);
  });
});

describe("new devices (kira)", () => {
  test("R27: a sign-in from a new device is emailed to the user; the very first device and known devices are not", async () => {
    const kira = await userRow("kira");
    const devices = () => s.ds.getRepository(KnownDevice).find({ where: { userId: kira.id }, order: { id: "ASC" } });
    expect(await devices()).toEqual([]);

    // The first device ever is recorded silently.
    expect((await signIn("kira", { userAgent: "Firefox/128 on Linux" })).userErrors).toEqual([]);
    expect(await devices()).toHaveLength(1);
    expect(await mail("kira", "new_device_sign_in")).toEqual([]);

    // The same device again: no notice, but it was seen again.
    const firstSeen = (await devices())[0].lastSeenAt;
    clock.advance(3600_000);
    expect((await signIn("kira", { userAgent: "Firefox/128 on Linux" })).userErrors).toEqual([]);
    const [same] = await devices();
    expect(same.lastSeenAt.getTime()).toBeGreaterThan(firstSeen.getTime());
    expect(await mail("kira", "new_device_sign_in")).toEqual([]);

    // A wrong password from a new device: no device, no notice.
    expect(codes((await signIn("kira", { password: "password-nope", userAgent: "Evil/1.0" })).userErrors)).toEqual([
      "INVALID_CREDENTIALS",
    ]);
    expect(await devices()).toHaveLength(1);
    expect(await mail("kira", "new_device_sign_in")).toEqual([]);

    // A new user agent: an email to kira naming the client and the user agent.
    expect((await signIn("kira", { userAgent: "Safari/17 on iPhone" })).userErrors).toEqual([]);
    const [notice] = await mail("kira", "new_device_sign_in");
    expect(notice).toMatchObject({ channel: "EMAIL", recipient: "kira@example.com", userId: kira.id, storeId: null });
    expect(notice.body).toContain("Safari/17 on iPhone");
    expect(notice.body).toContain("PARTNER_DASHBOARD");
    expect(await devices()).toHaveLength(2);
    const [event] = await events("kira", "user.new_device_sign_in");
    expect(event.details).toEqual({ client: "PARTNER_DASHBOARD", userAgent: "Safari/17 on iPhone" });

    // The client is part of the device: the same browser through another client is new too.
    expect((await signIn("kira", { userAgent: "Safari/17 on iPhone", client: "ADMIN" })).userErrors).toEqual([]);
    const notices = await mail("kira", "new_device_sign_in");
    expect(notices).toHaveLength(2);
    expect(notices[1].body).toContain("ADMIN");
    // And then it is known.
    expect((await signIn("kira", { userAgent: "Safari/17 on iPhone", client: "ADMIN" })).userErrors).toEqual([]);
    expect(await mail("kira", "new_device_sign_in")).toHaveLength(2);
    expect(await devices()).toHaveLength(3);
  });
});

describe("password change (pat)", () => {
  test("R27: passwordChange refuses a wrong current password and weak new ones, changing nothing", async () => {
    const here = await signIn("pat");
    const other = await signIn("pat");
    const client = new TestClient(s.url, here.token);
    const before = await userRow("pat");
    const cases: [string, string, string][] = [
      ["password-nope", "a-good-new-password", "INVALID_PASSWORD"],
      ["password-pat", "short", "WEAK_PASSWORD"],
      ["password-pat", "x".repeat(201), "WEAK_PASSWORD"],
      ["password-pat", "pat@example.com", "WEAK_PASSWORD"],
    ];
    for (const [current, next, code] of cases) {
      const r = must(
        (await client.data(PASSWORD_CHANGE, { current, next })).passwordChange,
        "the passwordChange payload",
      );
      expect(codes(r.userErrors)).toEqual([code]);
      expect(r.user).toBeNull();
    }
    expect(await userRow("pat")).toEqual(before);
    expect((await new TestClient(s.url, other.token).gql(VIEWER)).errors).toBeUndefined();
    expect(await mail("pat", "password_changed")).toEqual([]);
    expect(await events("pat", "user.password_changed")).toEqual([]);
  });

  test("R27: passwordChange sets the new password, ends the user's other sessions and keeps the current one", async () => {
    const here = await signIn("pat");
    const other = await signIn("pat", { client: "MOBILE_APP" });
    const client = new TestClient(s.url, here.token);
    const r = must(
      (await client.data(PASSWORD_CHANGE, { current: "password-pat", next: "correct horse battery" })).passwordChange,
      "the passwordChange payload",
    );
    expect(r.userErrors).toEqual([]);
    expect(r.user).toEqual({ email: "pat@example.com" });

    expect((await client.data(VIEWER)).viewer.email).toBe("pat@example.com");
    expect((await new TestClient(s.url, other.token).gql(VIEWER)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await liveSessions("pat")).toBe(1);
    expect(codes((await signIn("pat")).userErrors)).toEqual(["INVALID_CREDENTIALS"]);
    expect((await signIn("pat", { password: "correct horse battery" })).userErrors).toEqual([]);

    const row = await userRow("pat");
    expect(row.passwordChangedAt).not.toBeNull();
    expect(await mail("pat", "password_changed")).toHaveLength(1);
    const [event] = await events("pat", "user.password_changed");
    expect(JSON.stringify(event.details)).not.toContain("correct horse");
    expect(event.details.otherSessionsEnded).toBeGreaterThanOrEqual(1);
  });
});

describe("password reset", () => {
  async function latestToken(key: string) {
    const notices = await mail(key, "password_reset");
    const body = must(notices.at(-1), `a password reset email to ${key}`).body;
    return must(/^([A-Za-z0-9_-]{43})$/m.exec(body), "a reset token in the email")[1];
  }

  test("R27: passwordReset with the emailed token sets the password once and ends every session", async () => {
    const session = await signIn("kai");
    const anon = s.anonymous();
    expect((await anon.data(RESET_REQUEST, { email: "KAI@example.com " })).passwordResetRequest).toEqual({
      userErrors: [],
    });
    const token = await latestToken("kai");
    const kai = await userRow("kai");
    const stored = await s.ds.getRepository(PasswordResetToken).findBy({ userId: kai.id });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].tokenHash).not.toBe(token);
    expect(stored[0].expiresAt.getTime() - stored[0].createdAt.getTime()).toBe(3600_000);
    const [requested] = await events("kai", "user.password_reset_requested");
    expect(JSON.stringify(requested.details)).not.toContain(token);

    // Refusals change nothing and do not spend the token.
    expect(codes(must((await anon.data(RESET, { token, password: "short" })).passwordReset).userErrors)).toEqual([
      "WEAK_PASSWORD",
    ]);
    expect(
      codes(
        must((await anon.data(RESET, { token: token.slice(1) + "A", password: "a-brand-new-password" })).passwordReset)
          .userErrors,
      ),
    ).toEqual(["INVALID_TOKEN"]);
    expect(await userRow("kai")).toEqual(kai);
    expect((await new TestClient(s.url, session.token).gql(VIEWER)).errors).toBeUndefined();

    expect((await anon.data(RESET, { token, password: "a-brand-new-password" })).passwordReset).toEqual({
      userErrors: [],
    });
    expect((await new TestClient(s.url, session.token).gql(VIEWER)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await liveSessions("kai")).toBe(0);
    expect(codes((await signIn("kai")).userErrors)).toEqual(["INVALID_CREDENTIALS"]);
    expect((await signIn("kai", { password: "a-brand-new-password" })).userErrors).toEqual([]);
    expect((await s.ds.getRepository(PasswordResetToken).findOneByOrFail({ id: stored[0].id })).usedAt).not.toBeNull();
    expect(await events("kai", "user.password_reset")).toHaveLength(1);

    // Single use.
    expect(
      codes(must((await anon.data(RESET, { token, password: "yet-another-password" })).passwordReset).userErrors),
    ).toEqual(["INVALID_TOKEN"]);
    expect((await signIn("kai", { password: "a-brand-new-password" })).userErrors).toEqual([]);
  });

  test("R27: a reset token expires after one hour", async () => {
    const anon = s.anonymous();
    await anon.data(RESET_REQUEST, { email: email("pax") });
    const early = await latestToken("pax");
    clock.advance(59 * 60_000);
    await anon.data(RESET_REQUEST, { email: email("pax") });
    const late = await latestToken("pax");
    expect(late).not.toBe(early);
    clock.advance(60_000 + 1000); // the first is now more than an hour old, the second a minute old
    const before = await userRow("pax");
    expect(
      codes(
        must((await anon.data(RESET, { token: early, password: "a-brand-new-password" })).passwordReset).userErrors,
      ),
    ).toEqual(["INVALID_TOKEN"]);
    expect(await userRow("pax")).toEqual(before);
    expect((await signIn("pax")).userErrors).toEqual([]);

    expect(
      must((await anon.data(RESET, { token: late, password: "a-brand-new-password" })).passwordReset).userErrors,
    ).toEqual([]);
    expect((await signIn("pax", { password: "a-brand-new-password" })).userErrors).toEqual([]);
  });

  test("R27: passwordResetRequest answers an unknown email exactly like a known one, and sends it only a notice that no account uses the address", async () => {
    const anon = s.anonymous();
    const notifications = () => s.ds.getRepository(Notification).count();
    const tokens = () => s.ds.getRepository(PasswordResetToken).count();
    const [n0, t0] = [await notifications(), await tokens()];
    const unknown = await anon.gql(RESET_REQUEST, { email: "nobody-here@example.com" });
    // The same work either way: one outbox email (a notice, no token) for the unknown address.
    expect([await notifications(), await tokens()]).toEqual([n0 + 1, t0]);
    const known = await anon.gql(RESET_REQUEST, { email: email("pete") });
    // Compared without extensions: extensions.cost holds the caller's bucket level, which moves with every request.
    expect({ ...unknown, extensions: undefined }).toEqual({ ...known, extensions: undefined });
    expect({ ...known, extensions: undefined }).toEqual({ data: { passwordResetRequest: { userErrors: [] } } });
    expect([await notifications(), await tokens()]).toEqual([n0 + 2, t0 + 1]);
    expect(await mail("pete", "password_reset")).toHaveLength(1);
  });
});

describe("profile (nora)", () => {
  test("R27, issue 13: viewerUpdate sets the preferred language to one the service speaks (en, da, ja, sv); UNKNOWN_LANGUAGE and a bad name change nothing", async () => {
    const nora = await s.as("nora");
    expect((await nora.data(VIEWER)).viewer).toMatchObject({ preferredLanguage: "en", twoFactorEnabled: false });

    const da = (await nora.data(VIEWER_UPDATE, { input: { preferredLanguage: "da" } })).viewerUpdate;
    expect(da).toEqual({ user: { name: "Nora Nordic", preferredLanguage: "da" }, userErrors: [] });
    const ja = (await nora.data(VIEWER_UPDATE, { input: { preferredLanguage: " JA ", name: "  Nora Nordström " } }))
      .viewerUpdate;
    expect(ja).toEqual({ user: { name: "Nora Nordström", preferredLanguage: "ja" }, userErrors: [] });
    const [event] = (await events("nora", "user.updated")).slice(-1);
    expect(event.details).toEqual({
      before: { name: "Nora Nordic", preferredLanguage: "da" },
      after: { name: "Nora Nordström", preferredLanguage: "ja" },
    });

    const before = await userRow("nora");
    const eventsBefore = (await events("nora", "user.updated")).length;
    for (const [input, code, field] of [
      [{ preferredLanguage: "klingon" }, "UNKNOWN_LANGUAGE", ["input", "preferredLanguage"]],
      [{ preferredLanguage: "pt-BR" }, "UNKNOWN_LANGUAGE", ["input", "preferredLanguage"]],
      [{ preferredLanguage: "da-DK" }, "UNKNOWN_LANGUAGE", ["input", "preferredLanguage"]],
      [{ name: "Renamed", preferredLanguage: "xx" }, "UNKNOWN_LANGUAGE", ["input", "preferredLanguage"]],
      [{ name: "   " }, "INVALID", ["input", "name"]],
      [{ name: "n".repeat(201), preferredLanguage: "sv" }, "INVALID", ["input", "name"]],
    ] as const) {
      const r = must((await nora.data(VIEWER_UPDATE, { input })).viewerUpdate, "the viewerUpdate payload");
      expect(r.user).toBeNull();
      expect(r.userErrors.map((e) => [e.code, e.field])).toEqual([[code, field]]);
    }
    expect(await userRow("nora")).toEqual(before);
    expect(await events("nora", "user.updated")).toHaveLength(eventsBefore);
    expect((await nora.data(VIEWER)).viewer).toMatchObject({ name: "Nora Nordström", preferredLanguage: "ja" });
  });

  test("R27: the preferred language and two-step status are the user's own: others read null", async () => {
    const nils = await s.as("nils");
    const nordic = await s.gid("Store", "stores", { domain: "nordic.example.com" });
    const r = await nils.data(STORE_OWNER, { id: nordic });
    expect(must(r.store, "nordic").owner).toEqual({
      email: "nora@example.com",
      preferredLanguage: null,
      twoFactorEnabled: null,
    });
  });
});
