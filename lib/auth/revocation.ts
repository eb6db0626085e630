import { EventEmitter } from "node:events";

/** How an actor proved who they are: a personal API token or a browser session, by id (revocation closes what each opened). */
export type Credential = { kind: "token" | "session"; id: string };

/** Credentials that just stopped being valid: browser sessions and API tokens, by id. */
export type Revocation = { sessionIds?: string[]; tokenIds?: string[] };

const LOCAL = "revoked";
const RELAYED = "revoked.relayed";
const globalBus = globalThis as unknown as { marginaliaRevocations?: EventEmitter };

/** One bus per process: route handlers and server actions publish, the collaboration server and open streams listen. */
function bus(): EventEmitter {
  if (!globalBus.marginaliaRevocations) {
    globalBus.marginaliaRevocations = new EventEmitter();
    globalBus.marginaliaRevocations.setMaxListeners(0);
  }
  return globalBus.marginaliaRevocations;
}

/** Announces revoked credentials to this process (and, through the collaboration server's Redis relay, to every instance). */
export function publishRevocation(revocation: Revocation) {
  if (revocation.sessionIds?.length || revocation.tokenIds?.length) bus().emit(LOCAL, revocation);
}

/** Subscribes to this process's own revocations (the Redis relay forwards them); returns the unsubscribe. */
export function onRevocation(listener: (revocation: Revocation) => void): () => void {
  bus().on(LOCAL, listener);
  return () => bus().off(LOCAL, listener);
}

/** Re-emits a revocation that happened on another instance; kept apart so the relay never sends it back. */
export function relayRevocation(revocation: Revocation) {
  bus().emit(RELAYED, revocation);
}

/** Subscribes to revocations of every instance: this one's and those relayed from others. */
export function onRevocationAnywhere(listener: (revocation: Revocation) => void): () => void {
  bus().on(LOCAL, listener);
  bus().on(RELAYED, listener);
  return () => {
    bus().off(LOCAL, listener);
    bus().off(RELAYED, listener);
  };
}

/** Whether a revocation covers the credential something was opened with. */
export function revokes(revocation: Revocation, credential: Credential): boolean {
  return (credential.kind === "token" ? revocation.tokenIds : revocation.sessionIds)?.includes(credential.id) ?? false;
}
