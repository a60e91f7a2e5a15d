"use client";

/** Last-resort error text: a plain sentence and a retry, never the error's message (it may hold internals). */
export function PageError({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <>
      <div role="alert">
        <h1 className="text-2xl font-bold">Something went wrong</h1>
        <p className="mt-2">The panel could not show this page. Nothing was changed.</p>
        {digest ? <p className="mt-2 text-sm text-slate-700">Reference: {digest}</p> : null}
      </div>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-blue-700 px-4 py-2 font-semibold text-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        Try again
      </button>
    </>
  );
}
