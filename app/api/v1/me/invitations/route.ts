import { route } from "@/lib/http/route";
import { presentInvitation } from "@/lib/presenters/invitation";
import { listInvitationsFor } from "@/lib/queries/invites";

// GET /api/v1/me/invitations — invitations addressed to my email that I may still accept.
export const GET = route(async ({ actor }) => Response.json({ items: (await listInvitationsFor(actor)).map(presentInvitation) }));
