// The two servers under test run as child processes: started here, watched for their peak
// resident memory, and always stopped (by their pid) when the benchmark ends or fails.
import { ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) if (child.exitCode === null && child.pid) child.kill("SIGKILL");
});

export interface ServerProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** When the process was spawned (performance.now(), ms). */
  spawnedAt: number;
  /** The last lines the process wrote, for error reports. */
  tail(): string;
  /** Resident memory now and its high-water mark (kB), from /proc/<pid>/status. */
  memory(): { rssKb: number; hwmKb: number };
  stop(): Promise<number | null>;
}

/**
 * Starts `node args...` and resolves once a line of its stdout matches `ready` (group 1: the port).
 * Fails when the process exits first or when `timeoutMs` passes.
 */
export function startServer(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { env, cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  let pending = "";
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => (live.delete(child), resolve(code))),
  );

  return new Promise<ServerProcess>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill("SIGKILL");
      reject(new Error(`${error.message}\n--- ${name} output ---\n${lines.join("\n")}`));
    };
    child.stderr.setEncoding("utf8").on("data", (chunk: string) =>
      chunk
        .split("\n")
        .filter(Boolean)
        .forEach((l) => keep(`[stderr] ${l}`)),
    );
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const line of parts) {
        keep(line);
        const match = ready.exec(line);
        if (match && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve(handle(Number(match[1])));
        }
      }
    });
    // Before ready this fails the start; after, fail() does nothing (settled). `exited` never rejects.
    void exited.then((code) => fail(new Error(`${name} exited with code ${code} before it was ready`)));

    function handle(port: number): ServerProcess {
      const pid = child.pid!;
      return {
        name,
        pid,
        spawnedAt,
        url: `http://127.0.0.1:${port}/graphql`,
        tail: () => lines.join("\n"),
        memory: () => readMemory(pid),
        async stop() {
          if (child.exitCode !== null) return child.exitCode;
          child.kill("SIGTERM");
          const force = setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 10_000);
          const code = await exited;
          clearTimeout(force);
          return code;
        },
      };
    }
  });
}

export function readMemory(pid: number): { rssKb: number; hwmKb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, "m").exec(status)?.[1] ?? 0);
    return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
  } catch {
    return { rssKb: 0, hwmKb: 0 };
  }
}

/**
 * CPU time a process has used so far, user and system, all its threads (ms, from /proc/<pid>/stat
 * in clock ticks of 10 ms). Per request, this is what a server costs whatever else the machine runs.
 */
export function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Polls a process's resident memory every `everyMs` and keeps the largest value seen. */
export function watchPeakRss(server: ServerProcess, everyMs = 100) {
  let peakKb = server.memory().rssKb;
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, server.memory().rssKb);
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peakKb, server.memory().rssKb);
    },
  };
}
