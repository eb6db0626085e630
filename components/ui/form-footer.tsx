import { Check } from "lucide-react";
import { cn } from "@/lib/utils";

type FormFooterProps = React.ComponentProps<"div"> & {
  /** The last save succeeded: shows a "Saved" status beside the buttons, announced politely. */
  saved?: boolean;
};

/** A settings form's submit row: its buttons, then "Saved" once the last submission went through. */
function FormFooter({ saved, className, children, ...props }: FormFooterProps) {
  return (
    <div data-slot="form-footer" className={cn("flex items-center gap-3", className)} {...props}>
      {children}
      {saved ? (
        <span role="status" className="inline-flex items-center gap-1 text-[0.8125rem] text-success">
          <Check aria-hidden="true" className="size-3.5" />
          Saved
        </span>
      ) : null}
    </div>
  );
}

export { FormFooter, type FormFooterProps };
