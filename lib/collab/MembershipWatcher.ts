import type { Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import { isDatabaseOutage } from "../health/dependency";
import { can } from "../policies";
import { seesPeersAnonymously } from "../policies/annotations";
import { membershipsOf } from "../queries/system/recipients";
import type { CollabContext } from "./AuthExtension";
import { CLOSE, closeConnection } from "./messages";
import { collabLogger } from "./collab-log";

/**
 * Re-checks the memberships behind open connections every `intervalMs` through the same
 * policies, so a role change, mute or removal takes effect on an open connection within a
 * second — on every instance, without a message bus: lost read → closed, lost edit →
 * read-only, regained edit → writable again; in a group anonymous to peers, names in presence
 * follow the role too.
 */
export class MembershipWatcher implements Extension {
  extensionName = "MarginaliaMembershipWatcher";
  private timer?: NodeJS.Timeout;
  private instance?: Hocuspocus;
  private running = false;

  constructor(private configuration: { intervalMs: number; logger: (m: string, e?: unknown) => void } = { intervalMs: 1000, logger: collabLogger }) {}

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    this.timer = setInterval(() => void this.check(), this.configuration.intervalMs);
    this.timer.unref();
  }

  async onDestroy() {
    clearInterval(this.timer);
  }

  /** One pass over every loaded document; skipped when the previous pass is still running. */
  async check() {
    if (this.running || !this.instance) return;
    this.running = true;
    try {
      for (const document of this.instance.documents.values()) {
        const connections = document.getConnections();
        if (!connections.length) continue;
        const groupId = (connections[0].context as CollabContext).groupId;
        const users = [...new Set(connections.map((c) => (c.context as CollabContext).userId))];
        const memberships = await membershipsOf(groupId, users);
        for (const connection of connections) {
          const context = connection.context as CollabContext;
          const membership = memberships.get(context.userId) ?? null;
          if (!can(membership, "document.read")) closeConnection(connection, CLOSE.accessRevoked);
          else connection.readOnly = !can(membership, "document.edit");
          // A moderator demoted in an anonymous group stops seeing names (the same socket filter reads this).
          if (context.presence) context.presence.seesNames = !seesPeersAnonymously({ userId: context.userId, membership }, { anonymousToPeers: context.presence.anonymousGroup });
        }
      }
    } catch (error) {
      if (!isDatabaseOutage(error, "re-checking collaboration access")) this.configuration.logger("re-checking collaboration access failed", error);
    } finally {
      this.running = false;
    }
  }
}
