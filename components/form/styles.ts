/** The look of a text input across forms (its height is the one control height of globals.css). */
export const inputClass =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

/** The one size and colour of help text under a field (the hint its input's aria-describedby names). */
export const hintClass = "mt-1 text-sm text-slate-700";
