import "server-only";
import { z } from "zod";
import { db } from "../db";
import { parseInput } from "../validation/parse";

const preferencesInput = z.object({
  /** A daily email of unread notifications, when the instance can send mail. */
  digestEmail: z.boolean(),
});

/** A user's own notification preferences; nobody else's. */
export default async function updatePreferences(opts: { actorId: string; input: unknown }) {
  const input = parseInput(preferencesInput, opts.input);
  return db().user.update({ where: { id: opts.actorId }, data: input, select: { digestEmail: true } });
}
