import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Ban, CalendarX2, LinkIcon, UsersRound } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { findInviteByToken, inviteStatus, type InviteStatus } from "@/lib/queries/invites";
import { findMembership } from "@/lib/queries/memberships";
import { inviteToken } from "@/lib/validation/invites";
import { Button } from "@/components/ui/button";
import { InvitationCard, RoleSummary } from "@/components/invites/invitation-card";
import { JoinInviteForm } from "@/components/invites/join-invite-form";
import { withCallback } from "@/components/auth/search-params";
import { plural } from "@/components/documents/format";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const PROBLEMS: Record<Exclude<InviteStatus, "active"> | "unknown", { title: string; body: (group?: string) => string; icon: React.ReactNode }> = {
  unknown: {
    title: "This invitation link doesn’t work",
    body: () => "Check that you copied the whole link. If it still doesn’t open, ask the person who invited you for a new one.",
    icon: <LinkIcon />,
  },
  expired: {
    title: "This invitation has expired",
    body: (group) => `The link to ${group} is past its date. Ask the group’s owner to send you a new one.`,
    icon: <CalendarX2 />,
  },
  revoked: {
    title: "This invitation was withdrawn",
    body: (group) => `The owner of ${group} withdrew this link. If you still want to join, ask them for a new one.`,
    icon: <Ban />,
  },
  used_up: {
    title: "This invitation has been used up",
    body: (group) => `As many people have joined ${group} through this link as it allows. Ask the group’s owner for a new one.`,
    icon: <UsersRound />,
  },
};

/**
 * Where an invitation link leads. Signed out: sign up or sign in, then come back here.
 * Signed in: one button to join; members go straight to the group. Dead links say why.
 */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invite = inviteToken.safeParse(token).success ? await findInviteByToken(token) : null;
  const user = await currentUser();
  if (invite && user && (await findMembership(invite.groupId, user.id))) redirect(`/groups/${invite.groupId}`);

  const status = invite ? inviteStatus(invite) : "unknown";
  if (!invite || status !== "active") {
    const problem = PROBLEMS[status as keyof typeof PROBLEMS];
    return (
      <InvitationCard tone="muted" icon={problem.icon} title={problem.title} description={problem.body(invite?.group.name)}>
        <Button asChild variant="outline" size="lg" className="w-full">
          <Link href={user ? "/groups" : "/"}>{user ? "Back to your groups" : "Go to the home page"}</Link>
        </Button>
      </InvitationCard>
    );
  }

  const here = `/invite/${token}`;
  const members = invite.group._count.memberships;
  return (
    <InvitationCard
      title={
        <>
          Join <span className="italic">{invite.group.name}</span>
        </>
      }
      description={
        <>
          {invite.createdBy.name} invited you <RoleSummary role={invite.role} />.
        </>
      }
      footer={
        user ? (
          <>
            Signed in as <span className="font-medium text-foreground">{user.email}</span>.
          </>
        ) : null
      }
    >
      {invite.group.description ? (
        <blockquote className="mb-6 border-l-2 border-primary/40 pl-4 font-serif text-[0.9375rem] leading-relaxed text-muted-foreground italic">{invite.group.description}</blockquote>
      ) : null}
      <p className="mb-6 text-center text-sm text-muted-foreground">{plural(members, "reader", "readers")} already here.</p>
      {user ? (
        <JoinInviteForm token={token} groupName={invite.group.name} />
      ) : (
        <div className="grid gap-3">
          <Button asChild size="lg" className="w-full">
            <Link href={withCallback("/signup", here)}>Create an account to join</Link>
          </Button>
          <Button asChild size="lg" variant="outline" className="w-full">
            <Link href={withCallback("/signin", here)}>I have an account — sign in</Link>
          </Button>
        </div>
      )}
    </InvitationCard>
  );
}
