"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { refreshSession } from "./session-requests";

/**
 * Navigating is activity: refresh the session cookie so the idle timeout counts from the last page the
 * person opened (server components cannot set cookies themselves). An open but unused tab does not.
 */
export function SessionKeepAlive() {
  const pathname = usePathname();
  useEffect(() => {
    void refreshSession().catch(() => undefined);
  }, [pathname]);
  return null;
}
