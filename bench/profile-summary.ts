// node dist/bench/profile-summary.js FILE.cpuprofile [--top 25]
// Summarises a V8 CPU profile (from `npm run bench -- --profile`, i.e. node --cpu-prof):
// self time by function, self time by package or source file, and inclusive time of
// Latchkey's own functions, so one can see what dominates a request.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCommandLine, usageError } from "../src/cli";

const USAGE = `usage: node dist/bench/profile-summary.js FILE.cpuprofile [--top N]
  --top N   how many lines in each table (25)`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Inside a package: the package and the file in it (typeorm/driver/sqlite-abstract/...). */
function file(url: string): string {
  const place = where(url);
  const nm = url.lastIndexOf("/node_modules/");
  if (nm < 0) return place;
  const rest = url.slice(nm + "/node_modules/".length).split("/");
  return rest.slice(rest[0].startsWith("@") ? 2 : 1).length
    ? `${place}/${rest.slice(rest[0].startsWith("@") ? 2 : 1).join("/")}`
    : place;
}

function where(url: string): string {
  if (!url) return "(native / V8)";
  if (url.startsWith("node:")) return "node internals";
  const local = url.replace(/^file:\/\//, "");
  const nm = local.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = local.slice(nm + "/node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const rel = path.relative(process.cwd(), local);
  return rel.startsWith("dist/") ? rel.slice(5) : rel;
}

function main() {
  const { values, positionals } = parseCommandLine({
    usage: USAGE,
    options: { top: { type: "string", default: "25" } },
    positionals: { min: 1, max: 1 },
  });
  const profileFile = positionals[0];
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) usageError(USAGE, `--top must be a positive integer, got "${values.top}"`);
  const profile = JSON.parse(readFileSync(profileFile, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const idle = [...selfUs]
    .filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)")
    .reduce((a, [, us]) => a + us, 0);
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${file(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

  const selfByFunction = new Map<string, number>();
  const selfByPlace = new Map<string, number>();
  const inclusiveOwn = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(idle)") continue;
    selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + us);
    const place = where(node.callFrame.url);
    selfByPlace.set(place, (selfByPlace.get(place) ?? 0) + us);
    // Inclusive time of Latchkey's own functions (src/), each counted once per stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!/\/dist\/src\//.test(n.callFrame.url)) continue;
      const key = label(n);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusiveOwn.set(key, (inclusiveOwn.get(key) ?? 0) + us);
    }
  }
  const show = (title: string, map: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  };
  console.log(
    `${profileFile}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)}%); percentages are of busy time`,
  );
  show("self time by package / file", selfByPlace, top);
  show("self time by function", selfByFunction, top);
  show("inclusive time of Latchkey's own functions (dist/src)", inclusiveOwn, top);
}

main();
