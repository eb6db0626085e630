import { describe, expect, it } from "vitest";
import linkOAuthAccount from "@/lib/commands/link-oauth-account";
import { db } from "@/lib/db";
import { createUser, unique } from "../../factories";

const github = (id: string) => ({ provider: "github", providerAccountId: id, type: "oauth" });

describe("linkOAuthAccount", () => {
  it("creates an account for a new verified email, named from the profile, and links the provider once", async () => {
    const email = `new-${unique()}@example.test`;
    const id = unique();
    const first = await linkOAuthAccount({ profile: { email: ` ${email.toUpperCase()} `, name: " Cleo " }, account: github(id) });
    expect(first).toMatchObject({ email, name: "Cleo" });
    const again = await linkOAuthAccount({ profile: { email, name: "Someone else" }, account: github(id) });
    expect(again!.id).toBe(first!.id);
    expect(await db().account.count({ where: { userId: first!.id } })).toBe(1);
  });

  it("links a second provider to the existing account with the same email, and refuses a profile without one", async () => {
    const user = await createUser();
    const linked = await linkOAuthAccount({ profile: { email: user.email, name: null }, account: { provider: "google", providerAccountId: unique(), type: "oidc" } });
    expect(linked!.id).toBe(user.id);
    expect(linked!.name).toBe(user.name);
    expect(await linkOAuthAccount({ profile: { email: null }, account: github(unique()) })).toBeNull();
  });
});
