"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import changePassword from "@/lib/commands/change-password";
import deleteAccount from "@/lib/commands/delete-account";
import { revokeSessions } from "@/lib/commands/sessions";
import { signOut } from "@/lib/auth/config";
import { formError, formValues, requireActor, withActor, type FormState } from "@/lib/http/action";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Settings → Password: changes it, revokes every API token and signs out the other sessions. */
export const changePasswordAction = withActor(async (actor, _prev: FormState, form: FormData) => {
  const keepSessionId = actor.credential.kind === "session" ? actor.credential.id : undefined;
  const { tokensRevoked, sessionsEnded, emailed } = await changePassword({
    actorId: actor.id,
    input: { currentPassword: form.get("currentPassword") ?? "", newPassword: form.get("newPassword") },
    keepSessionId,
  });
  revalidatePath("/settings");
  const notice = [
    "Password changed.",
    `${plural(sessionsEnded, "other session was", "other sessions were")} signed out and ${plural(tokensRevoked, "API token was", "API tokens were")} revoked.`,
    emailed ? "We emailed you a notice." : "",
  ].filter(Boolean).join(" ");
  return { ok: true, notice };
});

/** Settings → Sign out everywhere: ends every session of this account, this one too, and opens the sign-in page. */
export async function signOutEverywhereAction(_prev?: FormState): Promise<FormState> {
  try {
    const actor = await requireActor();
    await revokeSessions(actor.id);
  } catch (error) {
    return formError(error);
  }
  await signOut({ redirect: false });
  redirect("/signin");
}

/** Settings → Delete account: deletes it, then ends this session and opens the home page. */
export async function deleteAccountAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["groupNotes"]);
  try {
    const actor = await requireActor();
    await deleteAccount({ actorId: actor.id, input: { password: form.get("password") ?? "", groupNotes: form.get("groupNotes") } });
  } catch (error) {
    return formError(error, values);
  }
  await signOut({ redirect: false });
  redirect("/?account=deleted");
}
