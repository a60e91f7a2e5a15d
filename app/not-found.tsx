import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { sessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { NotFoundMessage } from "@/components/not-found-message";
import { PageShell } from "@/components/page-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotFound"))("title") };
}

/** A URL that matches no page: the panel's shell (signed in or not) around the same 404 text as everywhere. */
export default async function NotFound() {
  const user = await sessionUser();
  const shellUser = user ? { email: user.email, role: user.role } : null;
  return (
    <PageShell user={shellUser} nav={user && isStaff(user.role) && !user.twoFactorEnabled ? "minimal" : "full"}>
      <div className="py-10">
        <NotFoundMessage />
      </div>
    </PageShell>
  );
}
