import { checkDatabase } from "@/lib/queries/health";

// GET /api/health — liveness and database reachability for load balancers and monitors.
export async function GET() {
  const db = await checkDatabase();
  return Response.json({ status: db ? "ok" : "degraded", db: db ? "ok" : "unreachable" }, { status: db ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
