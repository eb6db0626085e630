import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { AddMemberForm } from "@/components/groups/add-member-form";
import { MemberRow } from "@/components/groups/member-row";
import { plural } from "@/components/documents/format";
import type { Role } from "@/lib/policies";
import { can } from "@/lib/policies";

type Member = { id: string; role: Role; muted: boolean; user: { id: string; name: string; email?: string } };

type MembersCardProps = {
  group: { id: string; name: string };
  members: Member[];
  actor: { userId: string; role: Role; muted: boolean };
  canManage: boolean;
  canMute: boolean;
};

/** Who is in the group; owners change roles, add and remove, moderators mute. */
function MembersCard({ group, members, actor, canManage, canMute }: MembersCardProps) {
  return (
    <Card role="region" aria-labelledby="members-heading">
      <CardHeader>
        <CardTitle as="h2" id="members-heading" className="flex items-baseline justify-between gap-2">
          Members
          <span className="text-sm font-normal text-muted-foreground">{plural(members.length, "person", "people")}</span>
        </CardTitle>
        {canManage ? (
          <CardDescription>Roles build on each other: viewers read, members annotate, editors edit, moderators moderate, owners manage.</CardDescription>
        ) : null}
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {members.map((member) => (
            <MemberRow
              key={member.id}
              groupId={group.id}
              groupName={group.name}
              member={member}
              isSelf={member.user.id === actor.userId}
              canManage={canManage}
              canMute={canMute && can(actor, "member.change", member)}
            />
          ))}
        </ul>
      </CardContent>
      {canManage ? (
        <>
          <Separator />
          <CardContent>
            <AddMemberForm groupId={group.id} />
          </CardContent>
        </>
      ) : null}
    </Card>
  );
}

export { MembersCard };
