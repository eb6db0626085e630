"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * Whether the server said it cannot reach its database: a page that failed then failed for that
 * reason, and the reader is told so (nothing is lost, it will come back) instead of "something went wrong".
 */
function useServerUnavailable(failed: boolean): boolean {
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    if (!failed) return;
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => response.json())
      .then((health: { db?: string }) => live && setUnavailable(health.db === "unreachable"))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [failed]);
  return unavailable;
}

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
  const unavailable = useServerUnavailable(digest !== undefined);

  return (
    <div className="flex flex-1 items-center justify-center px-4 py-16">
      <div role="alert" className="flex max-w-md flex-col items-center gap-4 text-center">
        <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <TriangleAlert className="size-5.5" />
        </span>
        <h1 className="font-serif text-3xl leading-tight font-semibold tracking-tight">{unavailable ? "Temporarily unavailable" : "Something went wrong"}</h1>
        {unavailable ? (
          <p className="text-muted-foreground">
            The server can’t reach its database for a moment. Your work is safe: everything you saved is kept, and edits still open in another tab are sent when it’s back. Try again in a few seconds.
          </p>
        ) : (
          <p className="text-muted-foreground">
            We couldn’t show this page. Nothing you saved is lost. Try again in a moment; if it keeps happening, tell the person who runs this server
            {digest ? " and quote the reference below" : ""}.
          </p>
        )}
        {digest && !unavailable ? <p className="font-mono text-xs text-muted-foreground">Reference: {digest}</p> : null}
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
