/** The forwarding forms' shared class names (one look for every field and button of the feature). */
export const inputClass =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
export const removeButtonClass =
  "rounded-md border border-slate-400 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";
