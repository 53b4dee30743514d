/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons and worker bundles must load from node_modules at run time, not be bundled.
  serverExternalPackages: ["onnxruntime-node", "sharp", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: "tsconfig.json" },
  experimental: {
    // Playground uploads pass through a server action: up to 2 MB per image, several images.
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default nextConfig;
