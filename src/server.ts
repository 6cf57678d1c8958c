// HTTP: /graphql (Apollo Server on node:http, Sandbox in development), /healthz.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import proxyaddr from "proxy-addr";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { DataSource } from "typeorm";
import { DEFAULT_LIMITS, DEFAULT_SESSION_TTL_MS, type Config } from "./config";
import { RequestContext, type Viewer } from "./graphql/context";
import { isDatabaseUnavailable } from "./db/transaction";
import { authenticate } from "./domain/users/auth.service";
import { inputBoundsPlugin } from "./graphql/input-bounds";
import { aliasLimitRule, costLimitPlugin, createCostBuckets, depthLimitRule, LIMIT_CODES } from "./graphql/limits";
import { createSchema } from "./graphql/schema";
import { describeForLog, logger as processLogger, requestIdFrom, type Logger } from "./observability/logger";
import { createMetrics } from "./observability/metrics";
import { inOperationSpan, tagRequest, tracingEnabled } from "./observability/tracing";
import { createThrottles, type ThrottleOptions } from "./security/throttle";
import { registerBus, unregisterBus } from "./realtime/events";
import { bindCachesToBus, cachesTrueAsOf } from "./db/caches";
import { createEventBus } from "./realtime/pubsub";
import { attachSubscriptions } from "./realtime/ws";
import { described, I18N_EXTENSION, languagePlugin } from "./graphql/language";
import { msg } from "./i18n";

export { describeForLog };

const DATABASE_UNAVAILABLE = "The database is unavailable; try again shortly.";
const PUBLIC_CODES = new Set([
  "UNAUTHENTICATED",
  "ACCESS_DENIED",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "THROTTLED",
  "SERVICE_UNAVAILABLE",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  ...LIMIT_CODES,
]);
/** Extensions a public error may carry besides its code (THROTTLED's retry hint). */
const PUBLIC_EXTENSIONS = ["retryAfterSeconds", "rule"];

/** A limit broken in validation (depth, aliases) keeps its own code instead of GRAPHQL_VALIDATION_FAILED. */
function limitCode(error: unknown): string | undefined {
  const code =
    (error as GraphQLError | undefined)?.originalError &&
    ((error as GraphQLError).originalError as GraphQLError).extensions?.code;
  return typeof code === "string" && (LIMIT_CODES as readonly string[]).includes(code) ? code : undefined;
}

/** Internal errors are masked: a code and a fixed message, never a stack or a driver's words. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production = false,
  log?: Logger,
): GraphQLFormattedError {
  const code = limitCode(error) ?? (formatted.extensions?.code as string | undefined);
  if (code && PUBLIC_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    // A limit broken in validation keeps its own extensions on the original error.
    const original = (error as GraphQLError | undefined)?.originalError as GraphQLError | undefined;
    const descriptor =
      code === "SERVICE_UNAVAILABLE"
        ? msg("error.databaseUnavailable")
        : (formatted.extensions?.[I18N_EXTENSION] ?? original?.extensions?.[I18N_EXTENSION]);
    for (const key of PUBLIC_EXTENSIONS) {
      const value = formatted.extensions?.[key] ?? original?.extensions?.[key];
      if (value !== undefined) extensions[key] = value;
    }
    // In production the schema is not for browsing: no "Did you mean ...?" suggestions.
    const message =
      code === "SERVICE_UNAVAILABLE"
        ? DATABASE_UNAVAILABLE
        : production
          ? formatted.message.replace(/ ?Did you mean [^?]*\?/g, "")
          : formatted.message;
    return described({ ...formatted, message, extensions }, descriptor);
  }
  // PostgreSQL down or restarting: a clear, retryable answer instead of a masked internal error.
  if (isDatabaseUnavailable(error))
    return described(
      {
        message: DATABASE_UNAVAILABLE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "SERVICE_UNAVAILABLE" },
      },
      msg("error.databaseUnavailable"),
    );
  // Logged already with the request's id (observabilityPlugin) when it arose in a request's operation.
  if (!loggedErrors.has(error as object) && !loggedErrors.has((error as GraphQLError | undefined)?.originalError ?? {}))
    (log ?? processLogger).error(
      { path: formatted.path?.join(".") ?? "", error: describeForLog(error) },
      "internal error",
    );
  return described(
    {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    },
    msg("error.internal"),
  );
}

/** Whether formatError masks this error as an internal one (and logs it). */
function isInternal(error: GraphQLError): boolean {
  const code = limitCode(error) ?? error.extensions?.code;
  return !(typeof code === "string" && PUBLIC_CODES.has(code)) && !isDatabaseUnavailable(error);
}

