import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";

/** The signed-in staff member; everyone else gets the panel's 404, as for a page that does not exist (DESIGN §2). */
export async function staffOr404(): Promise<Actor> {
  const user = await requireUser();
  if (!isStaff(user.role)) notFound();
  return user;
}
