import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { FileText, VolumeX } from "lucide-react";
import { GroupNavBar } from "@/components/layout/group-nav-bar";
import { currentUser } from "@/lib/auth/current-user";
import { MAX_IMPORT_BYTES } from "@/lib/editor/import";
import { orNotFound } from "@/lib/http/or-not-found";
import { abilities, can, ROLES } from "@/lib/policies";
import { listDocuments } from "@/lib/queries/documents";
import { listMembers, loadGroupForActor } from "@/lib/queries/memberships";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DocumentList } from "@/components/documents/document-list";
import { NewDocumentDialog } from "@/components/documents/new-document-dialog";
import { plural } from "@/components/documents/format";
import { GroupSettingsForm } from "@/components/groups/group-settings-form";
import { MembersCard } from "@/components/groups/members-card";
import { ModerationBadge, RoleBadge } from "@/components/groups/role-badge";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { listInvites } from "@/lib/queries/invites";
import { InvitesCard } from "@/components/invites/invites-card";
import { GroupSearchBox } from "@/components/search/group-search-box";

type Props = { params: Promise<{ groupId: string }> };

/** Server actions post through Next at 1 MB unless next.config raises serverActions.bodySizeLimit. */
const MAX_UPLOAD_BYTES = MAX_IMPORT_BYTES;

/** The group and the viewer's membership, once per request; outsiders get the ordinary 404. */
const load = cache(async (groupId: string) => {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return { user, ...(await orNotFound(loadGroupForActor(groupId, user.id))) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await load((await params).groupId);
  return { title: group.name };
}

export default async function GroupPage({ params }: Props) {
  const { groupId } = await params;
  const { user, group, membership, viewer } = await load(groupId);
  const rights = abilities(membership);
  const [documents, members, invites] = await Promise.all([listDocuments(viewer), listMembers(viewer), rights["member.manage"] ? listInvites(viewer) : []]);

  const newDocument = (label?: string, variant?: "default" | "outline") =>
    rights["document.create"] ? (
      <NewDocumentDialog groupId={group.id} groupName={group.name} maxBytes={MAX_UPLOAD_BYTES} triggerLabel={label} triggerVariant={variant} />
    ) : null;

  return (
    <PageContainer>
      <PageHeader
        breadcrumb={[{ label: "Groups", href: "/groups" }, { label: group.name }]}
        title={group.name}
        description={
          <>
            {group.description ? <span className="block">{group.description}</span> : null}
            <span className={group.description ? "mt-3 flex flex-wrap items-center gap-2" : "mt-1 flex flex-wrap items-center gap-2"}>
              <RoleBadge role={membership.role} />
              <ModerationBadge moderation={group.moderation} />
            </span>
          </>
        }
        actions={
          <>
            <GroupSearchBox groupId={group.id} />
            {documents.length > 0 ? newDocument() : null}
          </>
        }
      />
      <GroupNavBar viewer={viewer} />

      {membership.muted ? (
        <Alert variant="warning" title="You are muted in this group" icon={<VolumeX aria-hidden="true" />} className="mb-8">
          You can keep reading, but you can’t post until a moderator unmutes you.
        </Alert>
      ) : null}

      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] xl:gap-10">
        <section aria-labelledby="documents-heading" className="flex min-w-0 flex-col gap-4">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="documents-heading" className="text-base font-semibold tracking-tight">
              Documents
            </h2>
            {documents.length > 0 ? <span className="text-sm text-muted-foreground">{plural(documents.length, "document")}</span> : null}
          </div>
          {documents.length > 0 ? (
            <DocumentList documents={documents} />
          ) : rights["document.create"] ? (
            <EmptyState
              icon={<FileText />}
              title="Paste a text to start"
              description="Add a chapter, an essay or your seminar notes — as plain text, Markdown or HTML. Everyone here will read and annotate the same copy."
              action={newDocument()}
              className="bg-card/50 py-14"
            />
          ) : (
            <EmptyState
              icon={<FileText />}
              title="No texts yet"
              description="When an editor or owner adds a text, it will appear here for everyone in the group."
              className="bg-card/50 py-14"
            />
          )}
        </section>

        <aside className="flex min-w-0 flex-col gap-6" aria-label="Group details">
          <MembersCard
            group={group}
            members={members}
            actor={{ userId: user.id, role: membership.role, muted: membership.muted }}
            canManage={rights["member.manage"]}
            canMute={rights["member.mute"]}
          />
          {rights["member.manage"] ? (
            <InvitesCard group={group} invites={invites} roles={ROLES.filter((role) => can(membership, "member.invite", role))} mailConfigured={isMailConfigured()} />
          ) : null}
          {rights["group.update"] ? (
            <Card role="region" aria-labelledby="settings-heading">
              <CardHeader>
                <CardTitle as="h2" id="settings-heading">
                  Group settings
                </CardTitle>
                <CardDescription>Only owners see this.</CardDescription>
              </CardHeader>
              <CardContent>
                <GroupSettingsForm group={group} canDelete={rights["group.delete"]} />
              </CardContent>
            </Card>
          ) : null}
        </aside>
      </div>
    </PageContainer>
  );
}
