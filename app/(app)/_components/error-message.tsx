"use client";

import { useEffect } from "react";
import Link from "next/link";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The body of the error pages: what happened, a retry, and a way back. */
export function ErrorMessage({
  error,
  retry,
  home = { href: "/groups", label: "Back to your groups" },
}: {
  error: unknown;
  retry: () => void;
  home?: { href: string; label: string };
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  return (
    <div className="flex flex-1 items-center justify-center px-4 py-16">
      <div role="alert" className="flex max-w-md flex-col items-center gap-4 text-center">
        <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <TriangleAlert className="size-5.5" />
        </span>
        <h1 className="font-serif text-3xl leading-tight font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-muted-foreground">
          We couldn’t show this page. Nothing you saved is lost. Try again in a moment; if it keeps happening, tell the person who runs this server
          {digest ? " and quote the reference below" : ""}.
        </p>
        {digest ? <p className="font-mono text-xs text-muted-foreground">Reference: {digest}</p> : null}
        <div className="mt-2 flex flex-wrap justify-center gap-3">
          <Button onClick={() => retry()}>
            <RotateCcw aria-hidden="true" />
            Try again
          </Button>
          <Button asChild variant="outline">
            <Link href={home.href}>{home.label}</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}
