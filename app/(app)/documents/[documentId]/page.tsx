import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cache, Suspense } from "react";
import { ChevronRight, FileText } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { renderHighlightedHTML, type StaticHighlight } from "@/lib/editor/render-highlights";
import { orNotFound } from "@/lib/http/or-not-found";
import { requestOrigin } from "@/lib/http/request-origin";
import { abilities } from "@/lib/policies";
import { presentAnnotation } from "@/lib/presenters/annotation";
import { listVisibleAnnotations } from "@/lib/queries/annotations";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { currentDocumentJSON } from "@/lib/queries/document-content";
import { loadDocumentForActor } from "@/lib/queries/documents";
import { listTextHighlights, type TextHighlightRow } from "@/lib/queries/text-highlights";
import { componentLogger, errorFields } from "@/lib/log";
import type { Viewer } from "@/lib/policies/annotations";
import { AnnotatedDocument } from "@/components/annotations/annotated-document";
import { KeyboardShortcuts } from "@/components/annotations/keyboard-shortcuts";
import { noteFromJSON, type AnnotationJSON, type Note } from "@/components/annotations/model";
import { Button } from "@/components/ui/button";
import { FORMAT_LABEL, formatDate } from "@/components/documents/format";
import { TimeAgo } from "@/components/documents/time-ago";
import { AnnotationTransferMenu } from "@/components/documents/annotation-transfer-menu";
import { DocumentSettingsMenu } from "@/components/documents/document-settings-menu";
import { isFollowing } from "@/lib/commands/follow-document";
import { DocumentDensity } from "./_components/document-density";

type Props = { params: Promise<{ documentId: string }> };

