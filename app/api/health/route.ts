import { checkHealth } from "@/lib/queries/health";

// GET /api/health — {status, db, redis} for load balancers and monitors: 503 only when this instance cannot serve (no database).
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "unavailable" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
