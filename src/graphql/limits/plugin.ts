// The Apollo plugin that charges each operation's calculated cost to its caller's leaky bucket.
// An operation costing more than the bucket's size is refused (MAX_COST_EXCEEDED); one costing
// more than is available now is THROTTLED with a retry hint, and nothing runs. One whose answer may
// hold more than MAX_ANSWER_ITEMS list items is refused (MAX_ITEMS_EXCEEDED) whatever the bucket holds. Like Shopify, the
// requested cost must be available, but once the operation has run the bucket keeps only its actual
// cost (a page that returned 3 nodes costs 2 + 3), so small answers to big pages do not starve a client.
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from "@apollo/server";
import type { RequestLimits } from "../../config";
import type { RequestContext } from "../context";
import { MAX_ANSWER_ITEMS } from "./cost";
import { MemoryCostBuckets, type CostBucketStore, type ThrottleStatus } from "./cost-bucket";
import { CostPlans, type OperationPlan } from "./plan";
import { LIMIT_CODES } from "./shared";
import { codedError } from "../../domain/errors";
import { msg, type Message } from "../../i18n";

const limitError = (
  code: (typeof LIMIT_CODES)[number],
  message: Message,
  extensions: Record<string, unknown> = {},
  http: { status: number; headers?: HeaderMap } = { status: 400 },
) => codedError(code, message, { ...extensions, http });

/** Whose bucket pays: the signed-in user, or the client's address for anonymous requests. */
export function bucketKey(context: RequestContext | undefined): string {
  if (context?.viewer) return `user:${context.viewer.user.id}`;
  return `ip:${context?.client.ip || "unknown"}`;
}

/**
 * Refuses operations over the cost limit (MAX_COST_EXCEEDED) and, when the caller's bucket lacks
 * the requested cost, answers THROTTLED with retryAfterSeconds, running nothing. After running,
 * the bucket keeps only the actual cost. Every response carries
 * `extensions.cost = { requestedQueryCost, actualQueryCost, throttleStatus }`.
 */
export function costLimitPlugin(
  limits: RequestLimits,
  buckets: CostBucketStore = new MemoryCostBuckets(limits.costBucketSize, limits.costLeakPerSecond),
  /** The cost plans, one per operation (plan.ts): the document is walked once, not per request. */
  plans: CostPlans = new CostPlans(),
): ApolloServerPlugin<RequestContext> {
  const status = (available: number): ThrottleStatus => ({
    maximumAvailable: limits.costBucketSize,
    currentlyAvailable: Math.max(0, Math.floor(available)),
    restoreRate: limits.costLeakPerSecond,
  });
  return {
    requestDidStart(start) {
      const key = bucketKey(start.contextValue);
      let requestedQueryCost = 0;
      let actualQueryCost = 0;
      let taken = false;
      let available: number | null = null;
      let plan: OperationPlan | null = null;
      return Promise.resolve({
        async didResolveOperation(ctx: GraphQLRequestContext<RequestContext>) {
          if (!ctx.document || !ctx.operation) return;
          plan = plans.plan(ctx.schema, ctx.document, ctx.operation, ctx.request.variables ?? {});
          const { cost, items } = plan.requested(ctx.request.variables ?? {});
          requestedQueryCost = Number.isFinite(cost) ? cost : limits.costBucketSize + 1;
          if (items > MAX_ANSWER_ITEMS) {
            throw limitError(
              "MAX_ITEMS_EXCEEDED",
              msg("limits.tooManyItems", {
                items: Number.isFinite(items) ? items : msg("limits.tooManyToCount"),
                max: MAX_ANSWER_ITEMS,
              }),
              { maxItems: MAX_ANSWER_ITEMS, ...(Number.isFinite(items) ? { items } : {}) },
            );
          }
          if (cost > limits.costBucketSize) {
            throw limitError(
              "MAX_COST_EXCEEDED",
              msg("limits.tooCostly", {
                cost: Number.isFinite(cost) ? cost : msg("limits.tooMuchToCount"),
                max: limits.costBucketSize,
              }),
            );
          }
          const answer = await buckets.take(key, cost);
          available = answer.available;
          taken = answer.allowed;
          if (!answer.allowed) {
            throw limitError(
              "THROTTLED",
              msg("limits.throttled", {
                cost,
                available: Math.floor(answer.available),
                seconds: answer.retryAfterSeconds,
              }),
              { retryAfterSeconds: answer.retryAfterSeconds },
              // Like Shopify: a GraphQL answer (200) with the error, and the hint in a header too.
              { status: 200, headers: new HeaderMap([["retry-after", String(answer.retryAfterSeconds)]]) },
            );
          }
        },
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const result = body.kind === "single" ? body.singleResult : body.initialResult;
          if (taken && plan) {
            actualQueryCost = Math.min(requestedQueryCost, plan.actual(result.data, ctx.request.variables ?? {}));
            available = await buckets.refund(key, requestedQueryCost - actualQueryCost);
          }
          const cost = {
            requestedQueryCost,
            actualQueryCost,
            throttleStatus: status(available ?? (await buckets.peek(key))),
          };
          result.extensions = { ...result.extensions, cost };
        },
      });
    },
  };
}
