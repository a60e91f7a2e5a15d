/** The look of a text input across forms (its height is the one control height of globals.css). */
export const inputClass =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
