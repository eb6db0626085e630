import acceptInvite from "../commands/accept-invite";
import createDocument from "../commands/create-document";
import createGroup from "../commands/create-group";
import createInvite from "../commands/create-invite";
import createUser from "../commands/create-user";
import { findUserByEmail } from "../queries/account";
import { DEMO_MARKDOWN, DEMO_TITLE } from "./content";

/**
 * Demo accounts for a local, embedded install only (see server.ts): their passwords are
 * public, so they never go into an external database unless MARGINALIA_SEED_DEMO=1 asks.
 */
export const DEMO_USERS = [
  { name: "Ada Lindqvist", email: "ada@demo.marginalia.test", password: "margins-are-for-reading", role: "owner" as const },
  { name: "Basil Okafor", email: "basil@demo.marginalia.test", password: "margins-are-for-reading", role: "editor" as const },
];

/** Creates the demo group, its two members and one document; does nothing if they exist. */
export async function seedDemo(opts: { log?: (m: string) => void } = {}) {
  const log = opts.log ?? console.log;
  const [owner, editor] = DEMO_USERS;
  const existing = await findUserByEmail(owner.email);
  if (!existing) {
    const ada = await createUser({ input: owner });
    const basil = await createUser({ input: editor });
    const { group } = await createGroup({
      actorId: ada.id,
      input: { name: "Demo reading group", moderation: "post", description: "A place to try Marginalia: read, annotate and edit together." },
    });
    // Basil joins the way everyone does, through an invitation (its link is never sent anywhere).
    const { url } = await createInvite({ actorId: ada.id, groupId: group.id, input: { role: editor.role, maxUses: 1 }, origin: "http://localhost" });
    await acceptInvite({ actorId: basil.id, token: new URL(url).pathname.split("/").pop() });
    await createDocument({ actorId: ada.id, input: { groupId: group.id, title: DEMO_TITLE, format: "markdown", content: DEMO_MARKDOWN } });
  }
  log("demo accounts (local use only):");
  for (const u of DEMO_USERS) log(`  ${u.email}  password: ${u.password}  (${u.role})`);
}
