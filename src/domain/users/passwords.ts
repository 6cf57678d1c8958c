// Passwords are hashed with argon2id, by default at OWASP's parameters (19 MiB of memory, 2 passes,
// 1 lane: about 50 ms here); ARGON2_MEMORY_KIB and ARGON2_PASSES set others (src/config.ts: the
// test suite asks for less, production may only ask for more). A hash verifies at the parameters
// it carries. Hashes written before argon2id (scrypt at N=2^14, `scrypt$N$r$p$salt$key`) still
// verify, and signIn replaces them (and argon2id hashes of other parameters) with one at this
// configuration's at the next successful sign-in (needsRehash).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, ScryptOptions } from "node:crypto";
import { argon2id, hash, needsRehash as argon2NeedsRehash, verify } from "argon2";
import { parsePasswordHashing } from "../../config";

/**
 * The parameters of new hashes: the configuration's (a bad value throws; the server and the CLIs
 * have refused it at start, in loadConfig). Read at each hash, which costs nothing next to the hash.
 */
function argon2Options() {
  const { memoryKib, passes } = parsePasswordHashing();
  return { type: argon2id, memoryCost: memoryKib, timeCost: passes, parallelism: 1 } as const;
}

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))),
  );

export async function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options());
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2")) return verify(stored, password).catch(() => false);
  // The former format: scrypt$N$r$p$salt$key.
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: +n, r: +r, p: +p });
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash is of another format or other parameters than hashPassword writes now. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  try {
    return argon2NeedsRehash(stored, argon2Options());
  } catch {
    return true;
  }
}

/** Spent on unknown emails too, so that timing does not tell which accounts exist. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(12).toString("hex")));
