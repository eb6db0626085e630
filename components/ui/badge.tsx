import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils";

const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap [&_svg]:pointer-events-none [&_svg]:size-3",
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary text-primary-foreground",
        secondary: "border-transparent bg-muted text-foreground",
        outline: "border-border text-muted-foreground",
        destructive: "border-destructive/25 bg-destructive/10 text-destructive",
        success: "border-success/25 bg-success/10 text-success",
        warning: "border-warning/25 bg-warning/10 text-warning",
        owner: "border-primary/25 bg-primary/10 text-primary",
        moderator: "border-transparent bg-foreground text-background",
        editor: "border-warning/25 bg-warning/10 text-warning",
        member: "border-success/25 bg-success/10 text-success",
        viewer: "border-border bg-muted text-muted-foreground",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

type BadgeProps = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants> & { asChild?: boolean };

function Badge({ className, variant, asChild = false, ...props }: BadgeProps) {
  const Comp = asChild ? Slot.Root : "span";
  return <Comp data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props} />;
}

const roleVariants = ["owner", "moderator", "editor", "member", "viewer"] as const;
type RoleVariant = (typeof roleVariants)[number];

function roleBadgeVariant(role: string): RoleVariant {
  const key = role.toLowerCase() as RoleVariant;
  return roleVariants.includes(key) ? key : "viewer";
}

export { Badge, badgeVariants, roleBadgeVariant, type BadgeProps };
