import { NextResponse, type NextRequest } from "next/server";

// Optimistic check only: no session cookie → /login. Pages and actions still call requireUser().
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    "/overview/:path*",
    "/capabilities/:path*",
    "/apps/:path*",
    "/monitoring/:path*",
    "/packs/:path*",
    "/orders/:path*",
    "/access-keys/:path*",
    "/account/:path*",
    "/playground/:path*",
    "/pay/:path*",
  ],
};
