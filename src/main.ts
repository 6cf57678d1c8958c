// `npm start`: the command line is parsed before anything else loads (`--help` and a wrong
// argument answer at once and touch nothing), then src/serve.ts runs the server.
import { parseCommandLine } from "./cli";

const USAGE = `usage: node dist/src/main.js   (npm start)
Serves the GraphQL API on http://localhost:PORT/graphql: migrates the database first and, in
development (NODE_ENV unset, development or test), loads the demo fixture into an empty one; a production
start leaves an empty database empty (its first account: npm run account:create). Takes no
arguments; configured by the environment:
  PORT                                  HTTP port (4000)
  DATABASE_URL                          postgres://user@host:5432/db or sqlite:path/to.sqlite (sqlite:data/latchkey.sqlite)
  NODE_ENV=production                   no Sandbox, introspection or "Did you mean" suggestions
  REDIS_URL                             brute-force counters, query-cost buckets and events in Redis, shared by every instance
  CORS_ORIGINS                          comma-separated browser origins allowed by CORS (none)
  COST_BUCKET_SIZE, COST_LEAK_PER_SECOND   the per-user query-cost bucket (1000, 50)
  DEMO_FIXTURE                          the fixture loaded into an empty development database (seeds/demo.json)
  SWEEP_INTERVAL_MS, LOG_LEVEL, SMTP_URL   expiry sweep interval (60000), pino level (info), outgoing mail
  TRUST_PROXY                           load balancers (addresses or CIDRs, comma-separated) whose X-Forwarded-For
                                        gives the client's address for per-address limits (none: the socket's)
  METRICS_PORT                          serve /metrics on this port of its own (internal network)
  METRICS_TOKEN                         serve /metrics on PORT to "Authorization: Bearer METRICS_TOKEN" only
                                        (neither: /metrics is not served)
  OTEL_EXPORTER_OTLP_ENDPOINT           send traces (OpenTelemetry, OTLP/HTTP) to this collector (none: no tracing)
  ARGON2_MEMORY_KIB, ARGON2_PASSES      argon2id's cost for new password hashes (19456, 2: OWASP's, the least production takes)
  REDIS_KEY_PREFIX                      prefix of every key in Redis (latchkey): deployments sharing one Redis differ`;

parseCommandLine({ usage: USAGE });
// Required, not imported: nothing of the server loads before the command line is parsed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./serve");
