import { revokeSessions } from "@/lib/commands/sessions";
import { route } from "@/lib/http/route";

// DELETE /api/v1/me/sessions — sign out everywhere: ends every browser session of mine (API tokens stay): 200 {sessionsEnded}.
export const DELETE = route(async ({ actor }) => Response.json({ sessionsEnded: await revokeSessions(actor.id) }));
