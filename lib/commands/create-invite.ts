import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { inviteEmail } from "../mail/invite-email";
import { sendMail } from "../mail/send-mail";
import { authorize } from "../policies";
import { inviteUrl } from "../presenters/invite";
import { hashInviteToken } from "../queries/invites";
import { loadGroupForActor } from "../queries/memberships";
import { parseInput } from "../validation/parse";
import { inviteCreateInput } from "../validation/invites";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes an invitation link (owners: `member.manage`), and emails it when an address is given
 * and SMTP is configured. The link's secret is returned once and stored only as a digest.
 */
export default async function createInvite(opts: { actorId: string; groupId: string; input: unknown; origin: string }) {
  const input = parseInput(inviteCreateInput, opts.input);
  const { group, membership } = await loadGroupForActor(opts.groupId, opts.actorId);
  authorize(membership, "member.invite", input.role);
  const token = randomBytes(24).toString("base64url");
  const invite = await db().invite.create({
    data: {
      groupId: group.id,
      createdById: opts.actorId,
      role: input.role,
      tokenHash: hashInviteToken(token),
      email: input.email ?? null,
      expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      // An emailed invitation is meant for one person unless the owner says otherwise.
      maxUses: input.maxUses !== undefined ? input.maxUses : input.email ? 1 : null,
    },
    include: { createdBy: { select: { id: true, name: true } } },
  });
  const url = inviteUrl(opts.origin, token);
  let emailed: boolean | undefined;
  if (input.email) {
    const mail = inviteEmail({ to: input.email, groupName: group.name, inviterName: invite.createdBy.name, role: input.role, url, expiresAt: invite.expiresAt });
    emailed = (await sendMail(mail)).sent;
  }
  return { invite, url, emailed };
}
