import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env; the URL is only needed by `prisma migrate deploy`
// where the native engine is available. The app applies migrations itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/marginalia" },
});
