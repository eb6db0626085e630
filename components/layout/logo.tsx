import { cn } from "@/lib/utils";

function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" aria-hidden="true" className={cn("size-6", className)}>
      <rect x="3" y="2.75" width="13.5" height="18.5" rx="2.25" stroke="currentColor" strokeWidth="1.5" />
      <rect x="5.75" y="10.25" width="8" height="3.5" rx="0.75" fill="var(--highlight-strong)" />
      <path d="M6.5 7.25h6.5M6.5 12h6.5M6.5 16.75h4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M20.25 8.5v7" stroke="var(--primary)" strokeWidth="2.25" strokeLinecap="round" />
    </svg>
  );
}

function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-foreground", className)}>
      <LogoMark />
      <span className="font-serif text-[1.1875rem] leading-none font-semibold tracking-tight">Marginalia</span>
    </span>
  );
}

export { LogoMark, Wordmark };
