import { Shield, ShieldCheck } from "lucide-react";
import { Badge, roleBadgeVariant } from "@/components/ui/badge";
import { roleLabel } from "@/components/groups/roles";

function RoleBadge({ role, className }: { role: string; className?: string }) {
  return (
    <Badge variant={roleBadgeVariant(role)} className={className}>
      {roleLabel(role)}
    </Badge>
  );
}

/** "Pre-moderated" / "Post-moderated", with a quiet shield. */
function ModerationBadge({ moderation, className }: { moderation: string; className?: string }) {
  const pre = moderation === "pre";
  return (
    <Badge variant="outline" className={className} title={pre ? "Posts from members wait for approval" : "Posts appear at once and are moderated after"}>
      {pre ? <ShieldCheck aria-hidden="true" /> : <Shield aria-hidden="true" />}
      {pre ? "Pre-moderated" : "Post-moderated"}
    </Badge>
  );
}

export { RoleBadge, ModerationBadge };
