import "server-only";
import { verifyPassword } from "../auth/password";
import { publishRevocation } from "../auth/revocation";
import { db, type Tx } from "../db";
import { ConflictError, ValidationError } from "../errors";
import { accountDeleteInput } from "../validation/account";
import { parseInput } from "../validation/parse";

/** The one account that signs what deleted accounts leave behind; it has no password and no membership. */
export const DELETED_USER = { email: "deleted-user@marginalia.invalid", name: "Deleted user" } as const;

function deletedUser(tx: Tx) {
  return tx.user.upsert({ where: { email: DELETED_USER.email }, update: {}, create: { ...DELETED_USER, passwordHash: null } });
}

/**
 * Deletes the actor's account. Private notes go. Notes the group can see stay, signed "Deleted
 * user", or go (as if their author deleted each: the replies under them go too), as chosen.
 * The moderation log keeps its rows, their actor becoming "Deleted user". Memberships, sessions,
 * tokens, flags, reactions and follows go with the account. An only owner of a group must hand
 * it over (or delete the group) first: 409 naming the groups. `operator` (the CLI) skips the password.
 */
export default async function deleteAccount(opts: { actorId: string; input: unknown; operator?: boolean }) {
  const input = parseInput(accountDeleteInput, opts.input);
  const user = await db().user.findUniqueOrThrow({ where: { id: opts.actorId } });
  if (user.email === DELETED_USER.email) throw new ConflictError("This account signs what deleted accounts left behind; it cannot be deleted", "reserved_account");
  if (!opts.operator && user.passwordHash && !(await verifyPassword(user.passwordHash, input.password))) {
    throw new ValidationError("password: That is not your password", { fields: [{ field: "password", message: "That is not your password" }] });
  }
  const result = await db().$transaction(async (tx) => {
    const owned = await tx.membership.findMany({
      where: { userId: user.id, role: "owner" },
      select: { group: { select: { name: true, _count: { select: { memberships: { where: { role: "owner" } } } } } } },
    });
    const alone = owned.filter((m) => m.group._count.memberships <= 1).map((m) => `“${m.group.name}”`);
    if (alone.length) {
      throw new ConflictError(`You are the only owner of ${alone.join(", ")}: make someone else owner, or delete the group, first`, "sole_owner");
    }
    const ghost = await deletedUser(tx);
    const now = new Date();
    const { count: privateNotes } = await tx.annotation.deleteMany({ where: { authorId: user.id, visibility: "private" } });
    let groupNotes = await tx.annotation.count({ where: { authorId: user.id, deletedAt: null } });
    if (input.groupNotes === "delete") {
      const mine = await tx.annotation.findMany({ where: { authorId: user.id, deletedAt: null, threadId: null }, select: { id: true } });
      const gone = { deletedAt: now, body: "", tags: [], version: { increment: 1 } };
      await tx.annotation.updateMany({ where: { threadId: { in: mine.map((m) => m.id) }, deletedAt: null }, data: gone });
      await tx.annotation.updateMany({ where: { authorId: user.id, deletedAt: null }, data: gone });
      groupNotes = 0;
    }
    await tx.annotation.updateMany({ where: { authorId: user.id }, data: { authorId: ghost.id, version: { increment: 1 } } });
    await tx.moderationLogEntry.updateMany({ where: { actorId: user.id }, data: { actorId: ghost.id } });
    await tx.moderatorNote.updateMany({ where: { authorId: user.id }, data: { authorId: ghost.id } });
    const [sessions, tokens] = await Promise.all([
      tx.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } }),
      tx.apiToken.findMany({ where: { userId: user.id, revokedAt: null }, select: { id: true } }),
    ]);
    await tx.user.delete({ where: { id: user.id } });
    return { privateNotesDeleted: privateNotes, groupNotesKept: groupNotes, sessionIds: sessions.map((s) => s.sessionToken), tokenIds: tokens.map((t) => t.id) };
  }, { timeout: 60_000 });
  // Whatever the account still had open (pages, live documents, event streams) closes on every instance.
  publishRevocation({ sessionIds: result.sessionIds, tokenIds: result.tokenIds });
  return { privateNotesDeleted: result.privateNotesDeleted, groupNotesKept: result.groupNotesKept };
}
