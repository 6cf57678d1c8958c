// Account security (R27): two-step sign-in with an authenticator app (TOTP) and recovery codes,
// notices of sign-ins from new devices, password change and reset, the preferred language.
// Secrets leave the server twice only: the enrolment secret (with its otpauth:// URI) and the
// recovery codes, each once. Recovery codes and reset tokens are kept as SHA-256 only.
import { createHash, randomBytes } from "node:crypto";
import { authenticator } from "otplib";
import { Brackets, EntityManager, IsNull, MoreThan, Not } from "typeorm";
import type { ClientInfo, Actor } from "../../authz/actor";
import { recordEvent } from "../audit/audit.service";
import { UserFailure } from "../errors";
import { isValidEmail } from "./auth.service";
import { accountKey, clientKey, throttledError } from "../../security/throttle";
import { notify } from "../notifications/outbox";
import { KnownDevice } from "./known-device.entity";
import { PasswordResetToken } from "./password-reset-token.entity";
import { RecoveryCode } from "./recovery-code.entity";
import { hashPassword, verifyPassword } from "./passwords";
import { ClientKind, Session } from "./session.entity";
import { User } from "./user.entity";
import { msg, type Message } from "../../i18n";
import { LOCALES } from "../../i18n";
import { recipientLocale } from "../../i18n";

export const TOTP_ISSUER = "Latchkey";
export const RECOVERY_CODE_COUNT = 10;
export const PASSWORD_RESET_TTL_MS = 3600_000;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** The languages one may prefer: exactly those the service speaks (src/i18n). */
export const SUPPORTED_LANGUAGES = LOCALES;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const userTarget = (user: User) => ({ type: "User", id: user.id, name: user.name });

/** otplib's authenticator step: a code per 30 s. */
const TOTP_STEP_MS = 30_000;
/** TOTP at a given instant (the application clock), accepting the codes of one step either side. */
const totpAt = (now: Date) => authenticator.clone({ epoch: now.getTime(), window: 1 });
const isTotpCode = (otp: string) => /^[0-9]{6}$/.test(otp);
const normalizeOtp = (otp: string) => otp.replace(/[\s-]/g, "").toLowerCase();

// Recovery codes: 10 characters of an alphabet without look-alikes (50 bits), shown as xxxxx-xxxxx.
const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols: one per 5 bits, no bias
function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * The viewer's own password, asked again before a sensitive change. A wrong one counts as a failed
 * sign-in of the account, so that a stolen session is no way around the sign-in lock. The hash is
 * read here, as it is now: the viewer's user, read with the session, carries none.
 */
export async function checkOwnPassword(actor: Actor, user: User, password: string, message: Message, field: string[]) {
  const attempt = await actor.throttles.signInByAccount.reserve(accountKey(user.email.trim().toLowerCase()));
  if (attempt.locked) throw throttledError(msg("throttle.wrongPasswords"), attempt.retryAfterMs);
  let ok: boolean;
  try {
    const { passwordHash } = await actor.ds.manager.findOneOrFail(User, {
      where: { id: user.id },
      select: { id: true, passwordHash: true },
    });
    ok = await verifyPassword(password, passwordHash);
  } catch (error) {
    await attempt.release();
    throw error;
  }
  if (!ok) {
    await attempt.failed();
    throw new UserFailure("INVALID_PASSWORD", message, field);
  }
  await attempt.succeeded();
}

/** Freshly read, so that checks see what concurrent requests wrote. */
const currentUser = (tx: EntityManager, id: number) => tx.findOneByOrFail(User, { id });

