import type { Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { onRevocationAnywhere, revokes } from "../auth/revocation";
import type { CollabContext } from "./AuthExtension";
import { CLOSE, closeConnection } from "./messages";

/**
 * Closes the connections a session or API token opened as soon as it is revoked (sign-out, "sign
 * out everywhere", a deleted token): revocations of this process arrive on its bus, those of other
 * instances on the Postgres channel between them (EventRelayExtension), so a revoked credential
 * keeps no live access anywhere.
 */
export class CredentialWatcher implements Extension {
  extensionName = "MarginaliaCredentialWatcher";
  private instance?: Hocuspocus;
  private unsubscribe?: () => void;

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    this.unsubscribe = onRevocationAnywhere((revocation) => {
      for (const document of this.instance?.documents.values() ?? []) {
        for (const connection of document.getConnections()) {
          const context = connection.context as CollabContext | undefined;
          if (context?.credential && revokes(revocation, context.credential)) closeConnection(connection, CLOSE.signedOut);
        }
      }
    });
  }

  async onDestroy() {
    this.unsubscribe?.();
  }
}
