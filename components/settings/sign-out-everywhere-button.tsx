"use client";

import { LogOut } from "lucide-react";
import { signOutEverywhereAction } from "@/lib/actions/account";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";

/** Ends every browser session of the account, this one too; API tokens are revoked separately. */
function SignOutEverywhereButton() {
  return (
    <ConfirmActionDialog
      action={signOutEverywhereAction}
      trigger={
        <Button variant="outline">
          <LogOut aria-hidden="true" />
          Sign out everywhere…
        </Button>
      }
      title="Sign out everywhere?"
      description="Every browser signed in to your account is signed out, this one too, and whatever it had open closes. Your API tokens keep working; revoke them below."
      confirmLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      cancelLabel="Stay signed in"
    />
  );
}

export { SignOutEverywhereButton };
