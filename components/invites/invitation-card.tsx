import { MailOpen } from "lucide-react";
import { cn } from "@/lib/utils";
import { roleLabel, ROLE_OPTIONS } from "@/components/groups/roles";

type InvitationCardProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  icon?: React.ReactNode;
  tone?: "default" | "muted";
  footer?: React.ReactNode;
  children?: React.ReactNode;
};

/** The centred card of the invitation pages, in the look of the sign-in card. */
function InvitationCard({ title, description, icon, tone = "default", footer, children }: InvitationCardProps) {
  return (
    <div className="w-full max-w-[27rem]">
      <div className="rounded-2xl border bg-card px-6 py-8 shadow-sm shadow-black/[0.03] sm:px-8 sm:py-9 dark:shadow-black/20">
        <div className="mb-7 flex flex-col items-center gap-3 text-center">
          <span
            aria-hidden="true"
            className={cn(
              "flex size-12 items-center justify-center rounded-full [&_svg]:size-5.5",
              tone === "muted" ? "bg-muted text-muted-foreground" : "bg-accent text-accent-foreground",
            )}
          >
            {icon ?? <MailOpen />}
          </span>
          <h1 className="font-serif text-[1.75rem] leading-tight font-semibold tracking-tight text-balance">{title}</h1>
          {description ? <p className="text-[0.9375rem] text-muted-foreground text-pretty">{description}</p> : null}
        </div>
        {children}
      </div>
      {footer ? <div className="mt-6 text-center text-sm text-muted-foreground">{footer}</div> : null}
    </div>
  );
}

/** "as a member — annotates and replies". */
function RoleSummary({ role }: { role: string }) {
  const description = ROLE_OPTIONS.find((option) => option.value === role)?.description;
  return (
    <span>
      as {/^[aeiou]/i.test(role) ? "an" : "a"} <strong className="font-semibold text-foreground">{roleLabel(role).toLowerCase()}</strong>
      {description ? ` (${description.toLowerCase()})` : null}
    </span>
  );
}

export { InvitationCard, RoleSummary };
