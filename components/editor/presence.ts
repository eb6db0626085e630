import { readAwarenessUser } from "./user-color";

/** One person in the document, however many tabs they have open. */
export type Person = {
  id: string;
  name: string;
  color: string;
  isSelf: boolean;
  /** Awareness client ids of their open tabs. */
  clientIds: number[];
};

/**
 * Everyone in an awareness state map, one entry per user id, you first, then by name.
 * States without a `user` field (a client still starting) are left out.
 */
export function peopleFromAwareness(
  states: ReadonlyMap<number, Record<string, unknown>>,
  self: { clientId: number; userId: string },
): Person[] {
  const byId = new Map<string, Person>();
  for (const [clientId, state] of states) {
    const user = readAwarenessUser(state?.user, clientId);
    if (!user) continue;
    const isSelf = clientId === self.clientId || user.id === self.userId;
    const existing = byId.get(user.id);
    if (existing) {
      existing.clientIds.push(clientId);
      existing.isSelf ||= isSelf;
      continue;
    }
    byId.set(user.id, { ...user, isSelf, clientIds: [clientId] });
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/** A string that changes only when the visible list does; awareness also fires on every caret move. */
export function presenceSignature(people: readonly Person[]): string {
  return people.map((p) => `${p.id}\u0000${p.name}\u0000${p.color}\u0000${p.isSelf ? 1 : 0}`).join("\u0001");
}
