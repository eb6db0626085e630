import { cn } from "@/lib/utils";

type CheckboxFieldProps = Omit<React.ComponentProps<"input">, "type"> & {
  label: React.ReactNode;
  hint?: React.ReactNode;
};

/** A checkbox whose whole label, hint included, is the click target; the hint is part of its accessible name. */
function CheckboxField({ label, hint, className, ...props }: CheckboxFieldProps) {
  return (
    <label data-slot="checkbox-field" className={cn("flex items-start gap-2.5 text-sm", className)}>
      <input type="checkbox" className="mt-0.5 size-4 accent-primary" {...props} />
      <span>
        <span className="font-medium">{label}</span>
        {hint ? <span className="block text-[0.8125rem] text-muted-foreground">{hint}</span> : null}
      </span>
    </label>
  );
}

export { CheckboxField, type CheckboxFieldProps };
