/// <reference lib="webworker" />
// Runs the full password policy (zxcvbn and its dictionaries) off the main thread, so typing never stutters.
import { evaluatePassword } from "@/lib/password/policy";
import type { PasswordContext } from "@/lib/password/rules";

type Request = { id: number; password: string; context: PasswordContext };

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, password, context } = event.data;
  const verdict = evaluatePassword(password, context);
  self.postMessage({ id, level: verdict.level, hints: verdict.hints, violations: verdict.violations });
};
