import type { beforeHandleAwarenessPayload, Extension, onAuthenticatePayload, onStatelessPayload } from "@hocuspocus/server";
import { isSameOriginRequest, publicOrigin } from "../http/origin";
import { collabUser, documentAccess } from "./access";

/** What onAuthenticate puts on every connection. */
export type CollabContext = { userId: string; name: string; groupId: string; origin?: string };

/** Awareness fields that show someone as editing; stripped from read-only connections. */
const EDITING_FIELDS = ["cursor", "selection", "caret"];

/**
 * Authentication and authorization at connect, through lib/policies: no read right →
 * refused; read without edit → read-only. Read-only connections also get no editing
 * presence (carets) and no stateless messages through, which Hocuspocus allows by default.
 * Identity in awareness comes from the server, so nobody can appear under another name.
 * A browser always names the page's origin on a WebSocket upgrade and sends our cookie
 * whichever site opened it: a cookie-authenticated connection from another origin is
 * refused (cross-site WebSocket hijacking); a token is never sent by the browser on its own.
 */
export class AuthExtension implements Extension {
  extensionName = "MarginaliaAuth";
  priority = 1000;

  async onAuthenticate({ token, requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const pageOrigin = requestHeaders.get("origin");
    if (!token && pageOrigin !== null && !isSameOriginRequest(requestHeaders)) throw { reason: "cross-origin" };
    const user = await collabUser(token ?? "", requestHeaders.get("cookie"));
    if (!user) throw { reason: "unauthorized" };
    const access = await documentAccess(documentName, user.id);
    // A document you may not read and one that does not exist are indistinguishable.
    if (!access?.read) throw { reason: "not-found" };
    connectionConfig.readOnly = !access.edit;
    return { userId: user.id, name: user.name, groupId: access.groupId, origin: publicOrigin(requestHeaders) ?? undefined };
  }

  async beforeHandleAwareness({ connection, context, states }: beforeHandleAwarenessPayload<CollabContext>) {
    if (!connection || !context) return;
    for (const state of states.values()) {
      if (state.user && typeof state.user === "object") state.user = { ...state.user, id: context.userId, name: context.name };
      if (connection.readOnly) for (const field of EDITING_FIELDS) delete state[field];
    }
  }

  async onStateless({ connection }: onStatelessPayload) {
    // Stops the hook chain so no later extension acts on it. Hocuspocus does not await this
    // hook and rethrows errors that carry a message (an unhandled rejection), so throw a plain object.
    if (connection.readOnly) throw { reason: "read-only" };
  }
}
