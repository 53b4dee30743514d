import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

// Response headers for every page and route. The CSP allows inline scripts because the App Router
// streams its payload in inline <script> tags; nonces would force every page to render dynamically
// (no static shell). Everything else is locked to this origin: no framing (clickjacking on 确认支付,
// 新建 AccessKey…), no plugins, no foreign <base> or form targets. Images may be blob: (playground
// previews) and data: URLs. `next dev` additionally needs eval for React's debugging stacks.
// HSTS is left to the TLS terminator (it knows whether https is really served).
function securityHeaders(dev) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
  ];
}

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // Native addons and worker bundles must load from node_modules at run time, not be bundled.
  serverExternalPackages: [
    "onnxruntime-node",
    "sharp",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    // PDF pages (pdf.js loads its fonts, CMaps and the Skia canvas from its own package at run time).
    "pdfjs-dist",
    "@napi-rs/canvas",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: "tsconfig.json" },
  experimental: {
    // Playground uploads pass through a server action: up to 2 MB per image, several images.
    serverActions: { bodySizeLimit: "12mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
  },
});

export default nextConfig;
