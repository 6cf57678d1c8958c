// Latchkey as its own process (`node dist/src/main.js`, built by `npm test`), for tests that kill it.
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import type { DatabaseConfig } from "../../src/config";

export const databaseUrl = (d: DatabaseConfig) => (d.kind === "postgres" ? d.url : `sqlite:${d.file}`);

/** Loads a fixture into a database with the seed CLI (`node dist/src/seed/cli.js`), as an operator would. */
export function seedDatabase(db: DatabaseConfig, fixture = "test/fixtures/world.json"): void {
  const seeded = spawnSync(process.execPath, ["dist/src/seed/cli.js", fixture], {
    env: { ...process.env, DATABASE_URL: databaseUrl(db) },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
}

export interface SpawnedLatchkey {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has ended: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * Starts `node dist/src/main.js` on a database and resolves once it listens. NODE_ENV is left
 * unset (as in production; vitest's "test" would change Apollo's defaults); `env` adds variables.
 */
export async function spawnLatchkey(
  db: DatabaseConfig,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<SpawnedLatchkey> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(db), PORT: "0", ...env };
  delete childEnv.NODE_ENV;
  delete childEnv.VITEST;
  const child = spawn(process.execPath, ["dist/src/main.js"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Latchkey did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = () => {
      const m = /on http:\/\/localhost:(\d+)\/graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Latchkey exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, port, child, exited, output: () => out };
}

/** Ends a spawned Latchkey if it still runs (SIGKILL: for cleanup after a failed test). */
export async function killLatchkey(p: SpawnedLatchkey | undefined) {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill("SIGKILL");
  await p.exited;
}

/** Whether a new TCP connection to 127.0.0.1:port is accepted (true) or refused (false). */
export function acceptsConnections(port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A free TCP port on 127.0.0.1 (for a server we start ourselves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
