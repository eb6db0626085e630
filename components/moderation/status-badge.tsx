import { Ban, CircleCheck, Clock, EyeOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABEL } from "@/components/moderation/labels";

const variant = { approved: "success", pending: "warning", hidden: "secondary", spam: "destructive" } as const;
const icon = { approved: CircleCheck, pending: Clock, hidden: EyeOff, spam: Ban } as const;

function StatusBadge({ status, className }: { status: string; className?: string }) {
  const key = (status in variant ? status : "pending") as keyof typeof variant;
  const Icon = icon[key];
  return (
    <Badge variant={variant[key]} className={className}>
      <Icon aria-hidden="true" />
      {STATUS_LABEL[key]}
    </Badge>
  );
}

export { StatusBadge };
