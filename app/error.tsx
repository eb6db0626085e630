"use client";

import Link from "next/link";
import { Wordmark } from "@/components/layout/logo";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { ErrorMessage } from "./(app)/_components/error-message";

/** Unexpected failures outside the signed-in area (landing, sign-in): a plain header, the message, a retry. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b">
        <div className="mx-auto flex h-header w-full max-w-page items-center justify-between px-4 sm:px-6 lg:px-8">
          <Link href="/" className="-ml-1 rounded-md px-1 py-1 outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <Wordmark />
          </Link>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="outline-none flex flex-1 flex-col">
        <ErrorMessage error={error} retry={retry} home={{ href: "/", label: "Go to the home page" }} />
      </main>
    </div>
  );
}
