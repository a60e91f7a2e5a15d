"use client";

import { useEffect, useRef, useState } from "react";
import type { PasswordViolation } from "@/lib/password/policy";
import type { PasswordContext } from "@/lib/password/rules";

export type PasswordEstimate = {
  level: 0 | 1 | 2 | 3 | 4;
  hints: string[];
  violations: PasswordViolation[];
};

type Answer = PasswordEstimate & { id: number };
type Asked = { password: string; contextKey: string };

/**
 * The policy's full verdict (with zxcvbn) for the current password, computed in a Web Worker started
 * after the page is interactive (the estimator never lands in the first-load bundle); null until the
 * worker has answered for exactly this input.
 */
export function usePasswordEstimate(password: string, context: PasswordContext): PasswordEstimate | null {
  const contextKey = `${context.email}|${context.cpanelUser ?? ""}|${context.requiredCpanelStrength ?? 0}`;
  const [result, setResult] = useState<(Asked & { estimate: PasswordEstimate }) | null>(null);
  const worker = useRef<Worker | null>(null);
  const asked = useRef(new Map<number, Asked>());
  const nextId = useRef(0);

  useEffect(() => {
    const instance = new Worker(new URL("./strength.worker.ts", import.meta.url), { type: "module" });
    instance.onmessage = (event: MessageEvent<Answer>) => {
      const question = asked.current.get(event.data.id);
      asked.current.delete(event.data.id);
      if (question) setResult({ ...question, estimate: { level: event.data.level, hints: event.data.hints, violations: event.data.violations } });
    };
    worker.current = instance;
    return () => {
      instance.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (!password || !worker.current) return;
    const id = ++nextId.current;
    asked.current.set(id, { password, contextKey });
    worker.current.postMessage({ id, password, context });
    // context is covered by contextKey; the object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [password, contextKey]);

  return result && password && result.password === password && result.contextKey === contextKey ? result.estimate : null;
}
