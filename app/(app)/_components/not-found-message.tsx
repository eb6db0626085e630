import Link from "next/link";
import { Compass } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * The body of the one 404 page. Missing pages and pages the visitor may not see get
 * exactly this, so nothing about a group leaks to someone outside it.
 */
export function NotFoundMessage({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
          <Compass className="size-5.5" />
        </span>
        <p className="text-sm font-medium tracking-wider text-muted-foreground uppercase">404</p>
        <h1 className="font-serif text-3xl leading-tight font-semibold tracking-tight">We couldn’t find that page</h1>
        <p className="text-muted-foreground">It may have been moved, or you may not have access. If someone sent you a link, ask them to add you to their group.</p>
        <div className="mt-2 flex flex-wrap justify-center gap-3">
          <Button asChild>
            <Link href={signedIn ? "/groups" : "/"}>{signedIn ? "Back to your groups" : "Go to the home page"}</Link>
          </Button>
          {signedIn ? null : (
            <Button asChild variant="outline">
              <Link href="/signin">Sign in</Link>
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
