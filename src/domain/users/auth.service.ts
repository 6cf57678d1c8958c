// Sign-in and sessions: opaque random tokens, stored hashed, revocable, expiring.
import { createHash, randomBytes } from "node:crypto";
import { DataSource, IsNull } from "typeorm";
import { clock } from "../../clock";
import { copyOf, throughCache } from "../../db/caches";
import { sessionByTokenHash } from "../../db/hot-reads";
import { inTransaction } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import type { ClientInfo } from "../../authz/actor";
import { accountKey, clientKey, throttledError, type Throttles } from "../../security/throttle";
import { UserFailure } from "../errors";
import { checkSecondStep, recordDevice } from "./account.service";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./passwords";
import { ClientKind, Session } from "./session.entity";
import { User } from "./user.entity";
import { msg } from "../../i18n";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An email address (as normalizeEmail leaves it): at most 320 characters, something@host.tld. */
export const isValidEmail = (email: string) => email.length <= 320 && EMAIL.test(email);

const SIGN_IN_LOCKED = msg("throttle.signInAccount");
const ADDRESS_LOCKED = msg("throttle.signInAddress");
const SECOND_STEP_LOCKED = msg("throttle.secondStep", {}, "R27");

/**
 * The password first (a wrong one says nothing of two-step sign-in), then, when two-step sign-in
 * is on, the authenticator or a recovery code (R27); the device is remembered and a new one notified.
 *
 * Brute force: every attempt holds a point of its account (by email, known or not) and of its
 * client address before the password is checked. A wrong password keeps both; the 5th consecutive
 * failure of an account, or the 20th of an address, locks it for 15 minutes, and while locked every
 * attempt is THROTTLED (extensions.retryAfterSeconds), the right password included. The right
 * password starts the account's count again and gives the address its point back. Wrong
 * second-step codes count apart (5, then 15 minutes).
 */
export async function signIn(
  ds: DataSource,
  input: { email: string; password: string; otp?: string | null; client?: ClientKind | null },
  device: ClientInfo,
  throttles: Throttles,
  /** How long the session lasts (config.sessionTtlMs). */
  sessionTtlMs: number,
) {
  const email = normalizeEmail(input.email);
  const address = clientKey(device.ip);
  const byIp = address ? await throttles.signInByIp.reserve(address) : null;
  if (byIp?.locked) throw throttledError(ADDRESS_LOCKED, byIp.retryAfterMs);
  const byAccount = await throttles.signInByAccount.reserve(accountKey(email));
  if (byAccount.locked) {
    await byIp?.release(); // refused unjudged: not a failure of the address
    throw throttledError(SIGN_IN_LOCKED, byAccount.retryAfterMs);
  }

  let user: User | null;
  let ok: boolean;
  try {
    user = await ds.getRepository(User).findOneBy({ email });
    ok = user
      ? await verifyPassword(input.password, user.passwordHash)
      : (await verifyPassword(input.password, await decoyHash()), false);
  } catch (error) {
    await Promise.all([byIp?.release(), byAccount.release()]);
    throw error;
  }
  if (!user || !ok) {
    await Promise.all([byIp?.failed(), byAccount.failed()]);
    throw new UserFailure("INVALID_CREDENTIALS", msg("account.credentialsWrong"), ["input", "password"]);
  }
  await Promise.all([byIp?.release(), byAccount.succeeded()]);
  if (user.totpSecret && !input.otp?.trim())
    throw new UserFailure("OTP_REQUIRED", msg("account.otpRequired", {}, "R27"), ["input", "otp"]);

  const bySecondStep = user.totpSecret ? await throttles.totpByAccount.reserve(String(user.id)) : null;
  if (bySecondStep?.locked) throw throttledError(SECOND_STEP_LOCKED, bySecondStep.retryAfterMs);
  const signedIn = user;
  const token = `lk_${randomBytes(32).toString("base64url")}`;
  const now = clock.now();
  const client = input.client ?? "PARTNER_DASHBOARD";
  let session: Session;
  try {
    session = await inTransaction(ds, async (tx) => {
      const secondStep = await checkSecondStep(tx, signedIn, input.otp, now);
      const s = await tx.save(
        tx.create(Session, {
          userId: signedIn.id,
          tokenHash: hashToken(token),
          client,
          createdAt: now,
          expiresAt: new Date(now.getTime() + sessionTtlMs),
          revokedAt: null,
        }),
      );
      await recordEvent(tx, {
        action: "user.signed_in",
        actor: signedIn,
        target: { type: "User", id: signedIn.id, name: signedIn.name },
        details: { client: s.client, ...(secondStep ? { secondStep } : {}) },
      });
      await recordDevice(tx, signedIn, client, device, now);
      return s;
    });
  } catch (error) {
    if (error instanceof UserFailure && error.code === "INVALID_OTP") await bySecondStep?.failed();
    else await bySecondStep?.release();
    throw error;
  }
  await bySecondStep?.succeeded();
  await upgradePasswordHash(ds, signedIn, input.password);
  return { token, user: signedIn, session };
}

/**
 * A hash of an older format or weaker parameters (scrypt N=2^14) is replaced, after a successful
 * sign-in, by one of today's (argon2id): only if nobody changed the password meanwhile.
 */
async function upgradePasswordHash(ds: DataSource, user: User, password: string) {
  if (!needsRehash(user.passwordHash)) return;
  const passwordHash = await hashPassword(password);
  await ds.getRepository(User).update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash });
  user.passwordHash = passwordHash;
}

/**
 * The viewer behind a bearer token, or null when the token is unknown, revoked or expired. The
 * session and its user come from the session cache (src/db/caches.ts), true as of `since` (the
 * request's arrival, performance.now()), else from one prepared statement.
 */
export async function authenticate(
  ds: DataSource,
  token: string,
  since: number = performance.now(),
): Promise<{ user: User; session: Session } | null> {
  const tokenHash = hashToken(token);
  const found = await throughCache(ds, "sessions", tokenHash, since, () => sessionByTokenHash(ds, tokenHash));
  if (!found || found.session.expiresAt.getTime() <= clock.now().getTime()) return null;
  // The request's own copies: what it changes on them never reaches the cached ones.
  return { session: copyOf(found.session), user: copyOf(found.user) };
}

export async function signOut(ds: DataSource, session: Session): Promise<void> {
  await inTransaction(ds, (tx) =>
    tx.update(Session, { id: session.id, revokedAt: IsNull() }, { revokedAt: clock.now() }),
  );
}
