"use client";

import { useMemo, useOptimistic, useState, useTransition } from "react";
import { Bell, BellOff, EyeOff, Trash2 } from "lucide-react";
import { followDocumentAction, hideUntilPostedAction } from "@/lib/actions/document-settings";
import { deleteDocumentAction } from "@/lib/actions/documents";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type DocumentSettingsMenuProps = {
  documentId: string;
  following: boolean;
  hideUntilPosted: boolean;
  /** Moderators may switch hide-and-reveal. */
  canModerate: boolean;
  /** Owners may delete the document; the title is what they type to confirm. */
  canDelete?: boolean;
  title?: string;
};

type Settings = { following: boolean; hideUntilPosted: boolean };

/** Follow the document (a notification for each new thread), for moderators hide-and-reveal, for owners delete. */
function DocumentSettingsMenu({ documentId, following, hideUntilPosted, canModerate, canDelete = false, title = "" }: DocumentSettingsMenuProps) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const deleteAction = useMemo(() => deleteDocumentAction.bind(null, documentId), [documentId]);
  const [pending, startTransition] = useTransition();
  const [state, setOptimistic] = useOptimistic<Settings, Partial<Settings>>({ following, hideUntilPosted }, (current, change) => ({ ...current, ...change }));
  const toggleFollow = (on: boolean) =>
    startTransition(async () => {
      setOptimistic({ following: on });
      await followDocumentAction(documentId, on);
    });
  const toggleHide = (on: boolean) =>
    startTransition(async () => {
      setOptimistic({ hideUntilPosted: on });
      await hideUntilPostedAction(documentId, on);
    });
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" aria-label={state.following ? "Following this document" : "Follow this document"} className="text-muted-foreground hover:text-foreground" disabled={pending}>
            {state.following ? <Bell aria-hidden="true" /> : <BellOff aria-hidden="true" />}
            <span className="hidden sm:inline">{state.following ? "Following" : "Follow"}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          <DropdownMenuCheckboxItem checked={state.following} onCheckedChange={(on) => toggleFollow(on === true)}>
            Tell me about every new thread here
          </DropdownMenuCheckboxItem>
          {canModerate ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel className="flex items-center gap-1.5">
                <EyeOff aria-hidden="true" className="size-3.5" />
                Seminar setting
              </DropdownMenuLabel>
              <DropdownMenuCheckboxItem checked={state.hideUntilPosted} onCheckedChange={(on) => toggleHide(on === true)}>
                Members see the group’s notes only after posting their own
              </DropdownMenuCheckboxItem>
            </>
          ) : null}
          {canDelete ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setConfirmingDelete(true)}>
                <Trash2 aria-hidden="true" />
                Delete document…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {canDelete ? (
        <ConfirmActionDialog
          open={confirmingDelete}
          onOpenChange={setConfirmingDelete}
          action={deleteAction}
          confirmText={title}
          title="Delete this document?"
          description={<>“{title}” is deleted for everyone, with all its annotations, replies and discussion. Anyone reading it now is disconnected. This cannot be undone.</>}
          confirmLabel="Delete document"
          pendingLabel="Deleting…"
        />
      ) : null}
    </>
  );
}

export { DocumentSettingsMenu };
