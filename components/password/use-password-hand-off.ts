"use client";

import { useState } from "react";
import type { PasswordDraft } from "./use-password-draft";

/**
 * A generated password to hand over after a successful submit: `capture(formData)` before sending notes whether the
 * password sent is the generated one, and gives back what to call on success. The password stays in browser state
 * only, until dismissed (or the page is left).
 */
export function usePasswordHandOff(draft: PasswordDraft, field: string) {
  const [handOff, setHandOff] = useState<string | null>(null);
  function capture(formData: FormData): () => void {
    const sent = formData.get(field);
    const generated = draft.isGenerated ? draft.generated : null;
    return () => setHandOff(generated !== null && generated === sent ? generated : null);
  }
  return { handOff, capture, dismiss: () => setHandOff(null) };
}
