"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

type Selection = {
  selected: string[];
  isSelected(value: string): boolean;
  toggle(value: string, on: boolean): void;
  setMany(values: string[], on: boolean): void;
  clear(): void;
};

const SelectionContext = createContext<Selection | null>(null);

/** Holds which mailboxes are selected (their form values) for the checkboxes and the bulk action bar inside it. */
export function BulkSelectionProvider({ children }: { children: ReactNode }) {
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = useCallback((value: string, on: boolean) => {
    setSelected((current) => (on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value)));
  }, []);
  const setMany = useCallback((values: string[], on: boolean) => {
    setSelected((current) => {
      if (!on) return current.filter((v) => !values.includes(v));
      const seen = new Set(current);
      return [...current, ...values.filter((v) => !seen.has(v))];
    });
  }, []);
  const value = useMemo(() => {
    const set = new Set(selected);
    return { selected, isSelected: (v: string) => set.has(v), toggle, setMany, clear: () => setSelected([]) };
  }, [selected, toggle, setMany]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The selection of the nearest BulkSelectionProvider. */
export function useBulkSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useBulkSelection needs a BulkSelectionProvider");
  return selection;
}
