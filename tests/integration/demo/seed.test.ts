import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_USERS, seedDemo } from "@/lib/demo/seed";

describe("seedDemo", () => {
  it("makes the demo group with its owner and its editor (who joined through an invitation) and one text, once", async () => {
    await seedDemo({ log: () => {} });
    await seedDemo({ log: () => {} });
    const [owner, editor] = DEMO_USERS;
    const memberships = await db().membership.findMany({ where: { user: { email: { in: [owner.email, editor.email] } }, group: { name: "Demo reading group" } }, select: { role: true, groupId: true, user: { select: { email: true } } } });
    expect(memberships.map((m) => [m.user.email, m.role]).sort()).toEqual([[owner.email, "owner"], [editor.email, "editor"]].sort());
    const groupId = memberships[0].groupId;
    expect(new Set(memberships.map((m) => m.groupId))).toEqual(new Set([groupId]));
    expect(await db().document.count({ where: { groupId } })).toBe(1);
    expect(await db().invite.findMany({ where: { groupId }, select: { uses: true, maxUses: true } })).toEqual([{ uses: 1, maxUses: 1 }]);
  });
});
