// Sign-in and sessions: opaque random tokens, stored hashed, revocable, expiring.
import { createHash, randomBytes } from "node:crypto";
import { DataSource, IsNull } from "typeorm";
import { clock } from "../../clock";
import { inTransaction } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import type { ClientInfo } from "../../context";
import { UserFailure } from "../errors";
import { checkSecondStep, recordDevice } from "./account.service";
import { decoyHash, verifyPassword } from "./passwords";
import { ClientKind, Session } from "./session.entity";
import { User } from "./user.entity";

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The password first (a wrong one says nothing of two-step sign-in), then, when two-step sign-in
 * is on, the authenticator or a recovery code (R27); the device is remembered and a new one notified.
 */
export async function signIn(
  ds: DataSource,
  input: { email: string; password: string; otp?: string | null; client?: ClientKind | null },
  device: ClientInfo = { userAgent: "", ip: "" },
) {
  const user = await ds.getRepository(User).findOneBy({ email: normalizeEmail(input.email) });
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : (await verifyPassword(input.password, await decoyHash()), false);
  if (!user || !ok) throw new UserFailure("INVALID_CREDENTIALS", "Email or password is incorrect.", ["input", "password"]);
  if (user.totpSecret && !input.otp?.trim()) throw new UserFailure("OTP_REQUIRED", "R27: enter the code from your authenticator app, or a recovery code.", ["input", "otp"]);
  const token = `lk_${randomBytes(32).toString("base64url")}`;
  const now = clock.now();
  const client = input.client ?? "PARTNER_DASHBOARD";
  const session = await inTransaction(ds, async (tx) => {
    const secondStep = await checkSecondStep(tx, user, input.otp, now);
    const s = await tx.save(
      tx.create(Session, {
        userId: user.id,
        tokenHash: hashToken(token),
        client,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        revokedAt: null,
      }),
    );
    await recordEvent(tx, { action: "user.signed_in", actor: user, target: { type: "User", id: user.id, name: user.name }, details: { client: s.client, ...(secondStep ? { secondStep } : {}) } });
    await recordDevice(tx, user, client, device, now);
    return s;
  });
  return { token, user, session };
}

/** The viewer behind a bearer token, or null when the token is unknown, revoked or expired. */
export async function authenticate(ds: DataSource, token: string): Promise<{ user: User; session: Session } | null> {
  // One query: the session and its user.
  const session = (await ds
    .getRepository(Session)
    .createQueryBuilder("s")
    .innerJoinAndMapOne("s.user", User, "u", "u.id = s.userId")
    .where("s.tokenHash = :hash AND s.revokedAt IS NULL", { hash: hashToken(token) })
    .getOne()) as (Session & { user: User }) | null;
  if (!session || session.expiresAt.getTime() <= clock.now().getTime()) return null;
  const { user } = session;
  delete (session as Partial<typeof session>).user;
  return { user, session };
}

export async function signOut(ds: DataSource, session: Session): Promise<void> {
  await inTransaction(ds, (tx) => tx.update(Session, { id: session.id, revokedAt: IsNull() }, { revokedAt: clock.now() }));
}
