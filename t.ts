import { ensureDatabase } from "./lib/db/ensure-database";
const t = Date.now();
const db = await ensureDatabase({ purpose: "app", log: console.log });
console.log(db.url, db.fresh, Date.now() - t, "ms");
await db.release();
