import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils";

/** A server action's error message, announced to screen readers; renders nothing without one. */
function FormError({ message, className }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={cn("flex items-start gap-1.5 text-sm font-medium text-destructive", className)}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}

export { FormError };
