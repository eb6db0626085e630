import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BookOpen } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { listGroupsForUser } from "@/lib/queries/memberships";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { GroupCard } from "@/components/groups/group-card";
import { NewGroupDialog } from "@/components/groups/new-group-dialog";

export const metadata: Metadata = { title: "Your groups" };

export default async function GroupsPage() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const memberships = await listGroupsForUser(user.id);

  return (
    <PageContainer>
      <PageHeader
        title="Your groups"
        description="Reading groups and seminars you belong to. Each has its own texts, members and margin."
        actions={memberships.length > 0 ? <NewGroupDialog /> : null}
      />
      {memberships.length === 0 ? (
        <EmptyState
          headingLevel={2}
          icon={<BookOpen />}
          title="Create a group to start reading together"
          description="A group holds the texts you read and the people you read them with. Start one, then add a text and invite your fellow readers — or ask a group’s owner to add you."
          action={<NewGroupDialog triggerLabel="Create your first group" />}
          className="py-16"
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Groups">
          {memberships.map((membership) => (
            <GroupCard key={membership.id} group={membership.group} role={membership.role} muted={membership.muted} />
          ))}
        </ul>
      )}
    </PageContainer>
  );
}
