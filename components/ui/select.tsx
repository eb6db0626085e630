import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";
import { controlBase } from "@/components/ui/input";

type SelectProps = React.ComponentProps<"select"> & { containerClassName?: string };

function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div data-slot="select" className={cn("relative w-full", containerClassName)}>
      <select
        className={cn(controlBase, "h-9 cursor-pointer appearance-none py-1 pr-9 pl-3", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}

export { Select, type SelectProps };
