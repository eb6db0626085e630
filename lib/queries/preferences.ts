import "server-only";
import { db } from "../db";

/** The user's notification preferences, for the settings page. */
export function userPreferences(userId: string) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { digestEmail: true } });
}
