/** The forwarding forms' shared class names (one look for every field and button of the feature). */
export { inputClass } from "@/components/form/styles";
export const removeButtonClass =
  "rounded-md border border-slate-400 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";
