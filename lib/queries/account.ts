import "server-only";
import { db } from "../db";
import { annotationInclude } from "./annotations";

/** The account with this email address (matched as sign-in matches it: trimmed, lower case), or null. */
export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

/** Whether the account signs in with a password (accounts made through GitHub or Google may have none). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return !!user?.passwordHash;
}

/** What an account wrote, for "download my data": its live annotations and replies (private too) and the documents it created. */
export async function loadAccountData(userId: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, createdAt: true } });
  const [rows, documents] = await Promise.all([
    db().annotation.findMany({
      where: { authorId: user.id, deletedAt: null },
      include: { ...annotationInclude, document: { select: { title: true, group: { select: { name: true } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().document.findMany({
      where: { createdById: user.id },
      select: { id: true, title: true, text: true, sourceFormat: true, createdAt: true, group: { select: { id: true, name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { user, rows, documents };
}