/** Internal errors logged with their request's logger: formatError (which has no context) logs them no more. */
const loggedErrors = new WeakSet<object>();

/** What one request leaves for its log line and metrics (filled by the plugin below). */
interface RequestInfo {
  log: Logger;
  /** X-Request-Id: on the log lines and, with tracing, on the spans. */
  requestId: string;
  operationName?: string | null;
  operationType?: string | null;
  outcome?: string;
  throttled?: boolean;
  denied?: boolean;
}

/**
 * The GraphQL context of an HTTP request: the request's data (its id's logger, what its log line
 * and metrics report) travel on the context, not in AsyncLocalStorage (issue 12, item 3).
 */
class HttpRequestContext extends RequestContext {
  constructor(
    readonly request: RequestInfo,
    ...args: ConstructorParameters<typeof RequestContext>
  ) {
    super(...args);
  }
}

/** Error codes in the userErrors of the top-level payloads. */
function userErrorCodes(data: Record<string, unknown> | null | undefined): string[] {
  const codes: string[] = [];
  for (const value of Object.values(data ?? {})) {
    const userErrors = (value as { userErrors?: unknown } | null)?.userErrors;
    if (Array.isArray(userErrors))
      for (const e of userErrors as ({ code?: unknown } | null)[]) if (typeof e?.code === "string") codes.push(e.code);
  }
  return codes;
}

/** Records the operation name and the outcome (ok, user_error, or the first error code) of a GraphQL request. */
function observabilityPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    // Apollo's hooks return promises; these have nothing to wait for.
    requestDidStart({ contextValue }) {
      if (!(contextValue instanceof HttpRequestContext)) return Promise.resolve();
      const info = contextValue.request;
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!isInternal(error)) continue;
            info.log.error({ path: error.path?.join(".") ?? "", error: describeForLog(error) }, "internal error");
            loggedErrors.add(error);
          }
          return Promise.resolve();
        },
        didResolveOperation(rc) {
          info.operationName = rc.operationName ?? null;
          info.operationType = rc.operation?.operation ?? null;
          return Promise.resolve();
        },
        willSendResponse(rc) {
          if (info.operationName === undefined)
            info.operationName = rc.operationName ?? rc.request.operationName ?? null;
          if (rc.response.body.kind !== "single") {
            info.outcome = "ok";
            return Promise.resolve();
          }
          const { errors, data } = rc.response.body.singleResult;
          const codes = (errors ?? []).map((e) =>
            typeof e.extensions?.code === "string" ? e.extensions.code : "INTERNAL_SERVER_ERROR",
          );
          const userCodes = userErrorCodes(data);
          info.outcome = codes[0] ?? (userCodes.length ? "user_error" : "ok");
          const all = [...codes, ...userCodes];
          info.throttled = all.includes("THROTTLED");
          info.denied = all.some((c) => c === "ACCESS_DENIED" || c === "NOT_FOUND");
          return Promise.resolve();
        },
      });
    },
  };
}

class BodyTooLarge extends Error {}

/** The request body, refused past `max` bytes (by its Content-Length before reading, or while reading). */
async function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > max) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Whether an Authorization header is `Bearer <expected>` (compared in constant time). */
function bearerIs(header: string | undefined, expected: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!given) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(body));

