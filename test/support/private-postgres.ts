// A private PostgreSQL cluster for one test file, so that a test may stop and start it without
// touching the shared cluster other tests use. Made with initdb as the OS user postgres, in a
// temporary directory (owned by postgres), listening on 127.0.0.1 on a free port.
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { freePort } from "./processes";

export const PG_BIN = "/usr/lib/postgresql/15/bin";

/** Why a private cluster cannot be made here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!fs.existsSync(path.join(PG_BIN, "initdb")))
    return `${PG_BIN}/initdb is missing (PostgreSQL 15 server binaries are not installed)`;
  if (process.getuid?.() !== 0) return "making a cluster as the OS user postgres needs root (runuser)";
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) return "there is no OS user postgres";
  return null;
}

function asPostgres(command: string, args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      "runuser",
      ["-u", "postgres", "--", path.join(PG_BIN, command), ...args],
      { encoding: "utf8", timeout: timeoutMs },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}${stdout}`))
          : resolve(stdout),
    ),
  );
}

export class PrivatePostgres {
  private running = false;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** initdb (trust authentication) and start. */
  static async create(): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-pg-"));
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    fs.chownSync(dir, uid, gid);
    const cluster = new PrivatePostgres(dir, await freePort());
    try {
      await asPostgres(
        "initdb",
        ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"],
        60_000,
      );
      await cluster.start();
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  url(database: string) {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start() {
    // -l: the server's output goes to a file, so that it does not hold our pipes open.
    await asPostgres("pg_ctl", [
      "-D",
      path.join(this.dir, "data"),
      "-l",
      path.join(this.dir, "server.log"),
      "-w",
      "-t",
      "30",
      "-o",
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`,
      "start",
    ]);
    this.running = true;
  }

  /** pg_ctl stop -m fast: sessions are terminated, as in a restart under load. */
  async stop(mode: "fast" | "immediate" = "fast") {
    await asPostgres("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", mode, "-w", "-t", "30", "stop"]);
    this.running = false;
  }

  async createDatabase(name: string) {
    const admin = new Client({ connectionString: this.url("postgres") });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
  }

  /** Stops the cluster if it runs and deletes its directory. Never throws. */
  async destroy() {
    try {
      if (this.running || fs.existsSync(path.join(this.dir, "data", "postmaster.pid"))) await this.stop("immediate");
    } catch (error) {
      console.error(`stopping the private PostgreSQL in ${this.dir}:`, error);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
