import "server-only";
import { db } from "../db";

/** Notes when an API token was last used, for the settings page; best effort, so a failure is swallowed. */
export default function recordTokenUse(tokenId: string): void {
  void db().apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } }).catch(() => {});
}
