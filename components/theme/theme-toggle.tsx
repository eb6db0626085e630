"use client";

import { useSyncExternalStore } from "react";
import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

const order = ["light", "dark", "system"] as const;
type ThemeName = (typeof order)[number];

const meta: Record<ThemeName, { label: string; Icon: typeof Sun }> = {
  light: { label: "Light", Icon: Sun },
  dark: { label: "Dark", Icon: Moon },
  system: { label: "System", Icon: Monitor },
};

const subscribe = () => () => {};

export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

  const current: ThemeName = mounted && order.includes(theme as ThemeName) ? (theme as ThemeName) : "system";
  const next = order[(order.indexOf(current) + 1) % order.length];
  const { Icon } = meta[current];
  const label = mounted
    ? `Theme: ${meta[current].label}. Switch to ${meta[next].label.toLowerCase()}`
    : "Change theme";

  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className={cn("text-muted-foreground hover:text-foreground", className)}
      onClick={() => setTheme(next)}
      aria-label={label}
      title={label}
    >
      <Icon className={cn("transition-opacity", !mounted && "opacity-0")} aria-hidden="true" />
    </Button>
  );
}
