import type { Role } from "@/lib/auth/roles";

/** The signed-in person as the domain layer sees them. */
export type Actor = { id: string; email: string; name: string | null; role: Role };