/**
 * CORS, closed by default: only origins listed in corsOrigins (CORS_ORIGINS) get
 * Access-Control-Allow-Origin; no credentials (the token travels in the Authorization header).
 */
function corsHeaders(
  origins: readonly string[],
  origin: string | undefined,
  preflight: boolean,
): Record<string, string> {
  if (!origins.length) return {};
  const headers: Record<string, string> = { vary: "Origin" };
  if (!origin || !origins.includes(origin)) return headers;
  headers["access-control-allow-origin"] = origin;
  if (preflight) {
    headers["access-control-allow-methods"] = "GET, POST, OPTIONS";
    headers["access-control-allow-headers"] =
      "authorization, content-type, apollo-require-preflight, x-apollo-operation-name";
    headers["access-control-max-age"] = "600";
  } else headers["access-control-expose-headers"] = "retry-after";
  return headers;
}

export type ServerOptions = Partial<
  Pick<
    Config,
    | "production"
    | "corsOrigins"
    | "limits"
    | "redisUrl"
    | "redisKeyPrefix"
    | "sessionTtlMs"
    | "metricsToken"
    | "trustProxy"
  >
> & {
  /** Brute-force counters: key prefix (instances sharing counts use the same one; also the cost buckets'), other limits. */
  throttle?: Omit<ThrottleOptions, "redisUrl">;
  /** Where request lines go (default: the process logger, LOG_LEVEL). */
  logger?: Logger;
};

