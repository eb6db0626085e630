import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * An action's error message, announced to screen readers; renders nothing without one.
 * `compact` is the small, icon-less line under a margin card's buttons.
 */
function FormError({ message, compact = false, className }: { message?: string | null; compact?: boolean; className?: string }) {
  if (!message) return null;
  if (compact) {
    return (
      <p role="alert" className={cn("text-xs text-destructive", className)}>
        {message}
      </p>
    );
  }
  return (
    <p role="alert" className={cn("flex items-start gap-1.5 text-sm font-medium text-destructive", className)}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}

export { FormError };
