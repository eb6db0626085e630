import Link from "next/link";
import { FileText, Users } from "lucide-react";
import { ModerationBadge, RoleBadge } from "@/components/groups/role-badge";
import { plural } from "@/components/documents/format";
import { TimeAgo } from "@/components/documents/time-ago";

type GroupCardProps = {
  group: { id: string; name: string; description: string; moderation: string; updatedAt: Date; _count: { documents: number; memberships: number } };
  role: string;
  muted: boolean;
};

/** One group on the groups page; the whole card is the link. */
function GroupCard({ group, role, muted }: GroupCardProps) {
  return (
    <li className="flex">
      <Link
        href={`/groups/${group.id}`}
        className="group flex w-full flex-col gap-4 rounded-xl border bg-card p-5 shadow-xs transition-[border-color,box-shadow] outline-none hover:border-primary/40 hover:shadow-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
      >
        <div className="flex items-start justify-between gap-3">
          <h2 className="font-serif text-xl leading-snug font-semibold tracking-tight underline-offset-4 group-hover:underline">
            {group.name}
          </h2>
          <RoleBadge role={role} className="mt-1" />
        </div>
        {group.description ? (
          <p className="line-clamp-3 text-sm leading-relaxed text-muted-foreground">{group.description}</p>
        ) : (
          <p className="text-sm text-muted-foreground italic">No description</p>
        )}
        <div className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-2 border-t pt-4 text-[0.8125rem] text-muted-foreground">
          <span className="inline-flex items-center gap-1.5">
            <FileText aria-hidden="true" className="size-3.5" />
            {plural(group._count.documents, "document")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <Users aria-hidden="true" className="size-3.5" />
            {plural(group._count.memberships, "member")}
          </span>
          <ModerationBadge moderation={group.moderation} />
          {muted ? <span className="font-medium text-warning">You are muted</span> : null}
          <span className="ml-auto hidden sm:inline">
            Active <TimeAgo date={group.updatedAt} />
          </span>
        </div>
      </Link>
    </li>
  );
}

export { GroupCard };
