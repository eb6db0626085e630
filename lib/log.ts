import pino, { type Logger } from "pino";
import { env } from "./env";

const globalLog = globalThis as unknown as { marginaliaLogger?: Logger };

/**
 * The process's structured logger (pino, one JSON object per line on stdout), at LOG_LEVEL.
 * Cached on globalThis: server.ts and Next's bundled route modules share one process.
 */
export function logger(): Logger {
  globalLog.marginaliaLogger ??= pino({ level: env().LOG_LEVEL, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  return globalLog.marginaliaLogger;
}

/** A logger whose lines carry `component` (collab, api, mail …). */
export function componentLogger(component: string): Logger {
  return logger().child({ component });
}

/** An error as log fields: its message and code, not a stack per line of an outage. */
export function errorFields(error: unknown): { err: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.name, ...(typeof code === "string" ? { code } : {}) };
  }
  return { err: String(error) };
}
