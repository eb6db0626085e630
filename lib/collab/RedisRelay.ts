import { Redis } from "@hocuspocus/extension-redis";
import type { afterLoadDocumentPayload, Document, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { Redis as IORedis } from "ioredis";
import { dependency } from "../health/dependency";

/**
 * A connection to Redis that fails its commands soon while Redis is away (instead of queueing
 * them for minutes), reconnects every second, and reports errors to the `redis` dependency
 * record (one log line per outage) rather than as unhandled error events.
 */
export function redisClient(url: string, role: string): IORedis {
  const client = new IORedis(url, { maxRetriesPerRequest: 1, retryStrategy: (times) => Math.min(100 * times, 1000) });
  client.on("error", (error) => dependency("redis").failed(error, role));
  client.on("ready", () => dependency("redis").succeeded());
  return client;
}

/** The parts of Hocuspocus's Redis extension this subclass reaches into (private there). */
type Internals = { documents: Map<string, Document>; subKey: (name: string) => string; replyKey: (id: string) => string; replySubscription: Promise<void> };

/**
 * Hocuspocus's Redis extension, which relays updates and awareness between instances, made to
 * live through Redis outages:
 * - no store lock: our update log is append-only, each instance stores its own updates, so the
 *   lock (and its "Another instance is already storing this document" per save) is not needed;
 * - a publish that fails is counted, not logged per document;
 * - a document still loads while Redis is away (without peers);
 * - `resume()`, when Redis is back, subscribes every open document again and announces its state
 *   (a sync step 1), so each peer sends what this instance lacks and asks for what it lacks.
 */
export class RedisRelay extends Redis {
  private hocuspocus?: Hocuspocus;

  constructor(url: string) {
    super({ createClient: () => redisClient(url, "collaboration relay") });
    const publish = this.pub.publish.bind(this.pub) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
    this.pub.publish = ((channel: string | Buffer, message: string | Buffer) =>
      publish(channel, message).catch((error: unknown) => {
        dependency("redis").failed(error, "relaying an update");
        return 0;
      })) as typeof this.pub.publish;
    // The extension unsubscribes an unloaded document with a callback that prints any error.
    const unsubscribe = this.sub.unsubscribe.bind(this.sub) as (...channels: string[]) => Promise<unknown>;
    this.sub.unsubscribe = ((...args: unknown[]) => {
      const callback = typeof args[args.length - 1] === "function" ? (args.pop() as (error: unknown, result?: unknown) => void) : undefined;
      return unsubscribe(...(args as string[])).then(
        (result) => (callback?.(null, result), result),
        (error: unknown) => {
          dependency("redis").failed(error, "unsubscribing a document");
          callback?.(null);
          return 0;
        },
      );
    }) as typeof this.sub.unsubscribe;
  }

  async onConfigure(payload: onConfigurePayload) {
    this.hocuspocus = payload.instance;
    await super.onConfigure(payload);
  }

  async onStoreDocument() {}

  async afterStoreDocument() {}

  async afterLoadDocument(payload: afterLoadDocumentPayload) {
    try {
      await super.afterLoadDocument(payload);
    } catch (error) {
      // Redis away: the document opens from storage alone; resume() links it when Redis returns.
      dependency("redis").failed(error, "subscribing to a document");
    }
  }

  /** Redis is back: subscribe again and announce every open document's state to the other instances. */
  async resume() {
    const internals = this as unknown as Internals;
    const identifier = this.configuration.identifier;
    internals.replySubscription = this.sub.subscribe(internals.replyKey(identifier)).then(() => undefined);
    internals.replySubscription.catch(() => {});
    for (const [name, document] of this.hocuspocus?.documents ?? []) {
      internals.documents.set(name, document);
      try {
        await this.sub.subscribe(internals.subKey(name));
        await this.onChange({ documentName: name, document, transactionOrigin: undefined } as unknown as Parameters<Redis["onChange"]>[0]);
      } catch (error) {
        dependency("redis").failed(error, "resubscribing a document");
        return;
      }
    }
  }
}
