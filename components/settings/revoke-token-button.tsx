"use client";

import { useMemo } from "react";
import { revokeTokenAction } from "@/lib/actions/tokens";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";

/** Revoke, after a confirmation: scripts using the token stop working at once. */
function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const action = useMemo(() => revokeTokenAction.bind(null, tokenId), [tokenId]);
  return (
    <ConfirmActionDialog
      action={action}
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10" aria-label={`Revoke token ${label}`}>
          Revoke
        </Button>
      }
      title={`Revoke “${label}”?`}
      description="Anything using this token will get “401 Unauthorized” from now on. This can’t be undone; create a new token if you need one."
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
    />
  );
}

export { RevokeTokenButton };
