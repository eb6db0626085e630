import { isDatabaseUnavailable } from "./unavailable";
import { errorFields, logger } from "../log";

export type DependencyName = "db" | "redis";
export type DependencyState = "ok" | "unreachable";

const globalDeps = globalThis as unknown as { marginaliaDependencies?: Map<DependencyName, Dependency> };

/**
 * What this process knows of a service it depends on (Postgres, Redis), from the outcome of
 * real work: one warning when it goes away, one line when it is back (with how long it was
 * gone and how many operations failed meanwhile), and only a counter in between, so an outage
 * costs two log lines per process however much traffic it meets.
 */
export class Dependency {
  state: DependencyState = "ok";
  private since = 0;
  private failures = 0;
  private listeners = new Set<(state: DependencyState) => void>();

  constructor(readonly name: DependencyName) {}

  /** An operation failed because the service could not be reached. */
  failed(error: unknown, operation?: string) {
    this.failures++;
    if (this.state === "unreachable") return;
    this.state = "unreachable";
    this.since = Date.now();
    logger().warn({ dependency: this.name, operation, ...errorFields(error) }, `${this.name} unreachable`);
    this.emit();
  }

  /** An operation succeeded (or a connection was made). */
  succeeded() {
    if (this.state === "ok") return;
    const downMs = Date.now() - this.since;
    logger().info({ dependency: this.name, downMs, failures: this.failures }, `${this.name} is back after ${(downMs / 1000).toFixed(1)} s (${this.failures} operations failed meanwhile)`);
    this.state = "ok";
    this.failures = 0;
    this.emit();
  }

  /** Called on every change of state; returns the unsubscribe function. */
  onChange(listener: (state: DependencyState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    for (const listener of this.listeners) listener(this.state);
  }
}

/** The process-wide record of a dependency. */
export function dependency(name: DependencyName): Dependency {
  globalDeps.marginaliaDependencies ??= new Map();
  let found = globalDeps.marginaliaDependencies.get(name);
  if (!found) globalDeps.marginaliaDependencies.set(name, (found = new Dependency(name)));
  return found;
}

/**
 * Records an error that means the database could not be reached (true), so the caller logs
 * nothing more; false for any other error, which the caller reports as it always did.
 */
export function isDatabaseOutage(error: unknown, operation: string): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  dependency("db").failed(error, operation);
  return true;
}