export function checkPasswordStrength(password: string, email: string, field: string[]) {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
    throw new UserFailure(
      "WEAK_PASSWORD",
      msg("account.passwordLength", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
      field,
    );
  if (password.trim().toLowerCase() === email.toLowerCase())
    throw new UserFailure("WEAK_PASSWORD", msg("account.passwordIsEmail"), field);
}

// ---------------------------------------------------------------------------------------------
// Sign-in: the second step and the device (called by auth.service's signIn)

/**
 * R27: the second step of a sign-in, once the password is verified. Inside the sign-in's
 * transaction, so that a recovery code is spent exactly when the session is created.
 */
export async function checkSecondStep(
  tx: EntityManager,
  user: User,
  otp: string | null | undefined,
  now: Date,
): Promise<"TOTP" | "RECOVERY_CODE" | null> {
  if (!user.totpSecret) return null;
  const given = normalizeOtp(otp ?? "");
  if (!given) throw new UserFailure("OTP_REQUIRED", msg("account.otpRequired", {}, "R27"), ["input", "otp"]);
  if (isTotpCode(given)) {
    const delta = totpAt(now).checkDelta(given, user.totpSecret);
    if (delta !== null) {
      // A code signs in once: its time step must be later than the last one accepted (no replay,
      // and no older code of the window after a newer one). A conditional update: of two sign-ins
      // with one code, one wins.
      const step = Math.floor(now.getTime() / TOTP_STEP_MS) + delta;
      const taken = await tx
        .createQueryBuilder()
        .update(User)
        .set({ totpLastStep: step })
        .where("id = :id", { id: user.id })
        .andWhere(new Brackets((q) => q.where('"totpLastStep" IS NULL').orWhere('"totpLastStep" < :step', { step })))
        .execute();
      if (taken.affected) return "TOTP";
    }
  } else {
    // Spent by a conditional update: of two sign-ins with the same code, one wins.
    const result = await tx.update(
      RecoveryCode,
      { userId: user.id, codeHash: sha256(given), usedAt: IsNull() },
      { usedAt: now },
    );
    if (result.affected) {
      const left = await tx.countBy(RecoveryCode, { userId: user.id, usedAt: IsNull() });
      await recordEvent(tx, {
        action: "user.recovery_code_used",
        actor: user,
        target: userTarget(user),
        details: { recoveryCodesLeft: left },
      });
      return "RECOVERY_CODE";
    }
  }
  throw new UserFailure("INVALID_OTP", msg("account.otpWrong", {}, "R27"), ["input", "otp"]);
}

/** R27: remembers the device; a sign-in from an unknown one, when others are known, is notified. */
export async function recordDevice(
  tx: EntityManager,
  user: User,
  client: ClientKind,
  info: ClientInfo,
  now: Date,
): Promise<boolean> {
  const userAgent = info.userAgent || "unknown";
  const fingerprint = sha256(`${client}\n${info.userAgent}`);
  const known = await tx.findOneBy(KnownDevice, { userId: user.id, fingerprint });
  if (known) {
    await tx.update(KnownDevice, { id: known.id }, { lastSeenAt: now });
    return false;
  }
  const others = await tx.countBy(KnownDevice, { userId: user.id });
  const label = `${client}: ${userAgent}`.slice(0, 400);
  // Two first sign-ins from one device at once: the second insert is ignored, not an error.
  await tx
    .createQueryBuilder()
    .insert()
    .into(KnownDevice)
    .values({ userId: user.id, fingerprint, label, createdAt: now, lastSeenAt: now })
    .orIgnore()
    .execute();
  if (others === 0) return false; // the first device ever: nothing to compare with
  await notify(tx, {
    channel: "EMAIL",
    kind: "new_device_sign_in",
    recipient: user.email,
    userId: user.id,
    language: recipientLocale(user),
    subject: msg("mail.newDevice.subject"),
    body: msg("mail.newDevice.body", {
      at: now,
      client,
      userAgent,
      ip: info.ip ? msg("mail.newDevice.ip", { ip: info.ip }) : "",
    }),
  });
  await recordEvent(tx, {
    action: "user.new_device_sign_in",
    actor: user,
    target: userTarget(user),
    details: { client, userAgent },
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Two-step sign-in

export async function enrollTwoFactor(actor: Actor): Promise<{ otpauthUri: string; secret: string }> {
  const viewer = actor.requireViewer().user;
  const secret = authenticator.generateSecret(20); // 160 bits, as RFC 4226 recommends
  return actor.transaction(async (tx) => {
    const user = await currentUser(tx, viewer.id);
    if (user.totpSecret)
      throw new UserFailure("TWO_FACTOR_ENABLED", msg("account.twoFactorAlreadyOnSetUpAnother", {}, "R27"), null);
    await tx.update(User, { id: user.id }, { totpPendingSecret: secret });
    await recordEvent(tx, { action: "user.two_factor_enrollment_started", actor: user, target: userTarget(user) });
    return { otpauthUri: authenticator.keyuri(user.email, TOTP_ISSUER, secret), secret };
  });
}

export async function confirmTwoFactor(actor: Actor, otp: string): Promise<{ recoveryCodes: string[]; user: User }> {
  const viewer = actor.requireViewer().user;
  const now = actor.now();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return actor.transaction(async (tx) => {
    const user = await currentUser(tx, viewer.id);
    if (user.totpSecret)
      throw new UserFailure("TWO_FACTOR_ENABLED", msg("account.twoFactorAlreadyOn", {}, "R27"), null);
    if (!user.totpPendingSecret)
      throw new UserFailure("TWO_FACTOR_NOT_ENROLLED", msg("account.twoFactorNotEnrolled", {}, "R27"), null);
    const given = normalizeOtp(otp);
    if (!isTotpCode(given) || !totpAt(now).check(given, user.totpPendingSecret))
      throw new UserFailure("INVALID_OTP", msg("account.otpNotCurrent", {}, "R27"), ["otp"]);
    const turnedOn = await tx.update(
      User,
      { id: user.id, totpSecret: IsNull(), totpPendingSecret: user.totpPendingSecret },
      { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now },
    );
    if (turnedOn.affected !== 1)
      throw new UserFailure("TWO_FACTOR_NOT_ENROLLED", msg("account.enrolmentChanged", {}, "R27"), null);
    await tx.delete(RecoveryCode, { userId: user.id });
    await tx.insert(
      RecoveryCode,
      codes.map((code) => ({ userId: user.id, codeHash: sha256(normalizeOtp(code)), createdAt: now, usedAt: null })),
    );
    await recordEvent(tx, {
      action: "user.two_factor_enabled",
      actor: user,
      target: userTarget(user),
      details: { recoveryCodes: RECOVERY_CODE_COUNT },
    });
    await notify(tx, {
      channel: "EMAIL",
      kind: "two_factor_enabled",
      recipient: user.email,
      userId: user.id,
      language: recipientLocale(user),
      subject: msg("mail.twoFactorOn.subject"),
      body: msg("mail.twoFactorOn.body"),
    });
    return { recoveryCodes: codes, user: await currentUser(tx, user.id) };
  });
}

export async function disableTwoFactor(actor: Actor, password: string): Promise<User> {
  const viewer = actor.requireViewer().user;
  await checkOwnPassword(actor, viewer, password, msg("account.passwordWrong"), ["password"]);
  return actor.transaction(async (tx) => {
    const user = await currentUser(tx, viewer.id);
    if (!user.totpSecret)
      throw new UserFailure("TWO_FACTOR_NOT_ENABLED", msg("account.twoFactorNotOn", {}, "R27"), null);
    await tx.update(User, { id: user.id }, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null });
    await tx.delete(RecoveryCode, { userId: user.id });
    await recordEvent(tx, { action: "user.two_factor_disabled", actor: user, target: userTarget(user) });
    await notify(tx, {
      channel: "EMAIL",
      kind: "two_factor_disabled",
      recipient: user.email,
      userId: user.id,
      language: recipientLocale(user),
      subject: msg("mail.twoFactorOff.subject"),
      body: msg("mail.twoFactorOff.body"),
    });
    return currentUser(tx, user.id);
  });
}

// ---------------------------------------------------------------------------------------------
// Passwords

/** Ends every other session of the user; the one this request came with stays. */
export async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<User> {
  const { user: viewer, session } = actor.requireViewer();
  await checkOwnPassword(actor, viewer, currentPassword, msg("account.currentPasswordWrong"), ["currentPassword"]);
  checkPasswordStrength(newPassword, viewer.email, ["newPassword"]);
  const passwordHash = await hashPassword(newPassword); // slow on purpose: outside the write queue
  const now = actor.now();
  return actor.transaction(async (tx) => {
    const user = await currentUser(tx, viewer.id);
    await tx.update(User, { id: user.id }, { passwordHash, passwordChangedAt: now });
    const ended = await tx.update(
      Session,
      { userId: user.id, revokedAt: IsNull(), id: Not(session.id) },
      { revokedAt: now },
    );
    await recordEvent(tx, {
      action: "user.password_changed",
      actor: user,
      target: userTarget(user),
      details: { otherSessionsEnded: ended.affected ?? 0 },
    });
    await notify(tx, {
      channel: "EMAIL",
      kind: "password_changed",
      recipient: user.email,
      userId: user.id,
      language: recipientLocale(user),
      subject: msg("mail.passwordChanged.subject"),
      body: msg("mail.passwordChanged.body", { at: now }),
    });
    return currentUser(tx, user.id);
  });
}

const RESET_LIMITED = msg("throttle.passwordResets");

/**
 * Emails a single-use reset token valid for an hour. The answer never depends on whether the
 * email belongs to an account, so that accounts cannot be enumerated: neither its content nor its
 * work (either way one transaction writes an email to the outbox: the token to an account's
 * address, a notice that no account uses it to any other), nor its limits: every request counts,
 * per email (3 an hour) and per client address (20 an hour); past either, THROTTLED for an hour,
 * known email or not, so that nobody's mailbox can be flooded.
 */
export async function requestPasswordReset(actor: Actor, email: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const address = clientKey(actor.client.ip);
  const byIp = address ? await actor.throttles.passwordResetByIp.reserve(address) : null;
  if (byIp?.locked) throw throttledError(RESET_LIMITED, byIp.retryAfterMs);
  const byEmail = await actor.throttles.passwordResetByEmail.reserve(accountKey(normalized));
  if (byEmail.locked) {
    await byIp?.release();
    throw throttledError(RESET_LIMITED, byEmail.retryAfterMs);
  }
  await Promise.all([byIp?.failed(), byEmail.failed()]); // every request counts
  const user = await actor.ds.manager.findOneBy(User, { email: normalized });
  const token = randomBytes(32).toString("base64url");
  const now = actor.now();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  if (!user) {
    if (!isValidEmail(normalized)) return; // no address to write to; an attacker sees that as well as we do
    await actor.transaction((tx) =>
      notify(tx, {
        channel: "EMAIL",
        kind: "password_reset_no_account",
        recipient: normalized,
        // No account, so no preferred language: the language of the request that asked.
        language: actor.locale,
        subject: msg("mail.passwordReset.subject"),
        body: msg("mail.passwordResetNoAccount.body"),
      }),
    );
    return;
  }
  await actor.transaction(async (tx) => {
    await tx.insert(PasswordResetToken, {
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    await recordEvent(tx, {
      action: "user.password_reset_requested",
      actor: user,
      target: userTarget(user),
      details: { expiresAt: expiresAt.toISOString() },
    });
    await notify(tx, {
      channel: "EMAIL",
      kind: "password_reset",
      recipient: user.email,
      userId: user.id,
      language: recipientLocale(user),
      subject: msg("mail.passwordReset.subject"),
      body: msg("mail.passwordReset.body", { token }),
    });
  });
}

/** Single use; sets the password and ends every session of the user. */
export async function resetPassword(actor: Actor, token: string, newPassword: string): Promise<void> {
  const now = actor.now();
  const invalid = () => new UserFailure("INVALID_TOKEN", msg("account.resetTokenInvalid"), ["token"]);
  const found = await actor.ds.manager.findOneBy(PasswordResetToken, { tokenHash: sha256(token.trim()) });
  if (!found || found.usedAt || found.expiresAt.getTime() <= now.getTime()) throw invalid();
  const owner = await actor.ds.manager.findOneByOrFail(User, { id: found.userId });
  checkPasswordStrength(newPassword, owner.email, ["newPassword"]);
  const passwordHash = await hashPassword(newPassword);
  await actor.transaction(async (tx) => {
    // Spent by a conditional update: of two resets with one token, exactly one succeeds.
    const spent = await tx.update(
      PasswordResetToken,
      { id: found.id, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    if (spent.affected !== 1) throw invalid();
    const user = await currentUser(tx, found.userId);
    await tx.update(User, { id: user.id }, { passwordHash, passwordChangedAt: now });
    // The user's other outstanding tokens die with this one, and so does every session.
    await tx.update(PasswordResetToken, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
    const ended = await tx.update(Session, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
    await recordEvent(tx, {
      action: "user.password_reset",
      actor: user,
      target: userTarget(user),
      details: { sessionsEnded: ended.affected ?? 0 },
    });
    await notify(tx, {
      channel: "EMAIL",
      kind: "password_changed",
      recipient: user.email,
      userId: user.id,
      language: recipientLocale(user),
      subject: msg("mail.passwordWasReset.subject"),
      body: msg("mail.passwordWasReset.body", { at: now }),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Profile

export async function updateViewer(
  actor: Actor,
  input: { name?: string | null; preferredLanguage?: string | null },
): Promise<User> {
  const viewer = actor.requireViewer().user;
  const changes: Partial<Pick<User, "name" | "preferredLanguage">> = {};
  if (input.name != null) {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200)
      throw new UserFailure("INVALID", msg("account.nameLength"), ["input", "name"]);
    changes.name = name;
  }
  if (input.preferredLanguage != null) {
    const wanted = input.preferredLanguage.trim().toLowerCase();
    const language = SUPPORTED_LANGUAGES.find((tag) => tag.toLowerCase() === wanted);
    if (!language)
      throw new UserFailure(
        "UNKNOWN_LANGUAGE",
        msg("account.unknownLanguage", { languages: SUPPORTED_LANGUAGES.join(", ") }),
        ["input", "preferredLanguage"],
      );
    changes.preferredLanguage = language;
  }
  return actor.transaction(async (tx) => {
    const user = await currentUser(tx, viewer.id);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k] !== user[k]);
    if (!changed.length) return user;
    await tx.update(User, { id: user.id }, changes);
    const updated = await currentUser(tx, user.id);
    await recordEvent(tx, {
      action: "user.updated",
      actor: updated,
      target: userTarget(updated),
      details: {
        before: Object.fromEntries(changed.map((k) => [k, user[k]])),
        after: Object.fromEntries(changed.map((k) => [k, updated[k]])),
      },
    });
    return updated;
  });
}
