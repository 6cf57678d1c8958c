// HTTP: /graphql (Apollo Server on node:http, Sandbox in development), /healthz.
import http from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLFormattedError } from "graphql";
import { DataSource } from "typeorm";
import type { Config } from "./config";
import { RequestContext } from "./context";
import { authenticate } from "./domain/users/auth.service";
import { createSchema } from "./graphql/schema";

const PUBLIC_CODES = new Set([
  "UNAUTHENTICATED", "ACCESS_DENIED", "NOT_FOUND", "BAD_USER_INPUT", "THROTTLED",
  "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "OPERATION_RESOLUTION_FAILURE",
]);
const MAX_BODY = 1024 * 1024;

/** Internal errors are masked: a code and a fixed message, never a stack or a driver's words. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) return { ...formatted, extensions: { code } };
  console.error("internal error:", error);
  return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export type ServerOptions = Partial<Pick<Config, "production" | "corsOrigins" | "limits" | "redisUrl">>;

export async function createServer(ds: DataSource, options: ServerOptions = {}) {
  const apollo = new ApolloServer<RequestContext>({
    schema: await createSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    plugins: [options.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true })],
  });
  await apollo.start();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/healthz") {
        await ds.query("SELECT 1");
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
        return;
      }
      if (url.pathname !== "/graphql") {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found: GraphQL is at /graphql\n");
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      const raw = req.method === "POST" ? await readBody(req) : "";
      let body: unknown = raw;
      if (raw && (headers.get("content-type") ?? "").includes("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "Body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] }));
          return;
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => {
          const token = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
          const client = { userAgent: String(req.headers["user-agent"] ?? "").slice(0, 400), ip: req.socket.remoteAddress ?? "" };
          return new RequestContext(ds, token ? await authenticate(ds, token) : null, client);
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
      if (status === 500) console.error("request failed:", error);
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
    },
  };
}
