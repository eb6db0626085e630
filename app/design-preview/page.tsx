import { BookOpen, FileText, Plus, Upload, Users } from "lucide-react";
import { SiteHeader } from "@/components/layout/site-header";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Label } from "@/components/ui/label";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { Avatar, AvatarGroup } from "@/components/ui/avatar";
import { Separator } from "@/components/ui/separator";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Kbd } from "@/components/ui/kbd";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

async function signOut() {
  "use server";
}

const nav = [
  { href: "/design-preview", label: "Library" },
  { href: "/groups", label: "Groups" },
  { href: "/invitations", label: "Invitations", badge: 2 },
];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-4">
      <h2 className="text-xs font-semibold tracking-wider text-muted-foreground uppercase">{title}</h2>
      {children}
    </section>
  );
}

export default function DesignPreview() {
  const members = [
    { name: "Ada Lovelace", email: "ada@example.org", role: "owner", joined: "12 Mar 2025" },
    { name: "Mary Shelley", email: "mary@example.org", role: "editor", joined: "2 Apr 2025" },
    { name: "Frederick Douglass", email: "fred@example.org", role: "commenter", joined: "18 Apr 2025" },
    { name: "Simone Weil", email: "simone@example.org", role: "viewer", joined: "1 May 2025" },
  ] as const;

  return (
    <>
      <SiteHeader user={{ name: "Ada Lovelace", email: "ada@example.org" }} signOutAction={signOut} nav={nav} />
      <main id="main">
        <PageContainer>
          <PageHeader
            breadcrumb={[{ label: "Groups", href: "/groups" }, { label: "Thursday Seminar", href: "/groups/1" }, { label: "Documents" }]}
            title="Design preview"
            description="Every primitive in one place. Quiet, legible and fast — a reader's tool first."
            actions={
              <>
                <Button variant="outline">
                  <Upload /> Import
                </Button>
                <Button>
                  <Plus /> New document
                </Button>
              </>
            }
          />

          <div className="grid gap-12">
            <Section title="Buttons">
              <div className="flex flex-wrap items-center gap-3">
                <Button>Default</Button>
                <Button variant="secondary">Secondary</Button>
                <Button variant="outline">Outline</Button>
                <Button variant="ghost">Ghost</Button>
                <Button variant="destructive">Delete</Button>
                <Button variant="link">Link button</Button>
                <Button disabled>Disabled</Button>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <Button size="sm">Small</Button>
                <Button>Default</Button>
                <Button size="lg">Large</Button>
                <Button size="icon" variant="outline" aria-label="Add">
                  <Plus />
                </Button>
                <Button size="icon-sm" variant="ghost" aria-label="Members">
                  <Users />
                </Button>
                <Button asChild variant="secondary">
                  <a href="#main">
                    <BookOpen /> Continue reading
                  </a>
                </Button>
              </div>
            </Section>

            <Section title="Badges & avatars">
              <div className="flex flex-wrap items-center gap-2">
                <Badge>Default</Badge>
                <Badge variant="secondary">Secondary</Badge>
                <Badge variant="outline">Outline</Badge>
                <Badge variant="success">Published</Badge>
                <Badge variant="warning">Draft</Badge>
                <Badge variant="destructive">Archived</Badge>
                <Separator orientation="vertical" className="mx-1 h-5" />
                <Badge variant="owner">Owner</Badge>
                <Badge variant="admin">Admin</Badge>
                <Badge variant="editor">Editor</Badge>
                <Badge variant="commenter">Commenter</Badge>
                <Badge variant="viewer">Viewer</Badge>
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <Avatar name="Ada Lovelace" size="xs" />
                <Avatar name="Mary Shelley" size="sm" />
                <Avatar name="Frederick Douglass" />
                <Avatar name="Simone Weil" size="lg" />
                <Avatar name="Hannah Arendt" size="xl" />
                <AvatarGroup>
                  {["Ada Lovelace", "Mary Shelley", "Frederick Douglass", "Simone Weil", "Hannah Arendt", "W. E. B. Du Bois", "Iris Murdoch"].map((n) => (
                    <Avatar key={n} name={n} size="sm" />
                  ))}
                </AvatarGroup>
              </div>
            </Section>

            <Section title="Alerts">
              <div className="grid gap-3 md:grid-cols-2">
                <Alert variant="info" title="Live editing is on">Changes you make are visible to everyone in this group.</Alert>
                <Alert variant="error" title="Couldn’t import file">The PDF has no text layer. Try an EPUB or plain text.</Alert>
                <Alert variant="success">Invitation sent to mary@example.org.</Alert>
                <Alert variant="warning" title="Read-only">You’re viewing an archived version.</Alert>
              </div>
            </Section>

            <Section title="Forms">
              <Card className="max-w-xl">
                <CardHeader>
                  <CardTitle>New reading group</CardTitle>
                  <CardDescription>Members can read, annotate and discuss the texts you add.</CardDescription>
                </CardHeader>
                <CardContent className="grid gap-5">
                  <Field label="Name" hint="Shown to members and on invitations." required>
                    <Input placeholder="Thursday Seminar" defaultValue="Thursday Seminar" />
                  </Field>
                  <Field label="Slug" error="That slug is already taken.">
                    <Input defaultValue="seminar" />
                  </Field>
                  <Field label="Default role for new members">
                    <Select defaultValue="commenter">
                      <option value="viewer">Viewer — can read</option>
                      <option value="commenter">Commenter — can annotate</option>
                      <option value="editor">Editor — can edit the text</option>
                    </Select>
                  </Field>
                  <Field label="Description">
                    <Textarea placeholder="What are you reading together?" />
                  </Field>
                  <div className="grid gap-2">
                    <Label htmlFor="plain">Plain label + input</Label>
                    <Input id="plain" placeholder="Disabled" disabled />
                  </div>
                </CardContent>
                <CardFooter className="justify-end border-t pt-5">
                  <Button variant="ghost">Cancel</Button>
                  <Button>Create group</Button>
                </CardFooter>
              </Card>
            </Section>

            <Section title="Menus, dialogs, tabs, kbd">
              <div className="flex flex-wrap items-center gap-3">
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="outline" id="demo-menu">
                      Document actions
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="start">
                    <DropdownMenuLabel>Chapter 3</DropdownMenuLabel>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem>
                      <FileText /> Rename <DropdownMenuShortcut>⌘R</DropdownMenuShortcut>
                    </DropdownMenuItem>
                    <DropdownMenuItem>
                      <Users /> Share
                    </DropdownMenuItem>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem variant="destructive">Delete</DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
                <Dialog>
                  <DialogTrigger asChild>
                    <Button variant="outline" id="demo-dialog">
                      Invite people
                    </Button>
                  </DialogTrigger>
                  <DialogContent>
                    <DialogHeader>
                      <DialogTitle>Invite to Thursday Seminar</DialogTitle>
                      <DialogDescription>They’ll get an email with a link to join.</DialogDescription>
                    </DialogHeader>
                    <Field label="Email addresses" hint="Separate several with commas.">
                      <Input placeholder="name@example.org" />
                    </Field>
                    <DialogFooter>
                      <DialogClose asChild>
                        <Button variant="ghost">Cancel</Button>
                      </DialogClose>
                      <Button>Send invitations</Button>
                    </DialogFooter>
                  </DialogContent>
                </Dialog>
                <span className="text-sm text-muted-foreground">
                  Press <Kbd>⌘</Kbd> <Kbd>K</Kbd> to search, <Kbd>A</Kbd> to annotate
                </span>
              </div>
              <Tabs defaultValue="annotations">
                <TabsList>
                  <TabsTrigger value="annotations">Annotations</TabsTrigger>
                  <TabsTrigger value="members">Members</TabsTrigger>
                  <TabsTrigger value="history">History</TabsTrigger>
                </TabsList>
                <TabsContent value="annotations" className="text-sm text-muted-foreground">
                  42 annotations across 6 documents.
                </TabsContent>
                <TabsContent value="members">Members</TabsContent>
                <TabsContent value="history">History</TabsContent>
              </Tabs>
            </Section>

            <Section title="Table">
              <Card className="py-0">
                <Table>
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead className="pl-5">Member</TableHead>
                      <TableHead>Role</TableHead>
                      <TableHead className="hidden sm:table-cell">Joined</TableHead>
                      <TableHead className="pr-5 text-right">
                        <span className="sr-only">Actions</span>
                      </TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {members.map((m) => (
                      <TableRow key={m.email}>
                        <TableCell className="pl-5">
                          <div className="flex items-center gap-3">
                            <Avatar name={m.name} size="sm" decorative />
                            <div className="min-w-0">
                              <div className="truncate font-medium">{m.name}</div>
                              <div className="truncate text-xs text-muted-foreground">{m.email}</div>
                            </div>
                          </div>
                        </TableCell>
                        <TableCell>
                          <Badge variant={m.role}>{m.role[0].toUpperCase() + m.role.slice(1)}</Badge>
                        </TableCell>
                        <TableCell className="hidden text-muted-foreground sm:table-cell">{m.joined}</TableCell>
                        <TableCell className="pr-5 text-right">
                          <Button variant="ghost" size="sm">
                            Manage
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Card>
            </Section>

            <Section title="Empty state & skeleton">
              <div className="grid gap-4 md:grid-cols-2">
                <EmptyState
                  icon={<BookOpen />}
                  title="No documents yet"
                  description="Import a text — Markdown, HTML, EPUB or plain text — to start reading together."
                  action={
                    <Button>
                      <Upload /> Import a text
                    </Button>
                  }
                />
                <Card>
                  <CardHeader>
                    <Skeleton className="h-5 w-2/3" />
                    <Skeleton className="h-4 w-1/2" />
                  </CardHeader>
                  <CardContent className="grid gap-2.5">
                    <Skeleton className="h-3.5 w-full" />
                    <Skeleton className="h-3.5 w-full" />
                    <Skeleton className="h-3.5 w-11/12" />
                    <Skeleton className="h-3.5 w-4/5" />
                  </CardContent>
                </Card>
              </div>
            </Section>

            <Section title="Reading">
              <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
                <article className="prose-reading">
                  <h1>On the Duty of Civil Disobedience</h1>
                  <p>
                    I heartily accept the motto, — “That government is best which governs least;” and I should like to see it acted up to more
                    rapidly and systematically. Carried out, it finally amounts to this, which also I believe, —{" "}
                    <mark>“That government is best which governs not at all;”</mark> and when men are prepared for it, that will be the kind of
                    government which they will have.
                  </p>
                  <h2>The character of the people</h2>
                  <p>
                    Government is at best but an expedient; but most governments are usually, and all governments are sometimes,{" "}
                    <span className="rounded-[2px] bg-highlight-mine">inexpedient</span>. The objections which have been brought against a
                    standing army, and they are many and weighty, <a href="#main">deserve to prevail</a>, may also at last be brought against a
                    standing government. <span className="rounded-[2px] bg-highlight-strong">The standing army is only an arm of the standing government.</span>
                  </p>
                  <blockquote>
                    <p>Under a government which imprisons any unjustly, the true place for a just man is also a prison.</p>
                  </blockquote>
                  <ul>
                    <li>Unjust laws exist: shall we be content to obey them?</li>
                    <li>
                      Or shall we endeavor to amend them, and obey them until we have succeeded, or shall we transgress them at once?
                    </li>
                  </ul>
                  <hr />
                  <p>
                    Set in <code>Source Serif 4</code>, 1.125rem on 1.7, at most 68 characters to the line.
                  </p>
                </article>
                <aside aria-label="Annotations" className="flex flex-col gap-3">
                  <Card className="gap-2 border-l-4 border-l-highlight-strong py-3">
                    <CardHeader className="flex-row items-center gap-2 px-4">
                      <Avatar name="Mary Shelley" size="xs" decorative />
                      <span className="text-sm font-medium">Mary Shelley</span>
                      <span className="ml-auto text-xs text-muted-foreground">2h</span>
                    </CardHeader>
                    <CardContent className="px-4 text-sm leading-relaxed">
                      Compare with the preface to <em>Frankenstein</em> — the same suspicion of institutions.
                    </CardContent>
                  </Card>
                  <Card className="gap-2 border-l-4 border-l-primary py-3">
                    <CardHeader className="flex-row items-center gap-2 px-4">
                      <Avatar name="Ada Lovelace" size="xs" decorative />
                      <span className="text-sm font-medium">You</span>
                      <span className="ml-auto text-xs text-muted-foreground">just now</span>
                    </CardHeader>
                    <CardContent className="px-4 text-sm leading-relaxed">Is “inexpedient” doing ironic work here?</CardContent>
                  </Card>
                </aside>
              </div>
            </Section>
          </div>
        </PageContainer>
      </main>
      <SiteHeader user={null} nav={nav} className="static mt-12" />
      <SiteHeader user={null} className="static mt-4" />
    </>
  );
}
