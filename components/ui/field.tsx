import { cloneElement, isValidElement, useId } from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
};

type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  id?: string;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  required?: boolean;
  labelAction?: React.ReactNode;
  children: React.ReactElement | ((control: ControlProps) => React.ReactNode);
};

function Field({ label, id, hint, error, required, labelAction, className, children, ...props }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;

  const control: ControlProps = {
    id: controlId,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    "aria-invalid": error ? true : undefined,
    required: required || undefined,
  };

  let rendered: React.ReactNode;
  if (typeof children === "function") {
    rendered = children(control);
  } else if (isValidElement<Record<string, unknown>>(children)) {
    const own = children.props["aria-describedby"];
    rendered = cloneElement(children, {
      ...control,
      "aria-describedby": [own, control["aria-describedby"]].filter(Boolean).join(" ") || undefined,
      required: control.required ?? children.props.required,
    });
  } else {
    rendered = children;
  }

  return (
    <div data-slot="field" data-invalid={error ? "" : undefined} className={cn("grid gap-2", className)} {...props}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={controlId}>
          {label}
          {required ? (
            <span className="-ml-1 text-muted-foreground" aria-hidden="true">
              *
            </span>
          ) : null}
        </Label>
        {labelAction}
      </div>
      {rendered}
      {hint ? (
        <p id={hintId} className="text-[0.8125rem] leading-5 text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-[0.8125rem] leading-5 font-medium text-destructive">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

export { Field, type FieldProps };
