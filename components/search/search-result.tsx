import Link from "next/link";
import { CircleCheck, CircleHelp, CornerDownRight, Lock, ThumbsUp } from "lucide-react";
import type { PresentedSearchResult } from "@/lib/presenters/search";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/documents/time-ago";

const STATUS_LABEL: Record<string, string> = { pending: "Waiting for approval", hidden: "Hidden", spam: "Marked as spam" };

/** Snippets arrive as HTML in which only <mark> can appear (lib/presenters/search.ts escapes the rest). */
function Snippet({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** One hit: the quoted words it sits on, the note with matches marked, and where and by whom. */
function SearchResult({ result }: { result: PresentedSearchResult }) {
  const href = new URL(result.url).pathname + new URL(result.url).hash;
  return (
    <li>
      <article className="group relative flex flex-col gap-2.5 rounded-xl border bg-card px-5 py-4 shadow-xs transition-colors focus-within:ring-2 focus-within:ring-ring hover:border-primary/40">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[0.8125rem] text-muted-foreground">
          <Link href={href} className="font-medium text-foreground outline-none after:absolute after:inset-0 after:rounded-xl hover:underline">
            {result.document.title}
          </Link>
          <span aria-hidden="true">·</span>
          <span>{result.author.name}</span>
          <span aria-hidden="true">·</span>
          <TimeAgo date={new Date(result.created)} />
          {result.isReply ? (
            <Badge variant="outline">
              <CornerDownRight aria-hidden="true" />
              Reply
            </Badge>
          ) : null}
          {result.visibility === "private" ? (
            <Badge variant="outline" title="Only you can see this note">
              <Lock aria-hidden="true" />
              Private
            </Badge>
          ) : null}
          {result.moderationStatus !== "approved" ? <Badge variant="warning">{STATUS_LABEL[result.moderationStatus]}</Badge> : null}
          {result.resolved ? (
            <Badge variant="success">
              <CircleCheck aria-hidden="true" />
              Resolved
            </Badge>
          ) : null}
        </div>
        {result.quote ? (
          <blockquote className="border-l-2 border-highlight-strong pl-3 font-serif text-[0.9375rem] leading-relaxed text-muted-foreground italic [&_mark]:rounded-[2px] [&_mark]:bg-highlight [&_mark]:text-foreground">
            {result.isReply ? <span className="sr-only">In a thread on: </span> : null}“<Snippet html={result.quote} />”
          </blockquote>
        ) : null}
        {result.snippet ? (
          <p className="text-[0.9375rem] leading-relaxed [&_mark]:rounded-[2px] [&_mark]:bg-highlight-strong [&_mark]:px-0.5 dark:[&_mark]:bg-highlight [&_mark]:text-foreground">
            <Snippet html={result.snippet} />
          </p>
        ) : null}
        {result.tags.length > 0 || result.reactions.helpful > 0 || result.reactions.question > 0 ? (
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            {result.tags.map((tag) => (
              <Badge key={tag} variant="secondary">
                #{tag}
              </Badge>
            ))}
            {result.reactions.helpful > 0 ? (
              <span className="ml-1 inline-flex items-center gap-1" title={`${result.reactions.helpful} found this helpful`}>
                <ThumbsUp aria-hidden="true" className="size-3.5" />
                {result.reactions.helpful}
                <span className="sr-only"> helpful</span>
              </span>
            ) : null}
            {result.reactions.question > 0 ? (
              <span className="ml-1 inline-flex items-center gap-1" title={`${result.reactions.question} have this question too`}>
                <CircleHelp aria-hidden="true" className="size-3.5" />
                {result.reactions.question}
                <span className="sr-only"> with the same question</span>
              </span>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}

export { SearchResult };
