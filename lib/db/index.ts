import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "../env";
import { endSharedPools, sharedPool } from "./pool";

export type { Prisma } from "../generated/prisma/client";
export type Db = PrismaClient;
/** A client or an open transaction; commands accept either so callers can compose them. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { marginaliaPrisma?: PrismaClient };

/**
 * The one Prisma client, on the process's one pool (lib/db/pool.ts). Cached on globalThis
 * because server.ts and Next's bundled route modules are separate module graphs in the same
 * process; they must share one pool.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.marginaliaPrisma) {
    const adapter = new PrismaPg(pool());
    globalForPrisma.marginaliaPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.marginaliaPrisma;
}

/**
 * The process's one pool on its database (the one openDatabase opened, or DATABASE_URL): what
 * db() runs on, and what the hot raw statements, the update log and the channel between
 * instances use, so the custom server and Next's routes share one set of connections.
 */
export function pool(): pg.Pool {
  return sharedPool(databaseUrl());
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
 * A read statement written with Prisma.sql, run on the plain pool (for the few hot statements
 * where Prisma's raw-query layer costs more than the query itself, a W3C container page of 100
 * wide rows): the same rows $queryRaw gives (UTC timestamps, bigint as BigInt, bytea as bytes).
 * Reads only; writes and transactions go through db().
 */
export async function readRows<T>(statement: { text: string; values: unknown[] }): Promise<T[]> {
  return (await pool().query({ text: statement.text, values: statement.values, types: readTypes })).rows as T[];
}

/** Closes the client and the pools (tests and CLI exit). */
export async function disconnectDb() {
  await globalForPrisma.marginaliaPrisma?.$disconnect();
  globalForPrisma.marginaliaPrisma = undefined;
  await endSharedPools();
}
