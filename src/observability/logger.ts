// Structured logs: pino, one JSON object per line (level, time, msg, ...). Never secrets: the
// paths below are redacted wherever they appear, and request bodies and variables are never logged.
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";
import { configuredLogLevel, LOG_LEVELS, type LogLevel } from "../config";

export type { Logger } from "pino";

/** Keys that may carry a secret, redacted at the top level, one and two levels down. */
const SECRET_KEYS = [
  "authorization",
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "otp",
  "requestCode",
  "cookie",
];
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "headers.cookie",
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  "variables",
  "*.variables",
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (default: stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? configuredLogLevel(),
      base: undefined, // no pid / hostname on every line
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    options.destination,
  );
}

/** The process-wide logger (LOG_LEVEL; silent under tests). */
export const logger: Logger = createLogger();

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is safe to echo and log, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/** What an error may put in the log: its kind, words and stack; never variables, SQL parameters or tokens. */
export function describeForLog(error: unknown): string {
  const inner = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
  if (inner instanceof Error)
    return inner.stack?.startsWith(`${inner.name}: `)
      ? inner.stack
      : `${inner.name}: ${inner.message}\n${inner.stack ?? ""}`;
  return typeof inner;
}

export { LOG_LEVELS };
