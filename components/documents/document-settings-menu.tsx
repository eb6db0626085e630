"use client";

import { useOptimistic, useTransition } from "react";
import { Bell, BellOff, EyeOff } from "lucide-react";
import { followDocumentAction, hideUntilPostedAction } from "@/app/_actions/document-settings";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
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
};

type Settings = { following: boolean; hideUntilPosted: boolean };

/** Follow the document (a notification for each new thread) and, for moderators, hide-and-reveal. */
function DocumentSettingsMenu({ documentId, following, hideUntilPosted, canModerate }: DocumentSettingsMenuProps) {
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
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export { DocumentSettingsMenu };
