import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  action?: React.ReactNode;
  /** The title's heading level: 2 where the empty state sits right under the page's title, 3 inside a titled section. */
  headingLevel?: 2 | 3;
};

function EmptyState({ icon, title, description, action, headingLevel = 3, className, children, ...props }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-xl border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="mb-2 flex size-11 items-center justify-center rounded-full bg-accent text-accent-foreground [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="font-serif text-lg font-semibold">{title}</Heading>
      {description ? <p className="max-w-sm text-sm text-muted-foreground">{description}</p> : null}
      {children}
      {action ? <div className="mt-3 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
