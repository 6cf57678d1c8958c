// The plugins' per-request work on the bench's 50-collaborator page (bench/run.ts BENCH_QUERY),
// before and after issue 12 item 3, side by side in one process: the walk of the document for the
// requested cost, the walk of the answer for the actual cost and the input-bounds walk (before),
// against the plans evaluated per request (after). No server, no database: only that work.
// Run: npm run build && node dist/bench/per-document.js [iterations]
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { checkInputBounds, checkPlannedBounds, BoundsPlans } from "../src/graphql/input-bounds";
import { actualOperationCost, operationCounts } from "../src/graphql/limits/cost";
import { CostPlans } from "../src/graphql/limits/plan";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const document = parse(
  "query Bench($store: ID!) { store(id: $store) { collaborators(first: 50) { nodes { user { name email } roles { name permissions { handle } } partnerOrganization { name } } } } }",
);
const operation = document.definitions[0] as OperationDefinitionNode;
if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
const variables = { store: "gid://latchkey/Store/1" };
const data = {
  store: {
    collaborators: {
      nodes: Array.from({ length: 50 }, (_, i) => ({
        user: { name: `User ${i}`, email: `user${i}@example.com` },
        roles: [
          { name: "Staff", permissions: Array.from({ length: 5 }, (_, p) => ({ handle: `p${p}` })) },
          { name: "Orders", permissions: [{ handle: "orders" }] },
        ],
        partnerOrganization: i % 5 === 0 ? { name: "Partner" } : null,
      })),
    },
  },
};

function before(): number {
  const { cost } = operationCounts(schema, document, operation, variables);
  if (checkInputBounds(schema, document, operation, variables)) throw new Error("refused");
  return Math.min(cost, actualOperationCost(schema, document, operation, variables, data));
}

const costPlans = new CostPlans();
const boundsPlans = new BoundsPlans();
function after(): number {
  const plan = costPlans.plan(schema, document, operation, variables);
  const { cost } = plan.requested(variables);
  if (checkPlannedBounds(boundsPlans.plan(schema, document, operation), variables)) throw new Error("refused");
  return Math.min(cost, plan.actual(data, variables));
}

// The parts, each alone: the requested cost, the actual cost, the input bounds.
const plan = costPlans.plan(schema, document, operation, variables);
const parts = {
  requestedBefore: () => operationCounts(schema, document, operation, variables).cost,
  requestedAfter: () => costPlans.plan(schema, document, operation, variables).requested(variables).cost,
  actualBefore: () => actualOperationCost(schema, document, operation, variables, data),
  actualAfter: () => plan.actual(data, variables),
  boundsBefore: () => checkInputBounds(schema, document, operation, variables),
  boundsAfter: () => checkPlannedBounds(boundsPlans.plan(schema, document, operation), variables),
};

if (before() !== after()) throw new Error(`different figures: ${before()} and ${after()}`);
const iterations = Number(process.argv[2] ?? 5000);
const times = { before: [] as number[], after: [] as number[] };
// Alternating rounds, so that both meet the same machine.
for (let round = 0; round < 6; round++) {
  for (const [name, work] of [
    ["before", before],
    ["after", after],
  ] as const) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) work();
    times[name].push(((performance.now() - start) * 1000) / iterations);
  }
}
const partTimes: Record<string, number> = {};
for (const [name, work] of Object.entries(parts)) {
  for (let i = 0; i < iterations / 5; i++) work(); // warm
  const start = performance.now();
  for (let i = 0; i < iterations; i++) work();
  partTimes[name] = Math.round((((performance.now() - start) * 1000) / iterations) * 10) / 10;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b = median(times.before.slice(1));
const a = median(times.after.slice(1));
console.log(
  JSON.stringify({
    iterations,
    actualCost: after(),
    beforeMicrosecondsPerRequest: Math.round(b * 10) / 10,
    afterMicrosecondsPerRequest: Math.round(a * 10) / 10,
    speedup: Math.round((b / a) * 10) / 10,
    partsMicrosecondsPerRequest: partTimes,
  }),
);
