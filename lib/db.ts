import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./env";

export type { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;
/** A client or an open transaction; commands accept either so callers can compose them. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { marginaliaPrisma?: PrismaClient; marginaliaReadPool?: pg.Pool };

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

/** Prisma's columns are `timestamp(3)` holding UTC; node-pg would read them as local time. */
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
/** bigint columns (revisions, counts) as BigInt, as Prisma's raw queries give them. */
const bigInt = (value: string) => BigInt(value);
const readTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP ? utcTimestamp : oid === pg.types.builtins.INT8 ? bigInt : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A small plain `pg` pool for the few hot read statements where Prisma's raw-query layer costs
 * more than the query itself (a W3C container page: 100 wide rows). Reads only; writes and
 * transactions go through db().
 */
export function readPool(): pg.Pool {
  globalForPrisma.marginaliaReadPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 4, types: readTypes });
  return globalForPrisma.marginaliaReadPool;
}

/**
 * A read statement written with Prisma.sql, run on readPool(): the same rows $queryRaw gives
 * (UTC timestamps, bigint as BigInt, bytea as bytes), for per-request statements on hot paths.
 */
export async function readRows<T>(statement: { text: string; values: unknown[] }): Promise<T[]> {
  return (await readPool().query(statement.text, statement.values)).rows as T[];
}

/** Closes the pools (tests and CLI exit). */
export async function disconnectDb() {
  await globalForPrisma.marginaliaPrisma?.$disconnect();
  globalForPrisma.marginaliaPrisma = undefined;
  await globalForPrisma.marginaliaReadPool?.end();
  globalForPrisma.marginaliaReadPool = undefined;
}
