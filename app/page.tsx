import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Highlighter, PenLine, ShieldCheck } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { SiteHeader } from "@/components/layout/site-header";
import { Wordmark } from "@/components/layout/logo";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: { absolute: "Marginalia — read together, in the margins" } };

const features = [
  {
    icon: PenLine,
    title: "Co-edit the text live",
    body: "Import a chapter from plain text, Markdown or HTML. Editors correct typos and add headings together, in real time, while everyone reads the same page.",
  },
  {
    icon: Highlighter,
    title: "Annotations that stay on the right words",
    body: "Notes are anchored to the passage itself, not to a line number. When the text changes, each note moves with its words — and says so when they are gone.",
  },
  {
    icon: ShieldCheck,
    title: "Moderation that serves a seminar",
    body: "Roles from viewer to owner, posts that appear at once or wait for approval, and a log of every decision. The discussion stays on the text, not on the rules.",
  },
];

export default async function Home() {
  if (await currentUser()) redirect("/groups");

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader user={null} />
      <main id="main" tabIndex={-1} className="outline-none flex-1">
        <section className="mx-auto grid w-full max-w-page items-center gap-14 px-4 pt-14 pb-20 sm:px-6 sm:pt-20 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)] lg:gap-16 lg:px-8 lg:pt-24 lg:pb-28">
          <div className="flex max-w-xl flex-col items-start gap-6">
            <p className="rounded-full border bg-card px-3 py-1 text-[0.8125rem] text-muted-foreground">Open source · for reading groups and seminars</p>
            <h1 className="font-serif text-[2.625rem] leading-[1.05] font-semibold tracking-tight sm:text-6xl">
              Read together,
              <br />
              <span className="italic">in the margins.</span>
            </h1>
            <p className="max-w-lg text-lg leading-relaxed text-muted-foreground">
              Marginalia gives your group one shared copy of the text. Import it, tidy it up together, and talk about it beside the very words you mean — the way a well-read
              library book does.
            </p>
            <div className="flex flex-wrap items-center gap-3 pt-2">
              <Button asChild size="lg">
                <Link href="/signup">Start a reading group</Link>
              </Button>
              <Button asChild size="lg" variant="outline">
                <Link href="/signin">Sign in</Link>
              </Button>
            </div>
          </div>
          <PagePreview />
        </section>

        <section aria-labelledby="features-heading" className="border-t bg-card/50">
          <div className="mx-auto w-full max-w-page px-4 py-16 sm:px-6 sm:py-20 lg:px-8">
            <h2 id="features-heading" className="sr-only">
              What Marginalia does
            </h2>
            <ul className="grid gap-10 md:grid-cols-3 md:gap-8 lg:gap-12">
              {features.map(({ icon: Icon, title, body }) => (
                <li key={title} className="flex flex-col gap-3">
                  <span aria-hidden="true" className="flex size-10 items-center justify-center rounded-lg bg-accent text-accent-foreground">
                    <Icon className="size-5" />
                  </span>
                  <h3 className="font-serif text-xl leading-snug font-semibold">{title}</h3>
                  <p className="leading-relaxed text-muted-foreground">{body}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section className="mx-auto flex w-full max-w-page flex-col items-center gap-5 px-4 py-20 text-center sm:px-6 lg:px-8">
          <h2 className="max-w-2xl font-serif text-3xl leading-tight font-semibold tracking-tight sm:text-4xl">Bring this week’s reading. We’ll keep the margin.</h2>
          <p className="max-w-xl text-muted-foreground">
            Self-hosted, standards-based (W3C Web Annotation) and free to adapt. Your texts and your discussions stay on your server.
          </p>
          <Button asChild size="lg" className="mt-2">
            <Link href="/signup">Create your account</Link>
          </Button>
        </section>
      </main>
      <footer className="border-t">
        <div className="mx-auto flex w-full max-w-page flex-col items-start justify-between gap-3 px-4 py-8 text-sm text-muted-foreground sm:flex-row sm:items-center sm:px-6 lg:px-8">
          <Wordmark className="text-muted-foreground [&_span]:text-base" />
          <p>Open source under the AGPL-3.0. Made for people who read slowly, on purpose.</p>
        </div>
      </footer>
    </div>
  );
}

/** A still life of the product: a page of text with two highlights and their margin notes. */
function PagePreview() {
  return (
    <figure aria-label="A page of Thoreau’s Walden with two passages highlighted and discussed in the margin" className="relative w-full max-w-[30rem] justify-self-center lg:justify-self-end">
      <div aria-hidden="true" className="absolute -inset-4 -z-10 rounded-[2rem] bg-[radial-gradient(ellipse_at_center,var(--accent),transparent_70%)] opacity-70" />
      <div className="grid grid-cols-[minmax(0,1fr)_9.5rem] gap-4 rounded-2xl border bg-card p-5 shadow-xl shadow-black/[0.06] sm:grid-cols-[minmax(0,1fr)_11rem] sm:gap-5 sm:p-7 dark:shadow-black/30">
        <div aria-hidden="true" className="font-serif text-[0.9375rem] leading-[1.7] sm:text-base">
          <p className="mb-3 text-[0.6875rem] font-sans font-semibold tracking-wider text-muted-foreground uppercase">Walden · Reading</p>
          <p>
            To read well, that is, to read true books in a true spirit, is <mark className="rounded-[2px] bg-highlight-mine px-0.5 text-inherit">a noble exercise</mark>, and
            one that will task the reader more than any exercise which the customs of the day esteem. Books must be read{" "}
            <mark className="rounded-[2px] bg-highlight-strong px-0.5 text-inherit">as deliberately and reservedly as they were written</mark>.
          </p>
        </div>
        <div aria-hidden="true" className="relative flex flex-col gap-3 border-l pt-10 pl-3 text-[0.75rem] leading-snug sm:pl-4">
          <div className="rounded-lg border bg-background/70 p-2.5 shadow-xs">
            <div className="mb-1.5 flex items-center gap-1.5">
              <Avatar name="Ines Moreau" size="xs" decorative className="ring-0" />
              <span className="font-medium">Ines</span>
            </div>
            <p className="text-muted-foreground">“Exercise” — he means it almost athletically. Compare the next sentence.</p>
          </div>
          <div className="mt-6 rounded-lg border border-primary/30 bg-background/70 p-2.5 shadow-xs">
            <div className="mb-1.5 flex items-center gap-1.5">
              <Avatar name="Tomás Reyes" size="xs" decorative className="ring-0" />
              <span className="font-medium">Tomás</span>
            </div>
            <p className="text-muted-foreground">Is “reservedly” restraint, or holding something back for later?</p>
            <p className="mt-2 font-medium text-primary">2 replies</p>
          </div>
        </div>
      </div>
      <figcaption className="sr-only">Readers’ notes sit in the margin, level with the words they are about.</figcaption>
    </figure>
  );
}
