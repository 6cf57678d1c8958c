// GraphQL subscriptions over graphql-ws on the HTTP server's /graphql. The token comes in
// connectionParams { authorization: "Bearer <token>" }; none or a bad one closes with 4401.
import type http from "node:http";
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { DataSource } from "typeorm";
import { WebSocketServer } from "ws";
import { DEFAULT_LIMITS, type RequestLimits } from "../config";
import { RequestContext, type Viewer } from "../graphql/context";
import { aliasLimitRule, depthLimitRule } from "../graphql/limits";
import { authenticate } from "../domain/users/auth.service";
import type { Metrics } from "../observability/metrics";
import type { Throttles } from "../security/throttle";
import { localizeError } from "../graphql/language";
import { translate } from "../i18n";

export interface SubscriptionOptions {
  ds: DataSource;
  schema: GraphQLSchema;
  throttles: Throttles;
  /** The server's error masking (server.ts formatError). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  limits?: RequestLimits;
  /** Counts the messages sent to subscribers (latchkey_subscription_events_sent_total). */
  metrics?: Pick<Metrics, "subscriptionEvent">;
}

const UNAUTHORIZED = 4401;

export function attachSubscriptions(server: http.Server, options: SubscriptionOptions) {
  const { ds, schema, throttles, formatError } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const rules = [...specifiedRules, depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)];
  const wss = new WebSocketServer({ server, path: "/graphql", maxPayload: 64 * 1024 });
  const viewers = new WeakMap<object, Viewer>();

  const disposable = useServer(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        const header = (ctx.connectionParams as { authorization?: unknown } | undefined)?.authorization;
        const token = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
        const viewer = token ? await authenticate(ds, token).catch(() => null) : null;
        if (!viewer) {
          ctx.extra.socket.close(UNAUTHORIZED, "Unauthorized");
          return false;
        }
        viewers.set(ctx.extra, viewer);
        return true;
      },
      context: (ctx) => {
        const req = ctx.extra.request;
        const client = {
          userAgent: String(req.headers["user-agent"] ?? "").slice(0, 400),
          ip: req.socket.remoteAddress ?? "",
        };
        const language = req.headers["accept-language"];
        return new RequestContext(
          ds,
          viewers.get(ctx.extra) ?? null,
          client,
          throttles,
          undefined,
          Array.isArray(language) ? language.join(",") : (language ?? null),
        );
      },
      parse: (source) => parse(source, { maxTokens: limits.maxTokens }),
      validate: (s, document) => {
        const errors = validate(s, document, rules);
        if (errors.length) return errors;
        // Only subscriptions travel over the socket; queries and mutations go over HTTP (with its limits and throttles).
        const other = document.definitions.some(
          (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== OperationTypeNode.SUBSCRIPTION,
        );
        return other
          ? [
              // Sent as it is (graphql-ws formats no validation error): in English.
              new GraphQLError(translate("en", "error.subscriptionsOnlyOverWebSocket"), {
                extensions: { code: "BAD_REQUEST" },
              }),
            ]
          : [];
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        options.metrics?.subscriptionEvent();
        const r = result as ExecutionResult;
        if (!r.errors?.length) return undefined;
        const locale = (args.contextValue as RequestContext).locale;
        return { ...r, errors: r.errors.map((e) => localizeError(formatError(e.toJSON(), e), locale)) };
      },
    },
    wss,
  );

  return {
    wss,
    async close() {
      for (const socket of wss.clients) socket.close(1001, "Going away");
      await disposable.dispose();
    },
  };
}
