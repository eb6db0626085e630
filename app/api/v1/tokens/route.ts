import authenticateUser from "@/lib/commands/authenticate-user";
import createApiToken from "@/lib/commands/create-api-token";
import { clientAddress } from "@/lib/http/client-address";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { UnauthorizedError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { tokenCreateInput } from "@/lib/validation/schemas";

// POST /api/v1/tokens — exchange email and password for a personal API token {label?, expiresInDays?} (rate-limited like sign-in).
export const POST = route(
  async ({ request, origin }) => {
    const input = parseInput(tokenCreateInput, await readJsonObject(request));
    const user = await authenticateUser({ ...input, address: clientAddress(request.headers) });
    if (!user) throw new UnauthorizedError("Wrong email or password");
    const token = await createApiToken({ userId: user.id, label: input.label, expiresInDays: input.expiresInDays });
    const expiresAt = token.expiresAt?.toISOString() ?? null;
    return created({ id: token.id, token: token.token, label: token.label, prefix: token.prefix, expiresAt } as { id: string }, `${origin}/api/v1/tokens/${token.id}`);
  },
  { public: true },
);
