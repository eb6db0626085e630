"use server";

import { revalidatePath } from "next/cache";
import createApiToken from "@/lib/commands/create-api-token";
import revokeApiToken from "@/lib/commands/revoke-api-token";
import { withActor } from "@/lib/http/action";
import { parseInput } from "@/lib/validation/parse";
import { tokenLabelInput } from "@/lib/validation/schemas";

/** Settings page: issues a token and returns it once as `secret`. */
export const createTokenAction = withActor(async (actor, _prev: unknown, form: FormData) => {
  const expiry = form.get("expiresInDays");
  const { label, expiresInDays } = parseInput(tokenLabelInput, { label: form.get("label"), expiresInDays: expiry ? expiry : undefined });
  const token = await createApiToken({ userId: actor.id, label, expiresInDays });
  revalidatePath("/settings");
  return { ok: true, secret: token.token };
});

/** Settings page: revokes one of the user's tokens. */
export const revokeTokenAction = withActor(async (actor, tokenId: string) => {
  await revokeApiToken({ actorId: actor.id, tokenId });
  revalidatePath("/settings");
  return { ok: true };
});
