/** What became of a one-time link: the tab it opened (a status), or why there is none (an alert). */
export function OneTimeLinkStatus({ status, error }: { status: string; error: string }) {
  return (
    <>
      <p role="status" className="text-sm text-emerald-800">
        {status}
      </p>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}
