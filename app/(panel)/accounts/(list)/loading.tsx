// Only the account list has a loading state: pages that can answer 404 must decide before streaming starts.
export default function Loading() {
  return (
    <p role="status" className="text-sm text-slate-700">
      Loading…
    </p>
  );
}