export async function createServer(ds: DataSource, options: ServerOptions = {}) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const corsOrigins = options.corsOrigins ?? [];
  const sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const production = !!options.production;
  const log = options.logger ?? processLogger;
  const metrics = createMetrics(ds, { openSockets: () => subscriptions.wss.clients.size });
  const metricsToken = options.metricsToken ?? null;
  /** Tracing runs (OTEL_EXPORTER_OTLP_ENDPOINT, started before anything loaded): decided once. */
  const tracing = tracingEnabled();
  // The client's address (per-address limits): the socket's, or behind TRUST_PROXY's proxies only,
  // the nearest untrusted address of X-Forwarded-For.
  const trusted = options.trustProxy?.length ? proxyaddr.compile(options.trustProxy) : null;
  const clientAddress = (req: http.IncomingMessage) =>
    trusted ? proxyaddr(req, trusted) : (req.socket.remoteAddress ?? "");
  let metricsServer: http.Server | null = null;
  // The keys in Redis: the brute-force counters' and the cost buckets', shared by instances with the same prefix.
  const keyPrefix = options.throttle?.keyPrefix ?? options.redisKeyPrefix ?? "latchkey";
  // The per-user cost buckets: in Redis with redisUrl (one budget across instances), else in memory.
  const costBuckets = await createCostBuckets(limits, { redisUrl: options.redisUrl, keyPrefix, log });
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    formatError: (formatted, error) => formatError(formatted, error, production),
    includeStacktraceInErrorResponses: false,
    // csrfPrevention stays on (Apollo's default): a GET or a "simple" POST without a preflight header is refused.
    parseOptions: { maxTokens: limits.maxTokens },
    // Fragments spread over and over are refused before the rules below walk them.
    maxRecursiveSelections: true,
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    hideSchemaDetailsFromClientErrors: production,
    stopOnTerminationSignals: false, // main.ts drains HTTP on SIGTERM first, then stops Apollo
    introspection: !options.production,
    plugins: [
      // No cache hints are used: the per-field cache-control bookkeeping would only cost time.
      ApolloServerPluginCacheControlDisabled(),
      // Inline traces are for federated subgraphs, which this schema is not: Apollo's default
      // plugin would only load its protobuf code at every start to find that out.
      ApolloServerPluginInlineTraceDisabled(),
      options.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      languagePlugin(),
      inputBoundsPlugin(),
      costLimitPlugin(limits, costBuckets),
      observabilityPlugin(),
    ],
  });
  await apollo.start();
  // Brute-force counters, one set per server: Redis (redisUrl), else PostgreSQL, else memory.
  const throttles = await createThrottles(ds, { ...options.throttle, keyPrefix, redisUrl: options.redisUrl });
  // Real time: events fan out to every instance (Redis, else PostgreSQL LISTEN/NOTIFY, else in process).
  const bus = await createEventBus(ds, { redisUrl: options.redisUrl, keyPrefix });
  registerBus(ds, bus);
  // The session and standing caches hear other instances' writes on it (src/db/caches.ts).
  const unbindCaches = bindCachesToBus(ds, bus);

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    // A GraphQL request first waits, holding nothing yet, until the caches are true as of its
    // arrival (src/db/caches.ts); what follows then finds them ready and runs without waiting.
    // Waiting later, with its body read and its context built, each of 64 connections' requests
    // held that state across a round trip of the bus, and V8 promoted it to the old generation:
    // on PostgreSQL peak RSS was 232-250 MB under that load, 156-161 MB waiting here. A request
    // whose client left meanwhile is not served.
    const arrived = performance.now();
    if (req.method === "OPTIONS" || !req.url?.startsWith("/graphql")) serve(req, res, started, arrived);
    else
      void cachesTrueAsOf(ds, arrived)
        .then(() => {
          if (!req.destroyed && !res.destroyed) serve(req, res, started, arrived);
        })
        .catch((error: unknown) => {
          log.error({ error: describeForLog(error) }, "request failed");
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, started: bigint, arrived: number) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const info: RequestInfo = { log: log.child({ requestId }), requestId };
    if (tracing) tagRequest(requestId);
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      // Only the path: a GET query string may carry variables.
      info.log.info(
        {
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10000) / 10,
          operationName: info.operationName ?? null,
        },
        "request",
      );
      if (path !== "/graphql" || req.method === "OPTIONS") return;
      const outcome = info.outcome ?? (res.statusCode >= 400 ? `HTTP_${res.statusCode}` : undefined);
      if (outcome)
        metrics.observe({
          operation: info.operationName ?? null,
          outcome,
          seconds,
          throttled: !!info.throttled,
          denied: !!info.denied,
        });
    });
    void handle(req, res, info, arrived);
  };

  // GraphQL subscriptions over graphql-ws on the same /graphql (src/realtime/ws.ts).
  const subscriptions = attachSubscriptions(server, {
    ds,
    schema: await createSchema(),
    throttles,
    limits,
    formatError: (formatted, error) => formatError(formatted, error, production),
    metrics,
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, info: RequestInfo, arrived: number) {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      // /metrics on the public port only to METRICS_TOKEN's bearer; otherwise on METRICS_PORT (listenMetrics).
      if (url.pathname === "/metrics" && metricsToken) {
        if (!bearerIs(req.headers.authorization, metricsToken)) {
          res
            .writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' })
            .end("Unauthorized: /metrics needs METRICS_TOKEN as a bearer token\n");
          return;
        }
        res.writeHead(200, { "content-type": metrics.contentType }).end(await metrics.text());
        return;
      }
      if (url.pathname === "/readyz") {
        let reason: string | null = null;
        await ds.query("SELECT 1").catch(() => (reason = "database unreachable"));
        if (!reason)
          reason = await ds.showMigrations().then(
            (pending) => (pending ? "migrations pending" : null),
            () => "migrations could not be checked",
          );
        json(res, reason ? 503 : 200, reason ? { status: "unavailable", reason } : { status: "ready" });
        return;
      }
      if (url.pathname === "/healthz") {
        const up = await ds.query("SELECT 1").then(
          () => true,
          () => false,
        );
        res
          .writeHead(up ? 200 : 503, { "content-type": "application/json" })
          .end(JSON.stringify({ status: up ? "ok" : "unavailable" }));
        return;
      }
      if (url.pathname !== "/graphql") {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found: GraphQL is at /graphql\n");
        return;
      }
      const origin = typeof req.headers.origin === "string" ? req.headers.origin : undefined;
      if (req.method === "OPTIONS") {
        res.writeHead(204, corsHeaders(corsOrigins, origin, true)).end();
        return;
      }
      const cors = corsHeaders(corsOrigins, origin, false);
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      let raw = "";
      if (req.method === "POST") {
        try {
          raw = await readBody(req, limits.maxBodyBytes);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          // Stop here: answer, and close the connection rather than read the rest.
          const message = `The request body is larger than ${limits.maxBodyBytes} bytes.`;
          json(res, 413, { errors: [{ message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }, { connection: "close" });
          return;
        }
      }
      let body: unknown = raw;
      if (raw && (headers.get("content-type") ?? "").includes("application/json")) {
        try {
          body = JSON.parse(raw);
          const name = (body as { operationName?: unknown } | null)?.operationName;
          if (typeof name === "string") info.operationName = name;
        } catch {
          json(res, 400, { errors: [{ message: "Body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
          return;
        }
      }
      const execute = () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
          context: async () => {
            const token = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
            const client = {
              userAgent: String(req.headers["user-agent"] ?? "").slice(0, 400),
              ip: clientAddress(req),
            };
            let viewer: Viewer | null;
            try {
              viewer = token ? await authenticate(ds, token, arrived) : null;
            } catch (error) {
              // The session lookup is the first query: a database that is down answers 503 here.
              if (!isDatabaseUnavailable(error)) {
                // Before any request hook: logged here with the request's id, formatError logs it no more.
                info.log.error({ path: "", error: describeForLog(error) }, "internal error");
                if (error !== null && typeof error === "object") loggedErrors.add(error);
                throw error;
              }
              throw new GraphQLError(DATABASE_UNAVAILABLE, {
                extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } },
              });
            }
            return new HttpRequestContext(
              info,
              ds,
              viewer,
              client,
              throttles,
              sessionTtlMs,
              headers.get("accept-language"),
              arrived,
            );
          },
        });
      // With tracing, the operation runs in its own span (name, outcome, request id); without, as is.
      const response = tracing ? await inOperationSpan(info, execute) : await execute();
      const outHeaders: Record<string, string> = {};
      for (const [k, v] of response.headers) outHeaders[k] = v;
      res.writeHead(response.status ?? 200, outHeaders);
      if (response.body.kind === "complete") res.end(response.body.string);
      else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (status === 500) info.log.error({ error: describeForLog(error) }, "request failed");
      if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 500 ? "Internal server error\n" : "Request rejected\n");
    }
  }

  return {
    server,
    /** This server's metrics: main.ts counts the scheduler's and the outbox's work in them too. */
    metrics,
    listen(port: number, host = "0.0.0.0") {
      return new Promise<number>((resolve) =>
        server.listen(port, host, () => resolve((server.address() as { port: number }).port)),
      );
    },
    /** Serves /metrics alone on a port of its own (METRICS_PORT: an internal network), without a token. */
    listenMetrics(port: number, host = "0.0.0.0") {
      const internal = (metricsServer = http.createServer((req, res) => {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        if (path !== "/metrics") {
          res.writeHead(404, { "content-type": "text/plain" }).end("Not found: only /metrics here\n");
          return;
        }
        metrics.text().then(
          (text) => res.writeHead(200, { "content-type": metrics.contentType }).end(text),
          (error: unknown) => {
            log.error({ error: describeForLog(error) }, "metrics failed");
            res.writeHead(500, { "content-type": "text/plain" }).end("Internal server error\n");
          },
        );
      }));
      return new Promise<number>((resolve) =>
        internal.listen(port, host, () => resolve((internal.address() as { port: number }).port)),
      );
    },
    async close() {
      const internal = metricsServer;
      if (internal) await new Promise<void>((resolve) => internal.close(() => resolve()));
      await subscriptions.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await throttles.close();
      await costBuckets.close();
      unregisterBus(ds, bus);
      unbindCaches();
      await bus.close();
    },
  };
}
