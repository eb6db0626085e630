import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowRight, SearchX, TextSearch } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/or-not-found";
import { requestOrigin } from "@/lib/http/request-origin";
import { presentSearchResult } from "@/lib/presenters/search";
import { listDocuments } from "@/lib/queries/documents";
import { listMembers } from "@/lib/queries/memberships";
import { assertAuthorFilterAllowed, groupTags, loadSearchScope, searchGroup } from "@/lib/queries/search";
import { searchInput } from "@/lib/validation/search";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchFilters } from "@/components/search/search-filters";
import { SearchResult } from "@/components/search/search-result";
import { param, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Search" };

type Props = { params: Promise<{ groupId: string }>; searchParams: SearchParams };

/** Search across a group's texts: ranked hits with the matching words marked, filters, and pages. */
export default async function GroupSearchPage({ params, searchParams }: Props) {
  const { groupId } = await params;
  const query = await searchParams;
  const user = await currentUser();
  if (!user) redirect("/signin");
  const { group, viewer } = await orNotFound(loadSearchScope(groupId, user.id, {}));
  const raw = { q: param(query, "q"), author: param(query, "author") || undefined, tag: param(query, "tag") || undefined, document: param(query, "document") || undefined, cursor: param(query, "cursor") || undefined };
  const parsed = searchInput.safeParse(raw);

  let problem: string | undefined;
  let results: { items: ReturnType<typeof presentSearchResult>[]; next: string | null } | null = null;
  if (parsed.success) {
    try {
      assertAuthorFilterAllowed(viewer, parsed.data.author);
      const { rows, next } = await searchGroup(viewer, parsed.data);
      const base = await requestOrigin();
      results = { items: rows.map((row) => presentSearchResult(row, base, viewer)), next };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.message;
    }
  } else if (raw.q || raw.author || raw.tag || raw.document || raw.cursor) {
    problem = parsed.error.issues.map((issue) => issue.message).join("; ");
  }

  const [documents, members, tags] = await Promise.all([listDocuments(viewer), listMembers(viewer), groupTags(viewer)]);
  const authors = viewer.anonymousPeers
    ? [{ value: user.id, label: "Me" }]
    : members.map((m) => ({ value: m.user.id, label: m.user.id === user.id ? `${m.user.name} (me)` : m.user.name }));
  const filters = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value && key !== "cursor")) as Record<string, string>;
  const nextHref = results?.next ? `?${new URLSearchParams({ ...filters, cursor: results.next })}` : null;
  const firstHref = raw.cursor ? `?${new URLSearchParams(filters)}` : null;

  return (
    <PageContainer size="narrow" className="max-w-3xl">
      <PageHeader
        breadcrumb={[{ label: "Groups", href: "/groups" }, { label: group.name, href: `/groups/${group.id}` }, { label: "Search" }]}
        title="Search the discussion"
        description={`Notes, quoted passages and tags across every text in ${group.name} — only what you can see.`}
      />
      <div className="flex flex-col gap-6">
        <SearchFilters groupId={group.id} values={raw} authors={authors} tags={tags} documents={documents.map((d) => ({ value: d.id, label: d.title }))} />
        {problem ? <Alert variant="error">{problem}</Alert> : null}
        {results === null && !problem ? (
          <EmptyState headingLevel={2} icon={<TextSearch />} title="Find a thread again" description="Type a few words someone wrote, or a phrase from the text they annotated. Filters narrow it to a person, a tag or one text." className="bg-card/50" />
        ) : null}
        {results && results.items.length === 0 ? (
          <EmptyState
            headingLevel={2}
            icon={<SearchX />}
            title="Nothing matches"
            description={raw.cursor ? "There are no more results." : "Try fewer or different words, or remove a filter. Very common words (“the”, “and”) are ignored."}
            className="bg-card/50"
          />
        ) : null}
        {results && results.items.length > 0 ? (
          <section aria-label="Results" className="flex flex-col gap-3">
            <p className="text-sm text-muted-foreground" role="status">
              {raw.q ? (raw.cursor ? "More matches" : "Best matches first") : "Newest first"}
            </p>
            <ol className="flex flex-col gap-3">
              {results.items.map((result) => (
                <SearchResult key={result.id} result={result} />
              ))}
            </ol>
            <div className="flex items-center justify-between gap-3 pt-2">
              {firstHref ? (
                <Button asChild variant="ghost">
                  <Link href={firstHref}>Back to the best matches</Link>
                </Button>
              ) : (
                <span />
              )}
              {nextHref ? (
                <Button asChild variant="outline">
                  <Link href={nextHref}>
                    More results
                    <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
              ) : null}
            </div>
          </section>
        ) : null}
      </div>
    </PageContainer>
  );
}
