import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import { cn } from "@/lib/utils";

const alertVariants = cva(
  "grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-lg border px-4 py-3 text-sm text-foreground [&>svg]:mt-px [&>svg]:size-4.5",
  {
    variants: {
      variant: {
        info: "border-primary/25 bg-primary/[0.06] [&>svg]:text-primary",
        error: "border-destructive/30 bg-destructive/[0.07] [&>svg]:text-destructive",
        success: "border-success/30 bg-success/[0.07] [&>svg]:text-success",
        warning: "border-warning/30 bg-warning/[0.08] [&>svg]:text-warning",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const icons = { info: Info, error: CircleAlert, success: CircleCheck, warning: TriangleAlert };

type AlertProps = Omit<React.ComponentProps<"div">, "title"> &
  VariantProps<typeof alertVariants> & { title?: React.ReactNode; icon?: React.ReactNode };

function Alert({ className, variant, title, icon, children, ...props }: AlertProps) {
  const Icon = icons[variant ?? "info"];
  return (
    <div
      data-slot="alert"
      role={variant === "error" ? "alert" : "status"}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {icon ?? <Icon aria-hidden="true" />}
      <div className="col-start-2 flex min-w-0 flex-col gap-1">
        {title ? <p className="leading-5 font-semibold">{title}</p> : null}
        {children ? (
          <div className={cn("leading-5", title ? "text-muted-foreground" : undefined)}>{children}</div>
        ) : null}
      </div>
    </div>
  );
}

export { Alert, alertVariants, type AlertProps };
