import { route } from "@/lib/http/route";
import { presentMe } from "@/lib/presenters/user";

// GET /api/v1/me — the caller's own account.
export const GET = route(async ({ actor }) => Response.json(presentMe(actor)));
