import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Download, KeyRound } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { requestOrigin } from "@/lib/http/request-origin";
import { userPreferences } from "@/lib/queries/preferences";
import { listApiTokens } from "@/lib/queries/tokens";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/components/documents/format";
import { TimeAgo } from "@/components/documents/time-ago";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { DigestForm } from "@/components/settings/digest-form";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { hasPassword } from "@/lib/queries/account";
import { Button } from "@/components/ui/button";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccountDialog } from "@/components/settings/delete-account-dialog";
import { SignOutEverywhereButton } from "@/components/settings/sign-out-everywhere-button";

export const metadata: Metadata = { title: "Settings" };

function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) {
  if (token.revokedAt) return { label: "Revoked", variant: "outline" as const, title: `Revoked ${formatDateTime(token.revokedAt)}` };
  if (token.expiresAt && token.expiresAt <= now) return { label: "Expired", variant: "warning" as const, title: `Expired ${formatDateTime(token.expiresAt)}` };
  return { label: "Active", variant: "success" as const, title: token.expiresAt ? `Expires ${formatDateTime(token.expiresAt)}` : "Does not expire" };
}

export default async function SettingsPage() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const [tokens, origin, preferences, passwordSet] = await Promise.all([
    listApiTokens(user.id),
    requestOrigin(),
    userPreferences(user.id),
    hasPassword(user.id),
  ]);
  const now = new Date();
  const displayName = user.name || user.email;

  return (
    <PageContainer size="narrow" className="max-w-3xl">
      <PageHeader title="Settings" description="Your profile, your password and sessions, the tokens that let tools use Marginalia as you, and your data." />

      <div className="flex flex-col gap-8">
        <Card role="region" aria-labelledby="profile-heading">
          <CardHeader>
            <CardTitle as="h2" id="profile-heading">
              Profile
            </CardTitle>
            <CardDescription>How other members see you. Changing your name or email comes in a later release.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="flex items-center gap-4">
              <Avatar name={displayName} seed={user.email} size="xl" decorative className="ring-0" />
              <div className="flex min-w-0 flex-col gap-0.5">
                <dt className="sr-only">Name</dt>
                <dd className="flex flex-wrap items-center gap-2 font-serif text-xl font-semibold">
                  <span className="truncate">{user.name}</span>
                </dd>
                <dt className="sr-only">Email</dt>
                <dd className="truncate text-sm text-muted-foreground">{user.email}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>

        <Card role="region" aria-labelledby="password-heading">
          <CardHeader>
            <CardTitle as="h2" id="password-heading">
              Password and sessions
            </CardTitle>
            <CardDescription>Changing your password signs you out everywhere else and revokes all your API tokens.</CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm hasPassword={passwordSet} />
          </CardContent>
          <Separator />
          <CardContent className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-muted-foreground">Lost a device, or signed in somewhere you should not stay? End every session at once.</p>
            <SignOutEverywhereButton />
          </CardContent>
        </Card>

        <Card role="region" aria-labelledby="notifications-heading">
          <CardHeader>
            <CardTitle as="h2" id="notifications-heading">
              Notifications
            </CardTitle>
            <CardDescription>Your inbox always has everything; choose whether you also want it by email.</CardDescription>
          </CardHeader>
          <CardContent>
            <DigestForm digestEmail={preferences.digestEmail} mailConfigured={isMailConfigured()} />
          </CardContent>
        </Card>

        <Card role="region" aria-labelledby="tokens-heading">
          <CardHeader>
            <CardTitle as="h2" id="tokens-heading">
              API tokens
            </CardTitle>
            <CardDescription>
              Personal tokens let scripts, the command line and other annotation tools act as you through the API. Treat them like passwords: anyone holding one can read and
              post in your groups.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTokenForm origin={origin} />
          </CardContent>
          <Separator />
          <CardContent>
            {tokens.length === 0 ? (
              <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-8 text-center">
                <span aria-hidden="true" className="flex size-10 items-center justify-center rounded-full bg-accent text-accent-foreground">
                  <KeyRound className="size-4.5" />
                </span>
                <p className="font-serif text-base font-semibold">No tokens yet</p>
                <p className="max-w-sm text-sm text-muted-foreground">Create one above when a script or tool needs to reach your groups. You can revoke it at any time.</p>
              </div>
            ) : (
              <Table aria-label="Your API tokens" containerClassName="-mx-2 w-auto">
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>Label</TableHead>
                    <TableHead className="hidden sm:table-cell">Token</TableHead>
                    <TableHead className="hidden md:table-cell">Created</TableHead>
                    <TableHead className="hidden md:table-cell">Last used</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead>
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tokens.map((token) => {
                    const status = tokenStatus(token, now);
                    const revoked = status.label !== "Active";
                    return (
                      <TableRow key={token.id} className={revoked ? "text-muted-foreground" : undefined}>
                        <TableCell className="max-w-[14rem]">
                          <div className="truncate font-medium">{token.label}</div>
                          <div className="mt-1 flex flex-col gap-0.5 text-xs text-muted-foreground md:hidden">
                            <span className="font-mono sm:hidden">{token.prefix}…</span>
                            <span>Created {formatDate(token.createdAt)}</span>
                            <span>{token.lastUsedAt ? <>Last used <TimeAgo date={token.lastUsedAt} /></> : "Never used"}</span>
                          </div>
                        </TableCell>
                        <TableCell className="hidden font-mono text-xs sm:table-cell">{token.prefix}…</TableCell>
                        <TableCell className="hidden whitespace-nowrap md:table-cell">
                          <time dateTime={token.createdAt.toISOString()} title={formatDateTime(token.createdAt)}>
                            {formatDate(token.createdAt)}
                          </time>
                        </TableCell>
                        <TableCell className="hidden whitespace-nowrap md:table-cell">
                          {token.lastUsedAt ? <TimeAgo date={token.lastUsedAt} /> : <span className="text-muted-foreground">Never</span>}
                        </TableCell>
                        <TableCell>
                          <Badge variant={status.variant} title={status.title}>
                            {status.label}
                          </Badge>
                        </TableCell>
                        <TableCell className="w-0 text-right">
                          {revoked ? null : <RevokeTokenButton tokenId={token.id} label={token.label} />}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        <Card role="region" aria-labelledby="data-heading">
          <CardHeader>
            <CardTitle as="h2" id="data-heading">
              Your data
            </CardTitle>
            <CardDescription>Everything you wrote — annotations and replies, private ones included — and the documents you brought in. Others’ words are not included.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <a href="/api/v1/me/export?format=jsonld" download>
                <Download aria-hidden="true" />
                Download as JSON-LD
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href="/api/v1/me/export?format=markdown" download>
                <Download aria-hidden="true" />
                Download as Markdown
              </a>
            </Button>
          </CardContent>
        </Card>

        <Card role="region" aria-labelledby="delete-heading" className="border-destructive/30">
          <CardHeader>
            <CardTitle as="h2" id="delete-heading">
              Delete account
            </CardTitle>
            <CardDescription>
              Your private notes go. You choose whether your notes in groups stay, signed “Deleted user”, or go. If you are a group’s only owner, make someone else owner
              first.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteAccountDialog hasPassword={passwordSet} />
          </CardContent>
        </Card>
      </div>
    </PageContainer>
  );
}
