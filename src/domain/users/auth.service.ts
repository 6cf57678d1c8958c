// Sign-in and sessions: opaque random tokens, stored hashed, revocable, expiring.
import { createHash, randomBytes } from "node:crypto";
import { DataSource, IsNull } from "typeorm";
import { clock } from "../../clock";
import { inTransaction } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import { UserFailure } from "../errors";
import { decoyHash, verifyPassword } from "./passwords";
import { ClientKind, Session } from "./session.entity";
import { User } from "./user.entity";

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function signIn(ds: DataSource, input: { email: string; password: string; client?: ClientKind | null }) {
  const user = await ds.getRepository(User).findOneBy({ email: normalizeEmail(input.email) });
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : (await verifyPassword(input.password, await decoyHash()), false);
  if (!user || !ok) throw new UserFailure("INVALID_CREDENTIALS", "Email or password is incorrect.", ["input", "password"]);
  const token = `lk_${randomBytes(32).toString("base64url")}`;
  const now = clock.now();
  const session = await inTransaction(ds, async (tx) => {
    const s = await tx.save(
      tx.create(Session, {
        userId: user.id,
        tokenHash: hashToken(token),
        client: input.client ?? "PARTNER_DASHBOARD",
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        revokedAt: null,
      }),
    );
    await recordEvent(tx, { action: "user.signed_in", actor: user, target: { type: "User", id: user.id, name: user.name }, details: { client: s.client } });
    return s;
  });
  return { token, user, session };
}

/** The viewer behind a bearer token, or null when the token is unknown, revoked or expired. */
export async function authenticate(ds: DataSource, token: string): Promise<{ user: User; session: Session } | null> {
  const session = await ds.getRepository(Session).findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
  if (!session || session.expiresAt.getTime() <= clock.now().getTime()) return null;
  const user = await ds.getRepository(User).findOneBy({ id: session.userId });
  return user ? { user, session } : null;
}

export async function signOut(ds: DataSource, session: Session): Promise<void> {
  await inTransaction(ds, (tx) => tx.update(Session, { id: session.id, revokedAt: IsNull() }, { revokedAt: clock.now() }));
}
