import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { PageShell } from "@/components/page-shell";
import { SessionKeepAlive } from "@/components/session-keep-alive";

export default async function PanelLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <PageShell user={{ email: user.email, role: user.role }} aside={<SessionKeepAlive />}>
      {children}
    </PageShell>
  );
}
