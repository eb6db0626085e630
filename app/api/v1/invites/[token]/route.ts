import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { findInviteByToken, inviteStatus } from "@/lib/queries/invites";
import { parseInput } from "@/lib/validation/parse";
import { inviteToken } from "@/lib/validation/invites";

// GET /api/v1/invites/{token} — what the link offers (group, role, status); whoever holds the link may ask.
export const GET = route<{ token: string }>(
  async ({ params }) => {
    const invite = await findInviteByToken(parseInput(inviteToken, params.token));
    if (!invite) throw new NotFoundError("Invitation");
    return Response.json({
      group: { id: invite.group.id, name: invite.group.name },
      role: invite.role,
      status: inviteStatus(invite),
      expiresAt: invite.expiresAt.toISOString(),
      invitedBy: { name: invite.createdBy.name },
    });
  },
  { public: true },
);