/** The document and the reader's membership, once per request; outsiders get the ordinary 404. */
const load = cache(async (documentId: string) => {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return orNotFound(loadDocumentForActor(documentId, user.id));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { document } = await load((await params).documentId);
  return { title: `${document.title} · ${document.group.name}` };
}

/** Minutes at an unhurried 230 words a minute. */
function readingMinutes(text: string): number {
  const words = text.trim() ? text.trim().split(/\s+/u).length : 0;
  return Math.max(1, Math.round(words / 230));
}

/** The highlights the live page draws at first (thread roots on the text, resolved ones folded away), for the server-rendered text. */
function staticHighlights(rows: TextHighlightRow[], userId: string): StaticHighlight[] {
  return rows.map((row) => ({ id: row.id, start: row.start, end: row.end, exact: row.exact, mine: row.authorId === userId, private: row.visibility === "private", pending: row.status !== "approved" }));
}

/** The reader's notes as the margin keeps them; null when they could not be read (the live connection's first sync reads them again). */
async function marginNotes(documentId: string, viewer: Viewer, origin: string): Promise<Note[] | null> {
  try {
    const rows = await listVisibleAnnotations(documentId, viewer);
    return rows.map((row) => noteFromJSON(presentAnnotation(row, origin, viewer, { embedded: true }) as AnnotationJSON));
  } catch (error) {
    componentLogger("reading-page").error({ ...errorFields(error), documentId }, "could not read the notes for the margin");
    return null;
  }
}

const crumbLink =
  "truncate rounded-sm underline-offset-4 outline-none hover:text-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring";

export default async function DocumentPage({ params }: Props) {
  const { documentId } = await params;
  const { document, membership } = await load(documentId);
  const user = (await currentUser())!;
  const may = abilities(membership);
  const canEdit = may["document.edit"];
  const group = document.group;
  // The text and its highlights come first, in the page's first bytes; the notes themselves
  // (bodies, reactions, flags) stream in after them, so the text's first paint never waits for them.
  // The policy viewer carries the seminar settings (anonymous peers, hidden until posted) too.
  const access = loadDocumentForViewer(document.id, user.id);
  const [json, { viewer }, highlights, origin, following] = await Promise.all([
    currentDocumentJSON({ document, membership }),
    access,
    access.then(({ viewer }) => listTextHighlights(document.id, viewer)),
    requestOrigin(),
    isFollowing(user.id, document.id),
  ]);
  // Started once the text's own reads are done: their rows would otherwise compete with the text's for this process's time.
  const notes = marginNotes(document.id, viewer, origin);
  // The first paint already shows the notes' words: the text comes with its highlights.
  const html = renderHighlightedHTML(json, staticHighlights(highlights, user.id));

  const header = (
    <header className="mb-10 max-w-reading border-b pb-8">
      <h1 id="document-title" className="font-serif text-[2rem] leading-[1.15] font-semibold tracking-tight text-balance sm:text-[2.5rem]">
        {document.title}
      </h1>
      <p className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
        <Link href={`/groups/${group.id}`} className="rounded-sm font-medium text-foreground/80 underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
          {group.name}
        </Link>
        <span aria-hidden="true">·</span>
        <span>
          Updated <TimeAgo date={document.updatedAt} />
        </span>
        <span aria-hidden="true" className="hidden sm:inline">
          ·
        </span>
        <span className="hidden sm:inline">{readingMinutes(document.text)} min read</span>
        <span aria-hidden="true" className="hidden sm:inline">
          ·
        </span>
        <span className="hidden sm:inline" title={`Imported ${formatDate(document.createdAt)}`}>
          {FORMAT_LABEL[document.sourceFormat] ?? document.sourceFormat}
        </span>
      </p>
    </header>
  );

  return (
    <>
      {/* Sticky, so the save status and who is here stay in view; the editor's toolbar sticks below it. */}
      <div className="sticky top-header z-30 border-b bg-background/90 backdrop-blur-md supports-[backdrop-filter]:bg-background/75">
        <div className="mx-auto flex h-12 w-full max-w-page items-center gap-3 px-4 py-2 sm:px-6 lg:px-8">
          <nav aria-label="Breadcrumb" className="min-w-0 flex-1">
            <ol className="flex min-w-0 items-center gap-1 text-sm text-muted-foreground">
              <li className="hidden shrink-0 items-center gap-1 sm:inline-flex">
                <Link href="/groups" className={crumbLink}>
                  Groups
                </Link>
                <ChevronRight aria-hidden="true" className="size-3.5 opacity-60" />
              </li>
              <li className="inline-flex min-w-0 shrink items-center gap-1">
                <Link href={`/groups/${group.id}`} className={crumbLink}>
                  {group.name}
                </Link>
                <ChevronRight aria-hidden="true" className="size-3.5 shrink-0 opacity-60" />
              </li>
              <li className="min-w-0 flex-1 truncate font-medium text-foreground" aria-current="page">
                {document.title}
              </li>
            </ol>
          </nav>
          <div className="flex shrink-0 items-center gap-2">
            <div id="annotation-tools" className="hidden w-60 min-[900px]:block xl:w-72" />
            <div id="document-status" className="flex items-center" />
            <KeyboardShortcuts canAnnotate={may["annotation.create"]} />
            <DocumentSettingsMenu documentId={document.id} following={following} hideUntilPosted={document.hideUntilPosted} canModerate={may["annotation.moderate"]} canDelete={may["document.delete"]} title={document.title} />
            <AnnotationTransferMenu documentId={document.id} canImport={may["annotation.create"]} />
            <Button asChild variant="ghost" size="sm" className="text-muted-foreground hover:text-foreground">
              <a href={`/api/v1/documents/${document.id}/text`} title="The document as plain text">
                <FileText aria-hidden="true" />
                Plain text
              </a>
            </Button>
          </div>
        </div>
      </div>

      <div className="contents [--editor-sticky-top:calc(var(--spacing-header)+3rem+1px)]">
      <AnnotatedDocument
        documentId={document.id}
        groupId={group.id}
        user={{ id: user.id, name: user.name }}
        membership={{ role: membership.role, muted: membership.muted }}
        canEdit={canEdit}
        initialHtml={html}
        initialNotes={notes}
        hiddenUntilPosted={viewer.hiddenUntilPosted === true}
        header={header}
        textAside={
          // Moderators see where discussion gathers, beside the text (as in the engagement view), streamed after it.
          may["moderation.read"] ? (
            <Suspense fallback={null}>
              <DocumentDensity viewer={viewer} documentId={document.id} />
            </Suspense>
          ) : null
        }
        statusBarContainerId="document-status"
        toolsContainerId="annotation-tools"
      />
      </div>
    </>
  );
}
