import "server-only";
import { db } from "../db";
import { digestEmail } from "../mail/digest-email";
import { sendMail, type Mail, type MailResult } from "../mail/send-mail";
import { presentNotification } from "../presenters/moderation";
import { listNotifications } from "../queries/notifications";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Most entries listed in one digest; the inbox has the rest. */
const DIGEST_LIMIT = 50;

/**
 * Sends each user who asked for it one email with the unread notifications that arrived since
 * their last digest, at most once a day. Only entries they may still see (the inbox's own
 * rules: membership, read policy, anonymity) are included; users with nothing new get nothing.
 * `lastDigestAt` moves on only when the email went out, so a mail outage delays, never drops.
 */
export default async function sendDigests(opts: { origin: string; now?: Date; send?: (mail: Mail) => Promise<MailResult>; userIds?: string[] }) {
  const now = opts.now ?? new Date();
  const send = opts.send ?? sendMail;
  const due = await db().user.findMany({
    where: {
      digestEmail: true,
      OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: new Date(now.getTime() - DAY_MS) } }],
      // Only these people (one group's members, say), when given.
      ...(opts.userIds ? { id: { in: opts.userIds } } : {}),
    },
    select: { id: true, email: true, name: true, lastDigestAt: true },
  });
  let sent = 0;
  for (const user of due) {
    const { items } = await listNotifications({ userId: user.id, unread: true, limit: DIGEST_LIMIT });
    const fresh = items.filter(({ row }) => !user.lastDigestAt || row.createdAt > user.lastDigestAt);
    if (fresh.length === 0) continue;
    const mail = digestEmail({ to: user.email, name: user.name, items: fresh.map(({ row, viewer }) => presentNotification(row, viewer, opts.origin)), inboxUrl: `${opts.origin}/inbox` });
    const result = await send(mail);
    if (!result.sent) continue;
    await db().user.update({ where: { id: user.id }, data: { lastDigestAt: now } });
    sent++;
  }
  return { due: due.length, sent };
}
