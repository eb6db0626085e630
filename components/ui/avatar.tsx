import { cva, type VariantProps } from "class-variance-authority";
import { cn, initials } from "@/lib/utils";

const avatarHues = [25, 55, 85, 140, 175, 210, 250, 290, 330] as const;

function avatarHue(seed: string): number {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return avatarHues[(hash >>> 0) % avatarHues.length];
}

const avatarVariants = cva(
  "inline-flex shrink-0 items-center justify-center rounded-full bg-[oklch(0.9_0.05_var(--avatar-hue))] font-semibold text-[oklch(0.36_0.08_var(--avatar-hue))] ring-2 ring-background select-none dark:bg-[oklch(0.38_0.06_var(--avatar-hue))] dark:text-[oklch(0.93_0.04_var(--avatar-hue))]",
  {
    variants: {
      size: {
        xs: "size-5 text-[0.5625rem]",
        sm: "size-7 text-[0.6875rem]",
        default: "size-8 text-xs",
        lg: "size-10 text-sm",
        xl: "size-14 text-lg",
      },
    },
    defaultVariants: { size: "default" },
  },
);

type AvatarProps = Omit<React.ComponentProps<"span">, "children"> &
  VariantProps<typeof avatarVariants> & { name: string; seed?: string; decorative?: boolean };

function Avatar({ name, seed, size, decorative = false, className, style, ...props }: AvatarProps) {
  const hue = avatarHue(seed ?? name);
  return (
    <span
      data-slot="avatar"
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
      className={cn(avatarVariants({ size }), className)}
      style={{ "--avatar-hue": hue, ...style } as React.CSSProperties}
      {...props}
    >
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}

function AvatarGroup({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="avatar-group" className={cn("flex items-center -space-x-1", className)} {...props} />;
}

export { Avatar, AvatarGroup, avatarHue, avatarVariants, type AvatarProps };
