// What one request may ask (hardening, item 1): depth, aliases and a calculated cost like Shopify's,
// paid from a per-user leaky bucket. Tokens and body size are bounded in server.ts.
// - depth-and-aliases.ts: validation rules refusing deep or alias-heavy documents;
// - cost.ts: the requested and actual cost of an operation (one walk, two meters);
// - plan.ts: that walk done once per operation, leaving a plan evaluated per request;
// - cost-bucket.ts: the leaky bucket the cost is paid from (in memory, or in Redis for several instances);
// - plugin.ts: the Apollo plugin that charges the bucket and reports `extensions.cost`.
export { aliasLimitRule, depthLimitRule, operationDepth } from "./depth-and-aliases";
export {
  actualOperationCost,
  COST,
  DEFAULT_LIST_MAX,
  isValueType,
  LIST_MAX,
  listMax,
  MAX_ANSWER_ITEMS,
  operationCost,
  operationCounts,
} from "./cost";
export {
  COMMAND_TIMEOUT_MS,
  createCostBuckets,
  MemoryCostBuckets,
  RedisCostBuckets,
  type BucketAnswer,
  type CostBucketStore,
  type ThrottleStatus,
} from "./cost-bucket";
export { CostPlans, type OperationPlan } from "./plan";
export { bucketKey, costLimitPlugin } from "./plugin";
export { LIMIT_CODES } from "./shared";
