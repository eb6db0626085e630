import { cn } from "@/lib/utils";

type AuthCardProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  footer?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
};

/** The centred card of the sign-in and sign-up pages. */
function AuthCard({ title, description, footer, className, children }: AuthCardProps) {
  return (
    <div className={cn("w-full max-w-[25rem]", className)}>
      <div className="rounded-2xl border bg-card px-6 py-8 shadow-sm shadow-black/[0.03] sm:px-8 sm:py-9 dark:shadow-black/20">
        <div className="mb-7 flex flex-col gap-1.5 text-center">
          <h1 className="font-serif text-[1.75rem] leading-tight font-semibold tracking-tight">{title}</h1>
          {description ? <p className="text-[0.9375rem] text-muted-foreground">{description}</p> : null}
        </div>
        {children}
      </div>
      {footer ? <div className="mt-6 text-center text-sm text-muted-foreground">{footer}</div> : null}
    </div>
  );
}

export { AuthCard };
