"use client";

import { CircleAlert, CloudCheck, CloudOff, Eye, Loader, RefreshCw, Trash2, type LucideIcon } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { ConnectionKind, ConnectionView } from "./connection-state";
import type { Person } from "./presence";

const MAX_AVATARS = 5;

const badgeLook: Record<ConnectionKind, { variant: BadgeProps["variant"]; icon: LucideIcon | null; spin?: boolean }> = {
  connecting: { variant: "outline", icon: Loader, spin: true },
  saving: { variant: "outline", icon: Loader, spin: true },
  saved: { variant: "outline", icon: CloudCheck },
  live: { variant: "outline", icon: null },
  reconnecting: { variant: "warning", icon: RefreshCw, spin: true },
  offline: { variant: "warning", icon: CloudOff },
  denied: { variant: "destructive", icon: CircleAlert },
  deleted: { variant: "destructive", icon: Trash2 },
};

/** Only these are worth interrupting a screen reader for; Saving/Saved flip on every keystroke. */
const announced: ReadonlySet<ConnectionKind> = new Set(["offline", "reconnecting", "denied", "deleted"]);

export function ConnectionBadge({ connection, className }: { connection: ConnectionView; className?: string }) {
  const look = badgeLook[connection.kind];
  const Icon = look.icon;
  return (
    <>
      <Badge
        variant={look.variant}
        title={connection.description}
        data-connection={connection.kind}
        // A fixed minimum width: Saving…/Saved alternate with every keystroke and must not shift the avatars.
        className={cn("h-6 max-w-[14rem] min-w-[5.75rem] justify-center bg-background/60", connection.kind === "saved" && "text-muted-foreground", className)}
      >
        {Icon ? (
          <Icon aria-hidden="true" className={cn(look.spin && "motion-safe:animate-[spin_2.4s_linear_infinite]")} />
        ) : (
          <span aria-hidden="true" className="size-1.5 rounded-full bg-success" />
        )}
        <span className="truncate">{connection.label}</span>
      </Badge>
      <span role="status" className="sr-only">
        {announced.has(connection.kind) ? connection.description : ""}
      </span>
    </>
  );
}

export function ReadOnlyBadge({ className }: { className?: string }) {
  return (
    <Badge variant="viewer" title="You can read and annotate this text; editors can change it" className={cn("h-6", className)}>
      <Eye aria-hidden="true" />
      Read only
    </Badge>
  );
}

function personLabel(person: Person): string {
  return person.isSelf ? `${person.name} (you)` : person.name;
}

/** Who is here: avatars ringed in each person's caret colour, you first. */
export function PresenceList({ people, className }: { people: readonly Person[]; className?: string }) {
  if (people.length === 0) return null;
  const shown = people.slice(0, MAX_AVATARS);
  const hidden = people.slice(MAX_AVATARS);
  const summary = people.length === 1 ? "Only you are here" : `${people.length} people here`;
  return (
    <ul aria-label={summary} title={summary} className={cn("flex items-center gap-1.5", className)}>
      {shown.map((person) => (
        <li key={person.id} className="relative flex">
          <Avatar
            size="sm"
            name={person.name}
            aria-label={personLabel(person)}
            seed={person.id}
            title={personLabel(person)}
            style={{ boxShadow: `0 0 0 2px var(--background), 0 0 0 3.5px ${person.color}` }}
          />
          {person.isSelf ? (
            <span
              aria-hidden="true"
              className="absolute -bottom-1.5 left-1/2 -translate-x-1/2 rounded-sm bg-foreground px-1 text-[0.5625rem] leading-3 font-medium text-background"
            >
              you
            </span>
          ) : null}
        </li>
      ))}
      {hidden.length > 0 ? (
        <li
          className="inline-flex h-7 min-w-7 items-center justify-center rounded-full bg-muted px-1.5 text-[0.6875rem] font-medium text-muted-foreground"
          title={hidden.map(personLabel).join(", ")}
          aria-label={`and ${hidden.length} more: ${hidden.map(personLabel).join(", ")}`}
        >
          +{hidden.length}
        </li>
      ) : null}
    </ul>
  );
}

export type EditorStatusBarProps = {
  connection: ConnectionView;
  people: readonly Person[];
  /** Shows the "Read only" badge. */
  readOnly: boolean;
  className?: string;
};

/** Presence and connection state, for the editor's sticky bar or the page's top bar. */
export function EditorStatusBar({ connection, people, readOnly, className }: EditorStatusBarProps) {
  return (
    <div className={cn("flex min-w-0 items-center gap-3", className)}>
      <PresenceList people={people} />
      <div className="flex min-w-0 items-center gap-1.5">
        {readOnly ? <ReadOnlyBadge /> : null}
        <ConnectionBadge connection={connection} />
      </div>
    </div>
  );
}
