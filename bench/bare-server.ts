// The baseline: a bare Apollo Server on node:http answering the benchmark query from memory.
// Same response shape and field names as Latchkey, the same request handler shape as
// src/server.ts (read the body, parse JSON, executeHTTPGraphQLRequest), and a check that an
// Authorization header is there, but no database, no abilities, no loaders: what is left is
// what GraphQL over HTTP costs, so the ratio shows what Latchkey adds on top.
//
//   node dist/bench/bare-server.js RESPONSE.json    (PORT, default 0; prints "Bare on http://127.0.0.1:<port>/graphql")
// RESPONSE.json: { "storeId": "gid://...", "data": <Latchkey's `data` for the benchmark query> }
import http from "node:http";
import { readFileSync } from "node:fs";
import { parseCommandLine } from "../src/cli";

const USAGE = `usage: node dist/bench/bare-server.js RESPONSE.json   (started by npm run bench)
Answers the benchmark query from memory on PORT (default 0) and prints "Bare on http://127.0.0.1:<port>/graphql".
RESPONSE.json: { "storeId": "gid://...", "data": <Latchkey's \`data\` for the benchmark query> }`;

const typeDefs = /* GraphQL */ `
  type Query {
    store(id: ID!): Store
  }
  type Store {
    id: ID!
    collaborators(first: Int, after: String, last: Int, before: String): CollaboratorConnection!
  }
  type CollaboratorConnection {
    nodes: [Collaborator!]!
  }
  type Collaborator {
    user: User!
    roles: [Role!]!
    partnerOrganization: PartnerOrganization
  }
  type User {
    name: String!
    email: String!
  }
  type Role {
    name: String!
    permissions: [Permission!]!
  }
  type Permission {
    handle: String!
  }
  type PartnerOrganization {
    name: String!
  }
`;

interface Captured {
  storeId: string;
  data: { store: { collaborators: { nodes: unknown[] } } };
}

const MAX_BODY = 1024 * 1024;

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

async function main() {
  const [file] = parseCommandLine({ usage: USAGE, positionals: { min: 1, max: 1 } }).positionals;
  // Apollo Server and graphql load once the command line is parsed: --help and a wrong argument need none.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { ApolloServer, HeaderMap } = require("@apollo/server") as typeof import("@apollo/server");
  const { ApolloServerPluginLandingPageDisabled } =
    require("@apollo/server/plugin/disabled") as typeof import("@apollo/server/plugin/disabled");
  const { GraphQLError } = require("graphql") as typeof import("graphql");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const captured = JSON.parse(readFileSync(file, "utf8")) as Captured;
  const nodes = captured.data.store.collaborators.nodes;

  const resolvers = {
    Query: {
      store: (_: unknown, args: { id: string }) => (args.id === captured.storeId ? { id: captured.storeId } : null),
    },
    Store: {
      collaborators: (_: unknown, args: { first?: number | null }) => ({
        nodes: nodes.slice(0, args.first ?? nodes.length),
      }),
    },
  };

  const apollo = new ApolloServer<{ token: string }>({
    typeDefs,
    resolvers,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== "production",
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  // answer() catches its own errors (it answers them with a status), so nothing is left unhandled.
  const server = http.createServer((req, res) => void answer(req, res));
  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname !== "/graphql") {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not found: GraphQL is at /graphql\n");
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      const raw = req.method === "POST" ? await readBody(req) : "";
      let body: unknown = raw;
      if (raw && (headers.get("content-type") ?? "").includes("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          res
            .writeHead(400, { "content-type": "application/json" })
            .end(
              JSON.stringify({ errors: [{ message: "Body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] }),
            );
          return;
        }
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: () => {
          // Comparable work per request: a bearer token must be there (it is not looked up).
          const token = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
          if (!token)
            return Promise.reject(
              new GraphQLError("Sign in first.", {
                extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
              }),
            );
          return Promise.resolve({ token });
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
  }

  const port = await new Promise<number>((resolve) =>
    server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () =>
      resolve((server.address() as { port: number }).port),
    ),
  );
  console.log(`Bare on http://127.0.0.1:${port}/graphql`);
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();
    process.exit(0);
  };
  const onSignal = () => {
    stop().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
