"use client";

import { useCallback } from "react";

/**
 * Staff give one reason per change (DESIGN §2). The reason field sits in the add form; a remove button's own form
 * copies it in, so support does not type it twice.
 */
export function useWithReason(reasonFieldId: string, requireReason: boolean, dispatch: (formData: FormData) => void) {
  return useCallback(
    (formData: FormData) => {
      if (requireReason) {
        const field = document.getElementById(reasonFieldId);
        formData.set("reason", field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : "");
      }
      dispatch(formData);
    },
    [reasonFieldId, requireReason, dispatch],
  );
}
