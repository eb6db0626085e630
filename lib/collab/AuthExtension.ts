import type { beforeHandleAwarenessPayload, connectedPayload, Extension, Hocuspocus, onAuthenticatePayload, onStatelessPayload } from "@hocuspocus/server";
import { authenticationSucceeded, beginAuthentication } from "../auth/rate-limit";
import type { Credential } from "../auth/revocation";
import { isDatabaseOutage } from "../health/dependency";
import { isSameOriginRequest, publicOrigin } from "../http/origin";
import { liveDocumentAccess } from "../queries/document-access";
import { collabUser } from "./access";
import { newPseudonym, setPresenceView, stampIdentity, type PresenceView } from "./presence";
import { STORAGE_UNAVAILABLE } from "./messages";

/** What onAuthenticate puts on every connection. */
export type CollabContext = {
  userId: string;
  name: string;
  groupId: string;
  origin?: string;
  /** This connection's id in presence when its group is anonymous to peers. */
  pseudonym: string;
  /** What this connection may see of others' presence (shared with the socket's frame filter). */
  presence: PresenceView;
  /** The session or API token it was opened with; revoking that closes it (CredentialWatcher). */
  credential: Credential;
};

/** Set by the collaboration server from the socket (a client's own value is overwritten): who is connecting, for per-address limits. */
export const CLIENT_ADDRESS_HEADER = "x-marginalia-client-address";

/** A started authentication counts against its user's connections until it connects, or for this long. */
const PENDING_MS = 30_000;

/** Awareness fields that show someone as editing; stripped from read-only connections. */
const EDITING_FIELDS = ["cursor", "selection", "caret"];

/**
 * Authentication and authorization at connect, through lib/policies: no read right →
 * refused; read without edit → read-only. Read-only connections also get no editing
 * presence (carets) and no stateless messages through, which Hocuspocus allows by default.
 * Identity in awareness comes from the server, so nobody can appear under another name; in a
 * group anonymous to peers it is "A classmate" under a per-connection id, and only moderators'
 * sockets get names back (lib/collab/presence.ts).
 * A browser always names the page's origin on a WebSocket upgrade and sends our cookie
 * whichever site opened it: a cookie-authenticated connection from another origin is
 * refused (cross-site WebSocket hijacking); a token is never sent by the browser on its own.
 * A database that cannot be reached proves nothing about access: that refusal is retryable
 * (STORAGE_UNAVAILABLE), never "permission denied". Wrong credentials count against the
 * client's address (then "rate-limited"), and one user may hold at most `maxConnectionsPerUser`
 * document connections on this instance ("too-many-connections").
 */
export class AuthExtension implements Extension {
  extensionName = "MarginaliaAuth";
  priority = 1000;
  /** Authentications that passed and are not connected yet; `request` is their socket's (see forgetSocket). */
  private pending = new Set<{ userId: string; request: Request; at: number }>();

  constructor(private configuration: { maxConnectionsPerUser: number } = { maxConnectionsPerUser: 40 }) {}

  async onAuthenticate({ token, request, requestHeaders, documentName, connectionConfig, instance }: onAuthenticatePayload): Promise<CollabContext> {
    const pageOrigin = requestHeaders.get("origin");
    if (!token && pageOrigin !== null && !isSameOriginRequest(requestHeaders)) throw { reason: "cross-origin" };
    const address = requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
    await beginAuthentication(address).catch(() => {
      throw { reason: "rate-limited" };
    });
    const found = await lookUp(token ?? "", requestHeaders.get("cookie"), documentName).catch(async (error) => {
      await authenticationSucceeded(address);
      throw error;
    });
    const { user, access } = found;
    if (!user) throw { reason: "unauthorized" };
    await authenticationSucceeded(address);
    // A document you may not read and one that does not exist are indistinguishable.
    if (!access?.read) throw { reason: "not-found" };
    this.reserveConnection(instance, user.id, request);
    connectionConfig.readOnly = !access.edit;
    const anonymousGroup = access.anonymousToPeers;
    const presence: PresenceView = { anonymousGroup, seesNames: !access.viewer.anonymousPeers };
    setPresenceView(request, documentName, presence);
    return { userId: user.id, name: user.name, groupId: access.groupId, origin: publicOrigin(requestHeaders) ?? undefined, pseudonym: newPseudonym(), presence, credential: user.credential };
  }

  async connected({ context, request }: connectedPayload<CollabContext>) {
    for (const entry of this.pending) {
      if (entry.userId === context?.userId && entry.request === request) {
        this.pending.delete(entry);
        break;
      }
    }
  }

  /** A socket closed: what it was still authenticating no longer counts (the collaboration server calls this). */
  forgetSocket(request: Request) {
    for (const entry of this.pending) if (entry.request === request) this.pending.delete(entry);
  }

  /** Counts the user's open connections and those still connecting; refuses one more than allowed. */
  private reserveConnection(instance: Hocuspocus, userId: string, request: Request) {
    const now = Date.now();
    let open = 0;
    for (const entry of this.pending) {
      if (now - entry.at >= PENDING_MS) this.pending.delete(entry);
      else if (entry.userId === userId) open++;
    }
    for (const document of instance.documents.values()) for (const connection of document.getConnections()) if ((connection.context as CollabContext | undefined)?.userId === userId) open++;
    if (open >= this.configuration.maxConnectionsPerUser) throw { reason: "too-many-connections" };
    this.pending.add({ userId, request, at: now });
  }

  async beforeHandleAwareness({ connection, context, states }: beforeHandleAwarenessPayload<CollabContext>) {
    if (!connection || !context) return;
    for (const state of states.values()) {
      stampIdentity(state, { userId: context.userId, name: context.name, pseudonym: context.pseudonym, anonymousGroup: context.presence.anonymousGroup });
      if (connection.readOnly) for (const field of EDITING_FIELDS) delete state[field];
    }
  }

  async onStateless({ connection }: onStatelessPayload) {
    // Stops the hook chain so no later extension acts on it. Hocuspocus does not await this
    // hook and rethrows errors that carry a message (an unhandled rejection), so throw a plain object.
    if (connection.readOnly) throw { reason: "read-only" };
  }
}

/** The user and their access to the document; a database outage becomes the retryable refusal. */
async function lookUp(token: string, cookie: string | null, documentName: string) {
  try {
    const user = await collabUser(token, cookie);
    const access = user ? await liveDocumentAccess(documentName, user.id) : null;
    return { user, access };
  } catch (error) {
    throw isDatabaseOutage(error, "collaboration sign-in") ? STORAGE_UNAVAILABLE : error;
  }
}
