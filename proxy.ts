import { NextResponse, type NextRequest } from "next/server";
import { problemResponse } from "@/lib/api/problem";

/**
 * A Content-Security-Policy with a fresh nonce per request: Next.js puts the nonce on its own scripts, and
 * nothing else may run (no inline scripts, no eval in production). Styles allow inline attributes (usage bars);
 * a nonce would switch that off, and style injection cannot run code.
 */
function contentSecurityPolicy(nonce: string, https: boolean, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Whether every segment of a path decodes: Next's router throws on one that does not and answers a bare 500. */
function decodablePath(pathname: string): boolean {
  try {
    pathname.split("/").forEach((segment) => decodeURIComponent(segment));
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  // Only API paths with a non-ASCII or broken percent-escape get here (see the matcher): a bad address is a 404.
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const { pathname } = new URL(request.url);
    if (decodablePath(pathname)) return NextResponse.next();
    return problemResponse({
      code: "not_found",
      detail: { key: "notFound" },
      instance: pathname,
      requestId: crypto.randomUUID(),
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, request.nextUrl.protocol === "https:", process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // API paths only when a percent-escape is not plain ASCII (an invalid one, or UTF-8): the proxy must not run on
    // every API call, since Next reads a request's whole body before a proxy that sees it, whatever the route's limit.
    { source: "/api/(.*%(?![0-7][0-9a-fA-F]).*)" },
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
