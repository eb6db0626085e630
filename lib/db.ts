import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./env";

export type { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;
/** A client or an open transaction; commands accept either so callers can compose them. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { marginaliaPrisma?: PrismaClient };

/**
 * The one Prisma client. Cached on globalThis because server.ts and Next's bundled route
 * modules are separate module graphs in the same process; they must share one pool.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.marginaliaPrisma) {
    const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
    globalForPrisma.marginaliaPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.marginaliaPrisma;
}

/** Closes the pool (tests and CLI exit). */
export async function disconnectDb() {
  await globalForPrisma.marginaliaPrisma?.$disconnect();
  globalForPrisma.marginaliaPrisma = undefined;
}
