// HTTP: /graphql (Apollo Server on node:http, Sandbox in development), /healthz.
import http from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { DataSource } from "typeorm";
import { DEFAULT_LIMITS, type Config } from "./config";
import { RequestContext } from "./context";
import { isDatabaseUnavailable } from "./db/transaction";
import { authenticate } from "./domain/users/auth.service";
import { inputBoundsPlugin } from "./graphql/input-bounds";
import { aliasLimitRule, costLimitPlugin, depthLimitRule, LIMIT_CODES } from "./graphql/limits";
import { createSchema } from "./graphql/schema";
import { createThrottles, type ThrottleOptions } from "./security/throttle";

const DATABASE_UNAVAILABLE = "The database is unavailable; try again shortly.";
const PUBLIC_CODES = new Set([
  "UNAUTHENTICATED", "ACCESS_DENIED", "NOT_FOUND", "BAD_USER_INPUT", "THROTTLED", "SERVICE_UNAVAILABLE",
  "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "OPERATION_RESOLUTION_FAILURE",
  ...LIMIT_CODES,
]);
/** Extensions a public error may carry besides its code (THROTTLED's retry hint). */
const PUBLIC_EXTENSIONS = ["retryAfterSeconds"];

/** A limit broken in validation (depth, aliases) keeps its own code instead of GRAPHQL_VALIDATION_FAILED. */
function limitCode(error: unknown): string | undefined {
  const code = (error as GraphQLError | undefined)?.originalError && ((error as GraphQLError).originalError as GraphQLError).extensions?.code;
  return typeof code === "string" && (LIMIT_CODES as readonly string[]).includes(code) ? code : undefined;
}

/** What an internal error may put in the log: its kind, words and stack; never variables, SQL parameters or tokens. */
export function describeForLog(error: unknown): string {
  const inner = (error as GraphQLError | undefined)?.originalError ?? error;
  if (inner instanceof Error) return inner.stack?.startsWith(`${inner.name}: `) ? inner.stack : `${inner.name}: ${inner.message}\n${inner.stack ?? ""}`;
  return typeof inner;
}

/** Internal errors are masked: a code and a fixed message, never a stack or a driver's words. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production = false): GraphQLFormattedError {
  const code = limitCode(error) ?? (formatted.extensions?.code as string | undefined);
  if (code && PUBLIC_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of PUBLIC_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    // In production the schema is not for browsing: no "Did you mean ...?" suggestions.
    const message =
      code === "SERVICE_UNAVAILABLE" ? DATABASE_UNAVAILABLE : production ? formatted.message.replace(/ ?Did you mean [^?]*\?/g, "") : formatted.message;
    return { ...formatted, message, extensions };
  }
  // PostgreSQL down or restarting: a clear, retryable answer instead of a masked internal error.
  if (isDatabaseUnavailable(error)) return { message: DATABASE_UNAVAILABLE, locations: formatted.locations, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } };
  console.error("internal error:", formatted.path?.join(".") ?? "", describeForLog(error));
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
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

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(body));

/**
 * CORS, closed by default: only origins listed in corsOrigins (CORS_ORIGINS) get
 * Access-Control-Allow-Origin; no credentials (the token travels in the Authorization header).
 */
function corsHeaders(origins: readonly string[], origin: string | undefined, preflight: boolean): Record<string, string> {
  if (!origins.length) return {};
  const headers: Record<string, string> = { vary: "Origin" };
  if (!origin || !origins.includes(origin)) return headers;
  headers["access-control-allow-origin"] = origin;
  if (preflight) {
    headers["access-control-allow-methods"] = "GET, POST, OPTIONS";
    headers["access-control-allow-headers"] = "authorization, content-type, apollo-require-preflight, x-apollo-operation-name";
    headers["access-control-max-age"] = "600";
  } else headers["access-control-expose-headers"] = "retry-after";
  return headers;
}

export type ServerOptions = Partial<Pick<Config, "production" | "corsOrigins" | "limits" | "redisUrl">> & {
  /** Brute-force counters: key prefix (instances sharing counts use the same one), other limits. */
  throttle?: Omit<ThrottleOptions, "redisUrl">;
};

export async function createServer(ds: DataSource, options: ServerOptions = {}) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const corsOrigins = options.corsOrigins ?? [];
  const production = !!options.production;
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
      options.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }), inputBoundsPlugin(), costLimitPlugin(limits)],
  });
  await apollo.start();
  // Brute-force counters, one set per server: Redis (redisUrl), else PostgreSQL, else memory.
  const throttles = await createThrottles(ds, { ...options.throttle, redisUrl: options.redisUrl });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/healthz") {
        const up = await ds.query("SELECT 1").then(() => true, () => false);
        res.writeHead(up ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: up ? "ok" : "unavailable" }));
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
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
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
        } catch {
          json(res, 400, { errors: [{ message: "Body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
          return;
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => {
          const token = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
          const client = { userAgent: String(req.headers["user-agent"] ?? "").slice(0, 400), ip: req.socket.remoteAddress ?? "" };
          let viewer = null;
          try {
            viewer = token ? await authenticate(ds, token) : null;
          } catch (error) {
            // The session lookup is the first query: a database that is down answers 503 here.
            if (!isDatabaseUnavailable(error)) throw error;
            throw new GraphQLError(DATABASE_UNAVAILABLE, { extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } } });
          }
          return new RequestContext(ds, viewer, client, throttles);
        },
      });
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
      if (status === 500) console.error("request failed:", describeForLog(error));
      if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 500 ? "Internal server error\n" : "Request rejected\n");
    }
  });

  return {
    server,
    listen(port: number, host = "0.0.0.0") {
      return new Promise<number>((resolve) => server.listen(port, host, () => resolve((server.address() as { port: number }).port)));
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await throttles.close();
    },
  };
}
