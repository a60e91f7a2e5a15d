import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The sessions row this sign-in opened (lib/db/sessions.ts). */
    sessionId: string;
  }
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role };
    /** Checked on the server for every request (lib/auth/session.ts); harmless if read by the browser. */
    meta: { sessionVersion: number; sessionId: string; authTime: number; seen: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    /** The session's id: signing out deletes its row, which every request checks. */
    sid?: string;
    /** Epoch seconds of sign-in: the absolute session lifetime counts from here. */
    authTime?: number;
    /** Epoch seconds of the last request that refreshed the token: the idle timeout counts from here. */
    seen?: number;
  }
}
