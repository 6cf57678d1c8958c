// `npm run account:create -- --email E --name N [--platform-support]`: an account made from the
// command line, with a password read from standard input (never an argument: it would show in
// the process list and the shell history). How a production install, which never loads the demo,
// gets its first account (a platform support one, who then works through the API).
import "reflect-metadata";
import readline from "node:readline";
import { Writable } from "node:stream";
import { parseCommandLine, usageError } from "../../cli";
import { ConfigError, loadConfig } from "../../config";
import { createDataSource } from "../../db/data-source";
import { inTransaction } from "../../db/transaction";
import { recordEvent } from "../audit/audit.service";
import { UserFailure } from "../errors";
import { ensureSystemRoles } from "../roles/role.service";
import { checkPasswordStrength } from "./account.service";
import { isValidEmail, normalizeEmail } from "./auth.service";
import { hashPassword } from "./passwords";
import { User } from "./user.entity";

const USAGE = `usage: node dist/src/domain/users/account-cli.js --email EMAIL --name NAME [--platform-support]
       (npm run account:create -- --email EMAIL --name NAME [--platform-support])
Creates an account on DATABASE_URL (migrated first), its password read from standard input: the
first line of a pipe, or typed at a prompt (not shown) on a terminal; 10 to 200 characters.
  --email EMAIL          the account's email (its sign-in name); refused if an account has it
  --name NAME            its display name (1 to 200 characters)
  --platform-support     the operator's support staff (R18, R30): for the first account of an install
Exit status: 0 created, 1 refused (email taken, weak password) or failed, 2 a wrong command line.`;

const { values } = parseCommandLine({
  usage: USAGE,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    "platform-support": { type: "boolean", default: false },
  },
});
if (values.email === undefined) usageError(USAGE, "Missing option: --email EMAIL.");
if (values.name === undefined) usageError(USAGE, "Missing option: --name NAME.");
const email = normalizeEmail(values.email);
const name = values.name.trim();
if (!isValidEmail(email)) usageError(USAGE, `--email: not an email address: ${JSON.stringify(values.email)}`);
if (!name || name.length > 200) usageError(USAGE, "--name: 1 to 200 characters.");

/** The password: a prompt without echo on a terminal, else the first line of standard input. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(`Password for ${email} (not shown): `);
    const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
    const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
    const line = await new Promise<string>((resolve) => rl.once("line", resolve));
    rl.close();
    process.stderr.write("\n");
    return line;
  }
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0];
}

class Refused extends Error {}

(async () => {
  const password = await readPassword();
  if (!password) throw new Refused("no password on standard input");
  try {
    checkPasswordStrength(password, email, ["password"]);
  } catch (error) {
    if (error instanceof UserFailure) throw new Refused(error.message);
    throw error;
  }
  const config = loadConfig();
  const ds = createDataSource(config.database);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "each" });
    const passwordHash = await hashPassword(password);
    const user = await inTransaction(ds, async (tx) => {
      if (await tx.existsBy(User, { email })) throw new Refused(`${email} already has an account`);
      await ensureSystemRoles(tx);
      const created = await tx.save(
        tx.create(User, { email, name, passwordHash, platformSupport: values["platform-support"] }),
      );
      await recordEvent(tx, {
        action: "user.created",
        actor: null,
        target: { type: "User", id: created.id, name: created.name },
        details: { platformSupport: created.platformSupport, by: "account:create" },
      });
      return created;
    });
    console.log(
      `created ${user.email} (${user.name})${user.platformSupport ? ", platform support" : ""}: sign in with the password given`,
    );
  } finally {
    await ds.destroy();
  }
})().catch((error) => {
  if (error instanceof Refused) console.error(`refused: ${error.message}`);
  else if (error instanceof ConfigError)
    console.error(
      `configuration: ${error.problems.length} problem(s):\n${error.problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  else console.error(error instanceof Error ? `${error.name}: ${error.message}` : error); // not the object: a failed query would print its parameters
  process.exit(1);
});
